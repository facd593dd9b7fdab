package com.carriergateway.adapter.uberdirect;

import com.carriergateway.adapter.contract.SampleOrders;
import com.carriergateway.adapter.model.Amounts;
import com.carriergateway.adapter.model.DeliveryOrder;
import com.carriergateway.adapter.model.Handling;
import com.carriergateway.adapter.model.OtcItem;
import com.carriergateway.adapter.model.Party;
import com.carriergateway.adapter.model.Pharmacy;
import com.carriergateway.adapter.model.PrescriptionItem;
import java.time.LocalDate;
import java.util.List;

/** The contract kit's seed order with one thing changed, for the tests of what Uber receives. */
final class UberOrders {

    private UberOrders() {
    }

    static DeliveryOrder seed() {
        return SampleOrders.seedOrder();
    }

    static DeliveryOrder seed(String orderKey) {
        return SampleOrders.seedOrder(orderKey);
    }

    static DeliveryOrder withHandling(DeliveryOrder o, Handling handling) {
        return copy(o, o.pharmacy(), o.recipient(), o.prescriptions(), o.otcItems(), o.amounts(), handling,
                o.requestedDeliveryDate());
    }

    static DeliveryOrder withRequestedDate(DeliveryOrder o, LocalDate date) {
        return copy(o, o.pharmacy(), o.recipient(), o.prescriptions(), o.otcItems(), o.amounts(), o.handling(), date);
    }

    static DeliveryOrder withRecipientPhones(DeliveryOrder o, String mobile, String home, String work) {
        Party p = o.recipient();
        Party recipient = new Party(p.organization(), p.firstName(), p.middleName(), p.lastName(), p.address(), home,
                work, mobile, p.fax(), p.email());
        return copy(o, o.pharmacy(), recipient, o.prescriptions(), o.otcItems(), o.amounts(), o.handling(),
                o.requestedDeliveryDate());
    }

    static DeliveryOrder withPharmacyPhone(DeliveryOrder o, String phone) {
        Pharmacy p = o.pharmacy();
        Pharmacy pharmacy = new Pharmacy(p.pharmacyId(), p.accountNumber(), p.name(), p.address(), phone, p.fax(),
                p.email(), p.ncpdp(), p.npi(), p.dea());
        return copy(o, pharmacy, o.recipient(), o.prescriptions(), o.otcItems(), o.amounts(), o.handling(),
                o.requestedDeliveryDate());
    }

    static DeliveryOrder withItems(DeliveryOrder o, List<PrescriptionItem> rx, List<OtcItem> otc) {
        return copy(o, o.pharmacy(), o.recipient(), rx, otc, o.amounts(), o.handling(), o.requestedDeliveryDate());
    }

    static DeliveryOrder withAmounts(DeliveryOrder o, Amounts amounts) {
        return copy(o, o.pharmacy(), o.recipient(), o.prescriptions(), o.otcItems(), amounts, o.handling(),
                o.requestedDeliveryDate());
    }

    static DeliveryOrder withRecipient(DeliveryOrder o, Party recipient) {
        return copy(o, o.pharmacy(), recipient, o.prescriptions(), o.otcItems(), o.amounts(), o.handling(),
                o.requestedDeliveryDate());
    }

    private static DeliveryOrder copy(DeliveryOrder o, Pharmacy pharmacy, Party recipient, List<PrescriptionItem> rx,
                                      List<OtcItem> otc, Amounts amounts, Handling handling, LocalDate requested) {
        return new DeliveryOrder(o.orderKey(), o.references(), pharmacy, recipient, o.customers(), rx, otc,
                o.consents(), amounts, o.parcel(), handling, o.pickupDate(), requested, o.serviceLevel(),
                o.deliveryNotes(), o.createdAt());
    }
}
