package com.carriergateway.core.order;

/** A CancelOrder request after reading. The provider ids are optional cross-checks (BestRx may send null). */
public record CancelOrderCommand(
        long bestrxOrderId, long bestrxUniqueOrderId, String pharmacyId, String providerOrderId, String trackingId,
        String notes) {
}
