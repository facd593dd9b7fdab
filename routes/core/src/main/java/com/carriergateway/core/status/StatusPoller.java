package com.carriergateway.core.status;

import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.model.StatusUpdate;
import com.carriergateway.core.carrier.CarrierRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a carrier for the status of its open orders, a leased batch at a time, and records what it answers like
 * a webhook event (an unchanged answer leaves no trace). An order older than the maximum age leaves the poll
 * for good. Whatever happens, each order is due again one interval later.
 *
 * <p>Calls to one carrier are paced ({@code max-per-second}, resilience4j's rate limiter): a pass is background work
 * and must not take the CPU, the carrier's connections or the database from BestRx's requests in a burst.
 */
public class StatusPoller {

    private static final Logger log = LoggerFactory.getLogger(StatusPoller.class);
    /** Rounds per wake-up, so one carrier with a huge backlog cannot hold its timer for ever. */
    private static final int MAX_ROUNDS = 10;

    private final StatusStore store;
    private final StatusChanges changes;
    private final CarrierRegistry carriers;
    private final StatusProperties.Poll props;
    private final StatusMetrics metrics;
    private final Clock clock;
    private final Map<String, RateLimiter> pace = new ConcurrentHashMap<>();

    public StatusPoller(StatusStore store, StatusChanges changes, CarrierRegistry carriers,
                        StatusProperties.Poll props, StatusMetrics metrics, Clock clock) {
        this.store = store;
        this.changes = changes;
        this.carriers = carriers;
        this.props = props;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Polls the carrier's due orders. Returns how many were polled or retired. */
    public int pollDue(String carrierId) {
        CarrierAdapter carrier = carriers.get(carrierId);
        int done = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<PollTarget> batch = store.claimForPoll(carrierId, props.getBatchSize(),
                    clock.instant().plus(props.getLease()));
            for (PollTarget target : batch) {
                if (!awaitTurn(carrierId)) {
                    // no turn within an interval: leave the rest leased; the lease frees them for the next pass
                    return done;
                }
                poll(carrier, target);
                done++;
            }
            if (batch.size() < props.getBatchSize()) {
                break;
            }
        }
        return done;
    }

    /** Waits for this carrier's next turn; false when none came within an interval (or the thread was stopped). */
    private boolean awaitTurn(String carrierId) {
        if (props.getMaxPerSecond() <= 0) {
            return true;
        }
        RateLimiter limiter = pace.computeIfAbsent(carrierId, id -> RateLimiter.of("status-poll-" + id,
                RateLimiterConfig.custom()
                        .limitForPeriod(1)
                        .limitRefreshPeriod(Duration.ofNanos(Math.max(1, (long) (1e9 / props.getMaxPerSecond()))))
                        .timeoutDuration(props.getInterval())
                        .build()));
        try {
            RateLimiter.waitForPermission(limiter);
            return true;
        } catch (RequestNotPermitted e) {
            return false;
        }
    }

    private void poll(CarrierAdapter carrier, PollTarget target) {
        String carrierId = carrier.carrierId();
        Instant now = clock.instant();
        if (target.createdAt() != null && target.createdAt().plus(props.getMaxAge()).isBefore(now)) {
            store.retireFromPoll(target.providerOrderId(), carrierId, "still open after " + props.getMaxAge()
                    + " (gateway.status.poll.max-age): no longer polled");
            metrics.poll(carrierId, "retired");
            log.info("order {} retired from {} status polling (older than {})", target.providerOrderId(), carrierId,
                    props.getMaxAge());
            return;
        }
        try {
            CarrierResult<StatusUpdate> answer = carrier.getStatus(target.ref());
            if (answer instanceof CarrierResult.Success<StatusUpdate> ok && ok.value() != null) {
                StatusChanges.Recorded r = changes.apply(target.providerOrderId(), carrierId, ok.value(),
                        StatusOrigin.POLL);
                metrics.poll(carrierId, r.outcome() == StatusChanges.Outcome.APPLIED ? "applied" : "unchanged");
                if (r.outcome() == StatusChanges.Outcome.APPLIED) {
                    log.info("order {}: {} poll says {} (change #{})", target.providerOrderId(), carrierId,
                            ok.value().status(), r.seq());
                }
            } else {
                metrics.poll(carrierId, "failed");
                log.info("order {}: {} status poll failed: {}", target.providerOrderId(), carrierId,
                        answer.failure().map(f -> f.category().name()).orElse(answer.getClass().getSimpleName()));
            }
        } catch (RuntimeException e) {
            metrics.poll(carrierId, "failed");
            log.warn("order {}: {} status poll failed inside the gateway: {}", target.providerOrderId(), carrierId,
                    e.getClass().getName());
        } finally {
            store.pollDone(target.providerOrderId(), clock.instant().plus(props.getInterval()));
        }
    }
}
