package com.carriergateway.core.outbox;

import com.carriergateway.adapter.model.DeliveryStatus;
import java.time.Instant;

/**
 * One UpdateOrderStatus attempt: which queued change, how BestRx answered, what happens next. Statuses and codes
 * only, never the callback's content (it can carry the signer's name).
 *
 * @param outcome the attempt's {@code CallbackResult.Kind}: DELIVERED, SERVER_ERROR, TIMEOUT…
 * @param nextAttemptAt when it is tried again; null when delivered or dead-lettered
 */
public record CallbackAttempt(
        long outboxId,
        String providerOrderId,
        String pharmacyId,
        long seq,
        DeliveryStatus status,
        int attempt,
        String outcome,
        Integer httpStatus,
        String error,
        Instant nextAttemptAt,
        boolean deadLettered,
        String requestId,
        Instant attemptedAt) {
}
