package com.carriergateway.core.activity;

import com.carriergateway.core.background.RetentionPurge;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes activity records older than {@code gateway.activity.keep}: the record grows with every carrier call,
 * webhook and callback attempt, so without it the tables would grow for ever. The order's history
 * ({@code order_event}) keeps what happened to each order.
 */
public final class ActivityPurge extends RetentionPurge {

    private final ActivityStore store;

    public ActivityPurge(ActivityStore store, Duration keep, Clock clock) {
        super("activity-purge", keep, clock);
        this.store = store;
    }

    @Override
    protected int deleteBatch(Instant before, int limit) {
        return store.purgeBefore(before, limit);
    }

    @Override
    protected String rows() {
        return "activity record entries";
    }
}
