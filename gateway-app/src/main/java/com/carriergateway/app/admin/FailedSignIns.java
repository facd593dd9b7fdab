package com.carriergateway.app.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * Failed attempts at the admin credential, over the whole gateway: once {@code max} have failed within
 * {@code window}, no attempt is checked at all (the right password included) until the oldest of them is older than
 * the window. That caps guessing at {@code max} per window.
 *
 * <p>One count for every caller, not one per address: behind a load balancer every caller has the balancer's
 * address, and a table per address is memory the guesser controls. The cost: while someone guesses, operators wait
 * out the window too (429 with {@code Retry-After}); they can still reach the gateway's data through the database.
 * Only failures count (never a missing credential), so a working operator never spends the budget.
 */
public final class FailedSignIns {

    private final int max;
    private final Duration window;
    private final Clock clock;
    /** Times of the last failures, oldest first; never more than {@code max}. */
    private final ArrayDeque<Instant> recent = new ArrayDeque<>();

    public FailedSignIns(int max, Duration window, Clock clock) {
        if (max < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("gateway.admin: max-failed-sign-ins must be at least 1 and "
                    + "failed-sign-in-window positive");
        }
        this.max = max;
        this.window = window;
        this.clock = clock;
    }

    /** How long no attempt is checked, or empty when attempts are checked now. */
    public synchronized Optional<Duration> lockedFor() {
        Instant now = clock.instant();
        forgetOlderThanTheWindow(now);
        if (recent.size() < max) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, recent.peekFirst().plus(window)));
    }

    /** Counts a failed attempt; true when it is the one that stops the checking. */
    public synchronized boolean failed() {
        Instant now = clock.instant();
        forgetOlderThanTheWindow(now);
        recent.addLast(now);
        while (recent.size() > max) {
            recent.removeFirst();
        }
        return recent.size() == max;
    }

    private void forgetOlderThanTheWindow(Instant now) {
        Instant since = now.minus(window);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(since)) {
            recent.removeFirst();
        }
    }
}
