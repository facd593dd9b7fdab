package com.carriergateway.core.activity;

import com.carriergateway.core.outbox.BackgroundTask;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes activity records older than {@code gateway.activity.keep}, in batches, on its own thread: the record
 * grows with every carrier call, webhook and callback attempt, so without it the tables would grow for ever. The
 * order's history ({@code order_event}) keeps what happened to each order.
 */
public final class ActivityPurge implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ActivityPurge.class);
    private static final int BATCH = 1_000;

    private final ActivityStore store;
    private final Duration keep;
    private final Clock clock;
    private final BackgroundTask background = new BackgroundTask("activity-purge", this::purge);

    public ActivityPurge(ActivityStore store, Duration keep, Clock clock) {
        this.store = store;
        this.keep = keep;
        this.clock = clock;
    }

    public void wake() {
        background.wake();
    }

    /** Deletes every record older than the retention; returns how many. */
    public int purge() {
        int total = 0;
        int n;
        do {
            n = store.purgeBefore(clock.instant().minus(keep), BATCH);
            total += n;
        } while (n > 0);
        if (total > 0) {
            log.info("activity record: deleted {} entries older than {}", total, keep);
        }
        return total;
    }

    @Override
    public void close() {
        background.close();
    }
}
