package com.carriergateway.core.activity;

import com.carriergateway.core.outbox.CallbackAttempt;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands activity records (carrier calls, webhook receipts, callback attempts) to {@link ActivityStore} from a
 * bounded queue on its own thread, in batches. Recording is an {@code offer}: it never waits on the database, so it
 * adds nothing noticeable to a request, and a database that is down or slow delays only this record.
 *
 * <p>What it can lose, by design: records still queued when the process dies (at most a flush interval's worth), and
 * records offered while the queue is full (counted in {@code gateway.activity.dropped}). It never holds an
 * acknowledged change: bookings, status changes and callbacks are committed by their own stores before they are
 * answered, whatever happens here. A graceful stop writes what is queued.
 */
public final class ActivityLog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ActivityLog.class);
    private static final int BATCH = 500;
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final ActivityStore store;
    private final boolean enabled;
    private final long flushMillis;
    private final BlockingQueue<Object> queue;
    private final Counter dropped;
    private final Thread writer;
    private volatile boolean closing;

    public ActivityLog(ActivityStore store, ActivityProperties props, MeterRegistry meters) {
        this.store = store;
        this.enabled = props.isEnabled();
        this.flushMillis = Math.max(10, props.getFlushInterval().toMillis());
        this.queue = new ArrayBlockingQueue<>(Math.max(1, props.getQueueCapacity()));
        this.dropped = Counter.builder("gateway.activity.dropped")
                .description("Activity records (carrier calls, webhooks, callback attempts) not written: queue full")
                .register(meters);
        this.writer = new Thread(this::writeUntilClosed, "activity-writer");
        writer.setDaemon(true);
        if (enabled) {
            writer.start();
        }
    }

    public void carrierCall(CarrierCall call) {
        offer(call);
    }

    public void webhook(WebhookReceipt receipt) {
        offer(receipt);
    }

    public void callbackAttempt(CallbackAttempt attempt) {
        offer(attempt);
    }

    private void offer(Object record) {
        if (enabled && !closing && !queue.offer(record)) {
            dropped.increment();
        }
    }

    private void writeUntilClosed() {
        List<Object> batch = new ArrayList<>(BATCH);
        while (!closing || !queue.isEmpty()) {
            try {
                Object first = queue.poll(flushMillis, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                collectUntilFlush(batch);
                write(batch);
            } catch (InterruptedException e) {
                if (!closing) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Adds what arrives within one flush interval of the batch's first record, up to a full batch: one transaction
     * per interval under light traffic, full batches under heavy. Writing as soon as a record arrived made a
     * transaction of one or two lines at a time at a few hundred calls a second, more database work per line than
     * the lines themselves.
     */
    private void collectUntilFlush(List<Object> batch) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(flushMillis);
        while (batch.size() < BATCH) {
            queue.drainTo(batch, BATCH - batch.size());
            long left = deadline - System.nanoTime();
            if (batch.size() >= BATCH || left <= 0 || closing) {
                return;
            }
            Object next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }

    private void write(List<Object> batch) {
        List<CarrierCall> calls = new ArrayList<>();
        List<WebhookReceipt> webhooks = new ArrayList<>();
        List<CallbackAttempt> attempts = new ArrayList<>();
        for (Object o : batch) {
            if (o instanceof CarrierCall c) {
                calls.add(c);
            } else if (o instanceof WebhookReceipt w) {
                webhooks.add(w);
            } else if (o instanceof CallbackAttempt a) {
                attempts.add(a);
            }
        }
        try {
            store.write(calls, webhooks, attempts);
        } catch (RuntimeException e) {
            // the database is the likely cause; this record is for operators, the gateway's state is elsewhere
            dropped.increment(batch.size());
            log.warn("activity record: {} entries not written: {}", batch.size(), e.getClass().getName());
        }
    }

    /** Records waiting to be written (for tests and the console's footnote). */
    public int queued() {
        return queue.size();
    }

    /** Stops taking records and writes those queued, waiting at most a few seconds. */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(CLOSE_GRACE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
