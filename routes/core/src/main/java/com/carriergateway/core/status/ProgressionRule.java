package com.carriergateway.core.status;

import com.carriergateway.adapter.model.DeliveryStatus;
import java.time.Instant;
import java.util.Set;

/**
 * The one rule deciding whether a carrier status is applied to an order (and pushed to BestRx). Pure.
 *
 * <p>In order, first match wins:
 * <ol>
 *   <li>the same status as now: a <b>repeat</b>, ignored (carriers resend, polls see the same status);</li>
 *   <li>the order is in a terminal status (Delivered, Returned, Cancelled): <b>terminal</b>, ignored: terminal
 *       statuses absorb everything;</li>
 *   <li>a stage the order never reached before: <b>applied</b>, whatever its time, because poll answers are often
 *       stamped "now" and a carrier's event time may trail them (In Transit polled at 10:00, then Out For
 *       Delivery scanned 09:58 must still count);</li>
 *   <li>not after the current status's time: <b>late</b>, ignored (it happened before what we already know);</li>
 *   <li>a higher stage than now: <b>applied</b> (e.g. a second Delivery Attempted after a re-attempt);</li>
 *   <li>from Delivery Attempted or Unable To Deliver back to In Transit or Out For Delivery: a <b>re-attempt</b>,
 *       applied (the courier tries again the next day);</li>
 *   <li>anything else moves the order backwards: <b>backwards</b>, ignored.</li>
 * </ol>
 * A second Delivery Attempted with no Out For Delivery in between is a repeat: BestRx sees one attempt.
 */
public final class ProgressionRule {

    /** What the rule decided, and why. */
    public enum Verdict {
        APPLY, REPEAT, TERMINAL, LATE, BACKWARDS;

        public boolean applies() {
            return this == APPLY;
        }
    }

    /** Where the order stands: its status, since when, and the furthest stage it ever reached. */
    public record Current(DeliveryStatus status, Instant since, int furthestStage) {
    }

    private static final Set<DeliveryStatus> EXCEPTIONS =
            Set.of(DeliveryStatus.DELIVERY_ATTEMPTED, DeliveryStatus.UNABLE_TO_DELIVER);
    private static final Set<DeliveryStatus> REATTEMPTS =
            Set.of(DeliveryStatus.IN_TRANSIT, DeliveryStatus.OUT_FOR_DELIVERY);

    private ProgressionRule() {
    }

    public static Verdict decide(Current current, DeliveryStatus incoming, Instant occurredAt) {
        DeliveryStatus now = current.status() == null ? DeliveryStatus.CREATED : current.status();
        if (incoming == now) {
            return Verdict.REPEAT;
        }
        if (now.isTerminal()) {
            return Verdict.TERMINAL;
        }
        int reached = Math.max(current.furthestStage(), now.stage());
        if (incoming.stage() > reached) {
            return Verdict.APPLY;
        }
        if (current.since() != null && occurredAt != null && !occurredAt.isAfter(current.since())) {
            return Verdict.LATE;
        }
        if (incoming.stage() > now.stage()) {
            return Verdict.APPLY;
        }
        if (EXCEPTIONS.contains(now) && REATTEMPTS.contains(incoming)) {
            return Verdict.APPLY;
        }
        return Verdict.BACKWARDS;
    }

    /** The furthest stage after applying {@code applied}. */
    public static int furthestStage(Current current, DeliveryStatus applied) {
        int now = current.status() == null ? 0 : current.status().stage();
        return Math.max(Math.max(current.furthestStage(), now), applied.stage());
    }
}
