package com.carriergateway.routes.order;

import com.carriergateway.adapter.model.CarrierOrder;
import com.carriergateway.routes.store.OrderEventKind;

/** An order a carrier holds, and how we came to know (booked now, or found by lookup after a lost answer). */
public record BookedOrder(String carrierId, CarrierOrder order, OrderEventKind how) {
}
