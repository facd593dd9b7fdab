package com.carriergateway.routes.order;

import com.carriergateway.adapter.model.CarrierOrder;
import com.carriergateway.routes.store.OrderEventKind;

/**
 * An order a carrier holds, and how we came to know (booked now, or found by lookup after a lost answer).
 * {@code failedOverFrom} names the pharmacy's primary carrier when its open circuit sent the order elsewhere.
 */
public record BookedOrder(String carrierId, CarrierOrder order, OrderEventKind how, String failedOverFrom) {

    public BookedOrder(String carrierId, CarrierOrder order, OrderEventKind how) {
        this(carrierId, order, how, null);
    }
}
