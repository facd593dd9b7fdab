package com.carriergateway.core.background;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what a table keeps only for a while, older than its retention, in batches, on its own thread when woken
 * (a timer route wakes it, so no exchange waits on the deletes). One loop for every such table; each purge says only
 * which rows go and how they are named in the log.
 */
public abstract class RetentionPurge implements AutoCloseable {

    private static final int BATCH = 1_000;

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final Duration keep;
    private final Clock clock;
    private final BackgroundTask background;

    protected RetentionPurge(String threadName, Duration keep, Clock clock) {
        this.keep = keep;
        this.clock = clock;
        this.background = new BackgroundTask(threadName, this::purge);
    }

    /** Deletes up to {@code limit} of the rows recorded before {@code before}; returns how many. */
    protected abstract int deleteBatch(Instant before, int limit);

    /** What the rows are, for the log line ("activity record entries"). */
    protected abstract String rows();

    public void wake() {
        background.wake();
    }

    /** Deletes every row older than the retention, a batch at a time; returns how many. */
    public int purge() {
        Instant before = clock.instant().minus(keep);
        int total = 0;
        int n;
        do {
            n = deleteBatch(before, BATCH);
            total += n;
        } while (n > 0);
        if (total > 0) {
            log.info("deleted {} {} older than {}", total, rows(), keep);
        }
        return total;
    }

    @Override
    public void close() {
        background.close();
    }
}
