package com.carriergateway.routes.bestrx;

/** A CancelOrder request after reading. The provider ids are optional cross-checks (BestRx may send null). */
public record CancelOrderRequest(
        long bestrxOrderId, long bestrxUniqueOrderId, String pharmacyId, String providerOrderId, String trackingId,
        String notes) {
}
