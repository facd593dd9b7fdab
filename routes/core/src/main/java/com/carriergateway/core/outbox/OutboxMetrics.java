package com.carriergateway.core.outbox;

import com.carriergateway.core.background.BackgroundTask;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's gauges, read from the database on a timer (not on every scrape): callbacks pending, the age of
 * the oldest pending one (the alert: BestRx is not getting statuses), and dead letters (the other alert).
 */
public class OutboxMetrics implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxMetrics.class);

    private final OutboxStore store;
    private final Clock clock;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private final AtomicLong dead = new AtomicLong();
    private final BackgroundTask background = new BackgroundTask("outbox-gauges", this::refresh);

    public OutboxMetrics(OutboxStore store, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.clock = clock;
        Gauge.builder("gateway.outbox.pending", pending, AtomicLong::get)
                .description("Status callbacks waiting to be sent to BestRx").register(meters);
        Gauge.builder("gateway.outbox.oldest.pending.age", oldestAgeSeconds, AtomicLong::get)
                .description("Age of the oldest status callback waiting to be sent").baseUnit("seconds")
                .register(meters);
        Gauge.builder("gateway.outbox.dead", dead, AtomicLong::get)
                .description("Status callbacks that spent their retry budget (dead letters)").register(meters);
    }

    /** Refreshes the gauges on their own thread (the timer route calls this, never waits). */
    public void wake() {
        background.wake();
    }

    @Override
    public void close() {
        background.close();
    }

    public void refresh() {
        try {
            OutboxDepth depth = store.depth();
            pending.set(depth.pending());
            dead.set(depth.dead());
            oldestAgeSeconds.set(depth.oldestPendingCreatedAt() == null ? 0
                    : Math.max(0, Duration.between(depth.oldestPendingCreatedAt(), clock.instant()).toSeconds()));
        } catch (RuntimeException e) {
            log.warn("outbox gauges not refreshed: {}", e.getClass().getName());
        }
    }
}
