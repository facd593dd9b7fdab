package com.carriergateway.core.outbox;

import com.carriergateway.adapter.model.DeliveryStatus;
import java.time.Instant;

/**
 * A queued status change this dispatcher holds the claim on, with what the callback needs of its order.
 *
 * @param proofJson proof of delivery as stored (health data), or null
 * @param claimToken proves the claim when the outcome is recorded
 */
public record ClaimedCallback(
        long id,
        String providerOrderId,
        String pharmacyId,
        long seq,
        DeliveryStatus status,
        String reason,
        Instant occurredAt,
        String carrierCode,
        String proofJson,
        int attempts,
        Instant budgetFrom,
        Instant createdAt,
        String claimToken,
        long bestrxOrderId,
        long bestrxUniqueOrderId,
        String trackingId) {

    @Override
    public String toString() {
        // never the proof: it names the signer
        return "ClaimedCallback[" + id + ", " + providerOrderId + " #" + seq + ", " + status + "]";
    }
}
