package com.carriergateway.core.outbox;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes outbox rows BestRx confirmed more than {@code gateway.outbox.keep-sent} ago, in batches, on its own
 * thread. Without it the outbox would grow by one row per status change for ever. What happened to an order stays
 * in its history ({@code order_event}); pending and dead rows are never touched, and the order of the remaining
 * rows does not depend on sent ones.
 */
public final class OutboxPurge implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxPurge.class);
    private static final int BATCH = 1_000;

    private final OutboxStore store;
    private final Duration keepSent;
    private final Clock clock;
    private final BackgroundTask background = new BackgroundTask("outbox-purge", this::purge);

    public OutboxPurge(OutboxStore store, Duration keepSent, Clock clock) {
        this.store = store;
        this.keepSent = keepSent;
        this.clock = clock;
    }

    public void wake() {
        background.wake();
    }

    /** Deletes every row sent before now minus the retention; returns how many. */
    public int purge() {
        int total = 0;
        int n;
        do {
            n = store.purgeSent(clock.instant().minus(keepSent), BATCH);
            total += n;
        } while (n == BATCH);
        if (total > 0) {
            log.info("outbox: deleted {} callbacks sent more than {} ago", total, keepSent);
        }
        return total;
    }

    @Override
    public void close() {
        background.close();
    }
}
