package com.carriergateway.core.outbox;

import com.carriergateway.core.background.RetentionPurge;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes outbox rows BestRx confirmed more than {@code gateway.outbox.keep-sent} ago. Without it the outbox would
 * grow by one row per status change for ever. What happened to an order stays in its history ({@code order_event});
 * pending and dead rows are never touched, and the order of the remaining rows does not depend on sent ones.
 */
public final class OutboxPurge extends RetentionPurge {

    private final OutboxStore store;

    public OutboxPurge(OutboxStore store, Duration keepSent, Clock clock) {
        super("outbox-purge", keepSent, clock);
        this.store = store;
    }

    @Override
    protected int deleteBatch(Instant sentBefore, int limit) {
        return store.purgeSent(sentBefore, limit);
    }

    @Override
    protected String rows() {
        return "callbacks BestRx confirmed";
    }
}
