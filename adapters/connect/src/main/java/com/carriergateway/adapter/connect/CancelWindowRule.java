package com.carriergateway.adapter.connect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/**
 * Connect's cancel rule, checked before calling cancel so the pharmacy gets a clear reason: an order may be
 * cancelled only when it is cancellable and it has no active appointment starting within the window
 * (26 hours) of now.
 *
 * <p>Readings where Connect is Unconfirmed:
 * <ul>
 *   <li>times compare as instants, so an offset such as {@code +10:00} is honoured;</li>
 *   <li>an active appointment that already started (in progress, or past but not completed) blocks: its
 *       start is less than the window away, and a technician may be on site;</li>
 *   <li>an active appointment without a readable start time (not yet confirmed) does not block here;
 *       Connect, which enforces the rule itself, decides;</li>
 *   <li>at exactly the window ("not within 26 hours") cancelling is allowed, unless
 *       {@code cancel-window-boundary=refuse}.</li>
 * </ul>
 */
final class CancelWindowRule {

    /** What the rule says about cancelling one order now. */
    sealed interface Verdict permits Allowed, NotCancellable, WithinWindow {
    }

    record Allowed() implements Verdict {
    }

    record NotCancellable(String reason) implements Verdict {
    }

    /** Blocked by an appointment; {@code reason} names its start as Connect gave it and the window. */
    record WithinWindow(ConnectAppointment appointment, Instant start, String reason) implements Verdict {
    }

    private final Duration window;
    private final boolean refuseAtBoundary;
    private final Set<String> inactiveStatuses;

    /**
     * @param refuseAtBoundary whether a start exactly {@code window} away also blocks
     * @param inactiveStatuses lower-case appointment statuses that no longer count (cancelled, completed)
     */
    CancelWindowRule(Duration window, boolean refuseAtBoundary, Set<String> inactiveStatuses) {
        this.window = window;
        this.refuseAtBoundary = refuseAtBoundary;
        this.inactiveStatuses = Set.copyOf(inactiveStatuses);
    }

    Verdict evaluate(ConnectOrder order, Clock clock) {
        if (Boolean.FALSE.equals(order.cancellable())) {
            return new NotCancellable("Connect order " + order.id() + " is not cancellable (isCancellable=false)");
        }
        Instant now = Instant.now(clock);
        Instant limit = now.plus(window);
        Optional<ConnectAppointment> blocking = order.appointments().stream()
                .filter(a -> a.isActive(inactiveStatuses))
                .filter(a -> a.start().map(start -> blocks(start, limit)).orElse(false))
                .min(Comparator.comparing(a -> a.start().orElseThrow()));
        if (blocking.isEmpty()) {
            return new Allowed();
        }
        ConnectAppointment a = blocking.get();
        Instant start = a.start().orElseThrow();
        String when = start.isAfter(now)
                ? "starts at " + a.startTime() + ", less than " + describe(window) + " from now"
                : "started at " + a.startTime() + " and is not completed";
        String reason = "Connect order " + order.id() + " cannot be cancelled: its nbn appointment " + when
                + " (Connect allows no cancellation within " + describe(window) + " of an active appointment)";
        return new WithinWindow(a, start, reason);
    }

    private boolean blocks(Instant start, Instant limit) {
        return refuseAtBoundary ? !start.isAfter(limit) : start.isBefore(limit);
    }

    /** A window as people write it: 26h, 90m, 45s. */
    static String describe(Duration d) {
        if (d.toSeconds() % 3600 == 0) {
            return d.toHours() + "h";
        }
        if (d.toSeconds() % 60 == 0) {
            return d.toMinutes() + "m";
        }
        return d.toSeconds() + "s";
    }
}
