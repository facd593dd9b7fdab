package com.carriergateway.core.store;

import com.carriergateway.adapter.model.CarrierOrder;
import com.carriergateway.adapter.model.CarrierOrderRef;
import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.StatusUpdate;
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

    /** What the carrier holds, as the gateway recorded it (no label or manifest: those were answered once). */
    public CarrierOrder asCarrierOrder() {
        return new CarrierOrder(carrierOrderId, trackingId, trackingUrl, null, null,
                deliveryStatus == null ? null : StatusUpdate.of(deliveryStatus, statusAt, null));
    }
}
