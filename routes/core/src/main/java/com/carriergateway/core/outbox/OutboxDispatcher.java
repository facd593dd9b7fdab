package com.carriergateway.core.outbox;

import com.carriergateway.core.background.BackgroundTask;
import com.carriergateway.core.config.GatewayProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Sends queued status changes to BestRx. Each of its senders claims a batch of due callbacks in one transaction
 * (only the lowest unsent one of an order is ever claimable, so a batch holds at most one per order), then sends
 * them one after the other, recording each outcome as soon as it is known: sent (the proof of delivery is then
 * erased), retry later with backoff, or dead letter once the retry budget is spent. An order's next change is
 * claimable as soon as the previous one is recorded, so it follows at once.
 *
 * <p>The only duplicate it can produce: a send that succeeded but whose success was not recorded (crash, lost
 * claim) is sent once more after the claim lease. The sender gives every send of a change the same idempotency key
 * ({@code <order>-<seq>}), so BestRx can recognise it. Logs carry ids, attempt, outcome and HTTP status, never a
 * body.
 */
public class OutboxDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    /** A sender stops after this many so one trigger cannot hold its thread for ever; the next one continues. */
    private static final int MAX_PER_SENDER = 10_000;
    /** How long closing waits for the sends under way. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final OutboxStore store;
    private final CallbackSender sender;
    private final Function<String, GatewayProperties.Callback> callbacks;
    private final RetrySchedule schedule;
    private final OutboxProperties props;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Consumer<CallbackAttempt> attempts;
    private final ExecutorService senders;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();
    /** Counts wake-ups, so a sender that found nothing knows whether something was queued since it looked. */
    private final AtomicLong wakeUps = new AtomicLong();
    private final BackgroundTask background = new BackgroundTask("outbox-dispatcher", this::drain);
    private volatile boolean closing;

    /** @param callbacks the callback settings of a pharmacy id, or null for a pharmacy no longer configured */
    public OutboxDispatcher(OutboxStore store, CallbackSender sender,
                            Function<String, GatewayProperties.Callback> callbacks, RetrySchedule schedule,
                            OutboxProperties props, Clock clock, MeterRegistry meters) {
        this(store, sender, callbacks, schedule, props, clock, meters, a -> { });
    }

    /** @param attempts told of every attempt once its outcome is recorded (the console's activity record) */
    public OutboxDispatcher(OutboxStore store, CallbackSender sender,
                            Function<String, GatewayProperties.Callback> callbacks, RetrySchedule schedule,
                            OutboxProperties props, Clock clock, MeterRegistry meters,
                            Consumer<CallbackAttempt> attempts) {
        this.attempts = attempts;
        this.store = store;
        this.sender = sender;
        this.callbacks = callbacks;
        this.schedule = schedule;
        this.props = props;
        this.clock = clock;
        this.meters = meters;
        AtomicInteger n = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(Math.max(1, props.getSenders()), r -> {
            Thread t = new Thread(r, "outbox-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts a {@link #drain} on the dispatcher's own thread (timers and nudges call this, never wait). */
    public void wake() {
        wakeUps.incrementAndGet();
        background.wake();
    }

    /**
     * Sends until nothing is due: each sender claims a batch, sends it, records the outcomes, and claims the next.
     * A sender starts no send of its batch once half the claim lease has passed since the claim, and gives the
     * rest back, so every send ends within the lease (which must exceed twice the callback timeout). A trigger
     * arriving while a drain runs makes that drain go round once more instead of starting a second one. Returns
     * the number of callbacks attempted.
     */
    public int drain() {
        int attempted = 0;
        requested.set(true);
        while (requested.get() && running.compareAndSet(false, true)) {
            try {
                while (requested.getAndSet(false)) {
                    attempted += sendUntilNothingIsDue();
                }
            } finally {
                running.set(false);
            }
        }
        return attempted;
    }

    private int sendUntilNothingIsDue() {
        int workers = Math.max(1, props.getSenders());
        List<Future<Integer>> runs = new ArrayList<>();
        try {
            for (int i = 0; i < workers; i++) {
                runs.add(senders.submit(this::sendBatches));
            }
        } catch (RejectedExecutionException e) {
            // closing
        }
        int attempted = 0;
        for (Future<Integer> f : runs) {
            try {
                attempted += f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                // the database failed under a claim or a record: the claim lease brings the row back
                log.warn("outbox sender stopped: {}", e.getCause().getClass().getName());
            }
        }
        return attempted;
    }

    private int sendBatches() {
        int attempted = 0;
        while (attempted < MAX_PER_SENDER && !closing) {
            Instant claimedAt = clock.instant();
            long wakeUpsBefore = wakeUps.get();
            List<ClaimedCallback> claimed = store.claim(Math.max(1, props.getClaimBatch()), props.getClaimLease());
            if (claimed.isEmpty()) {
                if (wakeUps.get() != wakeUpsBefore) {
                    // a change was queued while this claim looked: look again rather than leave it to the next
                    // round, which starts only once every sender of this one has finished its batch
                    continue;
                }
                break;
            }
            Instant lastStart = claimedAt.plus(props.getClaimLease().dividedBy(2));
            List<ClaimedCallback> notStarted = new ArrayList<>();
            for (ClaimedCallback row : claimed) {
                if (closing || clock.instant().isAfter(lastStart)) {
                    notStarted.add(row);
                } else {
                    // recorded before the next send: a crash re-sends at most the one under way
                    record(row, send(row));
                    attempted++;
                }
            }
            store.release(notStarted);
        }
        return attempted;
    }

    private CallbackResult send(ClaimedCallback row) {
        // the id BestRx also gets (X-Request-ID), so both sides' logs of an attempt can be matched
        MDC.put("requestId", requestId(row));
        try {
            Timer.Sample sample = Timer.start(meters);
            CallbackResult result = attempt(row);
            sample.stop(Timer.builder("gateway.callback.send")
                    .description("UpdateOrderStatus attempts by pharmacy and outcome")
                    .tag("pharmacy", row.pharmacyId()).tag("outcome", result.kind().tag())
                    .register(meters));
            return result;
        } finally {
            MDC.remove("requestId");
        }
    }

    private static String requestId(ClaimedCallback row) {
        return "cb-" + row.id() + "-" + (row.attempts() + 1);
    }

    private CallbackResult attempt(ClaimedCallback row) {
        GatewayProperties.Callback target = callbacks.apply(row.pharmacyId());
        if (target == null || target.getUrl() == null || target.getUrl().isBlank()) {
            return CallbackResult.notConfigured(row.pharmacyId());
        }
        return sender.send(row, target, requestId(row));
    }

    private void record(ClaimedCallback row, CallbackResult result) {
        MDC.put("requestId", requestId(row));
        try {
            if (result.delivered()) {
                boolean mine = store.markSent(row, result.httpStatus());
                attempts.accept(new CallbackAttempt(row.id(), row.providerOrderId(), row.pharmacyId(), row.seq(),
                        row.status(), row.attempts() + 1, result.kind().name(), result.httpStatus(), null, null,
                        false, requestId(row), clock.instant()));
                log.info("callback {} order {} change #{} {} to pharmacy {}: delivered (HTTP {}, attempt {}){}",
                        row.id(), row.providerOrderId(), row.seq(), row.status(), row.pharmacyId(),
                        result.httpStatus(), row.attempts() + 1,
                        mine ? "" : "; the claim had expired, another instance records it");
            } else {
                recordFailure(row, result);
            }
        } finally {
            MDC.remove("requestId");
        }
    }

    private void recordFailure(ClaimedCallback row, CallbackResult result) {
        int attempt = row.attempts() + 1;
        Instant now = clock.instant();
        Instant next = schedule.nextAttempt(attempt, now, result.retryAfter());
        boolean dead = schedule.exhausted(row.budgetFrom(), next);
        store.markFailed(row, result.detail(), result.httpStatus() == 0 ? null : result.httpStatus(), next, dead);
        attempts.accept(new CallbackAttempt(row.id(), row.providerOrderId(), row.pharmacyId(), row.seq(),
                row.status(), attempt, result.kind().name(), result.httpStatus() == 0 ? null : result.httpStatus(),
                result.detail(), dead ? null : next, dead, requestId(row), now));
        if (dead) {
            log.warn("callback {} order {} change #{} {} to pharmacy {}: {} ({}, attempt {}); DEAD LETTER, later "
                            + "changes of the order wait for a replay", row.id(), row.providerOrderId(), row.seq(),
                    row.status(), row.pharmacyId(), result.kind().tag(), result.detail(), attempt);
        } else {
            log.info("callback {} order {} change #{} {} to pharmacy {}: {} ({}, attempt {}); next attempt at {}",
                    row.id(), row.providerOrderId(), row.seq(), row.status(), row.pharmacyId(),
                    result.kind().tag(), result.detail(), attempt, next);
        }
    }

    /**
     * Stops claiming and lets the sends under way finish and be recorded (so a restart does not send them again),
     * waiting at most {@link #CLOSE_GRACE}; a send still running after that is sent again after its claim lease,
     * as after a crash.
     */
    @Override
    public void close() {
        closing = true;
        senders.shutdown();
        try {
            if (!senders.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                senders.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            senders.shutdownNow();
        }
        background.close();
    }
}
