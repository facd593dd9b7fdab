package com.carriergateway.core;

import com.carriergateway.adapter.contract.SampleOrders;
import com.carriergateway.adapter.model.Address;
import com.carriergateway.adapter.model.Amounts;
import com.carriergateway.adapter.model.DeliveryOrder;
import com.carriergateway.adapter.model.Handling;
import com.carriergateway.adapter.model.Party;
import com.carriergateway.core.order.CreateOrderCommand;
import com.carriergateway.core.order.OrderKeys;
import com.carriergateway.core.pharmacy.PharmacyAccount;
import com.carriergateway.core.routing.RoutingPolicy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Orders and booking commands for the core's tests: BestRx's published seed order in canonical form (the contract
 * kit's), changed one field at a time. The core never reads BestRx's JSON: that is the edge's job and its tests'.
 */
public final class TestOrders {

    public static final String PHARMACY = "ef0a4740-0be9-44f7-b89d-9e66eeba0b9a";

    private TestOrders() {
    }

    /** The seed order under the key the gateway gives BestRx's unique order id {@code uniqueId}. */
    public static DeliveryOrder seed(long uniqueId) {
        return SampleOrders.seedOrder(OrderKeys.of(PHARMACY, uniqueId));
    }

    public static DeliveryOrder seed() {
        return seed(1001);
    }

    public static DeliveryOrder withServiceLevel(DeliveryOrder o, String level) {
        return copy(o, level, o.handling(), o.recipient(), o.requestedDeliveryDate(), o.amounts());
    }

    public static DeliveryOrder withHandling(DeliveryOrder o, boolean refrigerated, boolean signature, boolean photoId) {
        return copy(o, o.serviceLevel(), new Handling(refrigerated, signature, photoId), o.recipient(),
                o.requestedDeliveryDate(), o.amounts());
    }

    public static DeliveryOrder withRecipientAddress(DeliveryOrder o, UnaryOperator<Address> change) {
        Party r = o.recipient();
        Party changed = new Party(r.organization(), r.firstName(), r.middleName(), r.lastName(),
                change.apply(r.address()), r.homePhone(), r.workPhone(), r.mobilePhone(), r.fax(), r.email());
        return copy(o, o.serviceLevel(), o.handling(), changed, o.requestedDeliveryDate(), o.amounts());
    }

    public static DeliveryOrder withDeliveryDate(DeliveryOrder o, LocalDate date) {
        return copy(o, o.serviceLevel(), o.handling(), o.recipient(), date, o.amounts());
    }

    public static DeliveryOrder withTotal(DeliveryOrder o, String total) {
        Amounts a = o.amounts();
        return copy(o, o.serviceLevel(), o.handling(), o.recipient(), o.requestedDeliveryDate(),
                new Amounts(a.prescription(), a.otc(), a.tax(), new BigDecimal(total), a.toCollect(), a.declared()));
    }

    /** A pharmacy that sends everything to {@code carrierId}, with {@code failover} when its circuit is open. */
    public static PharmacyAccount pharmacy(String carrierId, String failover) {
        return new PharmacyAccount(PHARMACY, "Test Pharmacy", "key", new byte[32],
                new RoutingPolicy(carrierId, List.of(), null, failover), null);
    }

    /**
     * Book {@code order} for {@code pharmacy}: the fingerprint follows the order's content (as the edge's hash of the
     * body does), so the same order is a repeat and a changed one a conflict.
     */
    public static CreateOrderCommand command(PharmacyAccount pharmacy, DeliveryOrder order) {
        return new CreateOrderCommand(pharmacy, 123456789, Long.parseLong(order.references()
                .getOrDefault("bestrx_unique_order_id", "1001")), order, fingerprint(order), true, List.of());
    }

    public static String fingerprint(DeliveryOrder order) {
        return "fp-" + order.orderKey() + "-" + order.amounts().total().toPlainString() + "-" + order.serviceLevel();
    }

    private static DeliveryOrder copy(DeliveryOrder o, String serviceLevel, Handling handling, Party recipient,
                                      LocalDate deliveryDate, Amounts amounts) {
        return new DeliveryOrder(o.orderKey(), o.references(), o.pharmacy(), recipient, o.customers(),
                o.prescriptions(), o.otcItems(), o.consents(), amounts, o.parcel(), handling, o.pickupDate(),
                deliveryDate, serviceLevel, o.deliveryNotes(), o.createdAt());
    }
}
