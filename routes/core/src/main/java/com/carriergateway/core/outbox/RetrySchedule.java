package com.carriergateway.core.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When a failed callback is tried again, and when it stops being tried. The nominal delay after the n-th failed
 * attempt is {@code base × 2^(n-1)}, capped; the actual delay is 50–100 % of it ("equal jitter"), so a crowd of
 * callbacks failing together does not retry together. A {@code Retry-After} from BestRx is honoured up to the
 * cap. A callback whose next attempt would fall after its budget is a dead letter instead.
 */
public final class RetrySchedule {

    private final Duration base;
    private final Duration cap;
    private final Duration budget;
    private final DoubleSupplier random;

    /** @param random values in [0, 1); injectable so tests are exact */
    public RetrySchedule(Duration base, Duration cap, Duration budget, DoubleSupplier random) {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0 || budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("gateway.outbox: backoff-base must be positive, backoff-cap at least "
                    + "backoff-base, retry-budget positive");
        }
        this.base = base;
        this.cap = cap;
        this.budget = budget;
        this.random = random;
    }

    public static RetrySchedule of(OutboxProperties p) {
        return new RetrySchedule(p.getBackoffBase(), p.getBackoffCap(), p.getRetryBudget(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /** The nominal (un-jittered) delay after {@code failedAttempts} failures. */
    public Duration nominalDelay(int failedAttempts) {
        int doublings = Math.max(0, failedAttempts - 1);
        if (doublings >= 40) {
            return cap;
        }
        long millis = base.toMillis() << doublings;
        return millis <= 0 || millis > cap.toMillis() ? cap : Duration.ofMillis(millis);
    }

    /** When to try again after {@code failedAttempts} failures, the last one at {@code now}. */
    public Instant nextAttempt(int failedAttempts, Instant now, Duration retryAfter) {
        long nominal = nominalDelay(failedAttempts).toMillis();
        long delay = nominal / 2 + (long) (random.getAsDouble() * (nominal - nominal / 2));
        if (retryAfter != null && retryAfter.toMillis() > delay) {
            delay = Math.min(retryAfter.toMillis(), cap.toMillis());
        }
        return now.plusMillis(delay);
    }

    /** True when an attempt at {@code nextAttempt} would be outside the budget that began at {@code budgetFrom}. */
    public boolean exhausted(Instant budgetFrom, Instant nextAttempt) {
        return nextAttempt.isAfter(budgetFrom.plus(budget));
    }
}
