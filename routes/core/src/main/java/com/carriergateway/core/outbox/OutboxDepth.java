package com.carriergateway.core.outbox;

import java.time.Instant;

/** How full the outbox is: rows waiting, the oldest of them, and dead letters. */
public record OutboxDepth(long pending, Instant oldestPendingCreatedAt, long dead) {
}
