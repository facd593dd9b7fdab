package com.carriergateway.core.outbox;

import com.carriergateway.adapter.model.DeliveryStatus;
import java.time.Instant;

/** A queued status callback as operators see it: ids, status and delivery bookkeeping, never its content. */
public record OutboxEntry(
        long id,
        String providerOrderId,
        String pharmacyId,
        long seq,
        DeliveryStatus status,
        OutboxState state,
        int attempts,
        String lastError,
        Integer lastHttpStatus,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant sentAt,
        Instant deadAt) {
}
