package com.carriergateway.core.store;

import com.carriergateway.adapter.model.DeliveryStatus;
import java.time.Instant;

/**
 * An order as the console lists it: ids, carrier references, state and status. Not the stored first answer (it can
 * hold a label image, which prints the recipient's address).
 */
public record OrderSummary(
        String providerOrderId,
        String pharmacyId,
        long bestrxOrderId,
        long bestrxUniqueOrderId,
        OrderState state,
        String carrierId,
        String carrierOrderId,
        String trackingId,
        DeliveryStatus deliveryStatus,
        Instant statusAt,
        Instant createdAt,
        /* a booking whose outcome is unknown, waiting for an operator to reconcile it */
        boolean needsLookup) {
}
