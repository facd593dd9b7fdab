package com.carriergateway.core.store;

/** What is known of an order when its first CreateOrder arrives. */
public record NewOrder(String providerOrderId, String pharmacyId, long bestrxUniqueOrderId, long bestrxOrderId,
                       String requestHash) {
}
