package com.carriergateway.core.order;

import com.carriergateway.adapter.model.CarrierOrder;
import com.carriergateway.core.store.OrderEventKind;
import java.util.List;

/**
 * An order a carrier holds, and how we came to know (booked now, or found by lookup after a lost answer).
 * {@code failedOverFrom} names the pharmacy's primary carrier when its open circuit sent the order elsewhere;
 * {@code carrierWarnings} are the carrier's remarks on an order it accepted (never patient data).
 */
public record BookedOrder(String carrierId, CarrierOrder order, OrderEventKind how, String failedOverFrom,
                          List<String> carrierWarnings) {

    public BookedOrder {
        carrierWarnings = carrierWarnings == null ? List.of() : List.copyOf(carrierWarnings);
    }

    public BookedOrder(String carrierId, CarrierOrder order, OrderEventKind how) {
        this(carrierId, order, how, null, List.of());
    }
}
