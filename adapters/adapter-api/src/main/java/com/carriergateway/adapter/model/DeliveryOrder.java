package com.carriergateway.adapter.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The canonical delivery order every adapter books. It carries no BestRx shapes.
 *
 * @param orderKey the gateway's stable key for this order; adapters send it to the carrier as the
 *     caller's order reference (PB {@code clientOrderId}, Connect {@code customerReference}) so that a
 *     create whose answer was lost can be found again instead of duplicated
 *     (it is also the {@code provider_order_id} the pharmacy sees; at most 50 characters of
 *     {@code [A-Z0-9-]})
 * @param references non-personal identifiers worth showing to the carrier's support staff, e.g. the
 *     pharmacy's own order number; never patient data
 */
public record DeliveryOrder(
        String orderKey,
        Map<String, String> references,
        Pharmacy pharmacy,
        Party recipient,
        List<Customer> customers,
        List<PrescriptionItem> prescriptions,
        List<OtcItem> otcItems,
        List<Consent> consents,
        Amounts amounts,
        Parcel parcel,
        Handling handling,
        LocalDate pickupDate,
        LocalDate requestedDeliveryDate,
        String serviceLevel,
        String deliveryNotes,
        Instant createdAt) {

    public DeliveryOrder {
        references = references == null ? Map.of() : Map.copyOf(references);
        customers = customers == null ? List.of() : List.copyOf(customers);
        prescriptions = prescriptions == null ? List.of() : List.copyOf(prescriptions);
        otcItems = otcItems == null ? List.of() : List.copyOf(otcItems);
        consents = consents == null ? List.of() : List.copyOf(consents);
    }
}
