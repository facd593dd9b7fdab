package com.carriergateway.routes.store;

import com.carriergateway.adapter.model.CarrierOrderRef;
import com.carriergateway.adapter.model.DeliveryStatus;
import java.time.Instant;

/** An order as the gateway keeps it: ids, carrier references and status. No patient data. */
public record StoredOrder(
        String providerOrderId,
        String pharmacyId,
        long bestrxUniqueOrderId,
        long bestrxOrderId,
        String requestHash,
        OrderState state,
        boolean needsLookup,
        Instant leaseUntil,
        String carrierId,
        String carrierOrderId,
        String trackingId,
        String trackingUrl,
        DeliveryStatus deliveryStatus,
        String statusReason,
        Instant statusAt,
        String createResponse,
        Instant createdAt,
        Instant updatedAt) {

    public CarrierOrderRef carrierRef() {
        return new CarrierOrderRef(carrierOrderId, providerOrderId, trackingId);
    }
}
