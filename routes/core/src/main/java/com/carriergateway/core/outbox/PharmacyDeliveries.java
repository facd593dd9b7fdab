package com.carriergateway.core.outbox;

import java.time.Instant;

/**
 * A pharmacy's UpdateOrderStatus callbacks not yet confirmed by BestRx.
 *
 * @param pending queued and never tried yet (or waiting behind a dead letter of their order)
 * @param retrying tried at least once, waiting for their next attempt
 * @param dead retry budget spent: they wait for an operator's replay
 * @param oldestQueuedAt when the oldest of them was queued
 */
public record PharmacyDeliveries(String pharmacyId, long pending, long retrying, long dead, Instant oldestQueuedAt) {
}
