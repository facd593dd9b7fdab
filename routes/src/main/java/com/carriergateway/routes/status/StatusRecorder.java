package com.carriergateway.routes.status;

import com.carriergateway.adapter.model.StatusUpdate;
import com.carriergateway.routes.outbox.OutboxStore;
import com.carriergateway.routes.outbox.ProofJson;
import com.carriergateway.routes.store.OrderEventKind;
import com.carriergateway.routes.store.OrderState;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Takes one carrier status for one order through the {@link ProgressionRule}, in one transaction under the
 * order row's lock: an applied change updates the order, gets the order's next sequence number, enters the
 * history and queues its UpdateOrderStatus push, all or nothing. An ignored webhook event is recorded as
 * {@code STATUS_IGNORED}; an ignored poll answer is not (a poll is a question, not an event, and most
 * answers are "no change"). After a commit that queued a push, the dispatcher is nudged.
 */
public class StatusRecorder {

    /** What became of a status. */
    public enum Outcome { APPLIED, IGNORED, UNKNOWN_ORDER }

    /** @param verdict null when the order is not booked; @param seq the change's sequence number when applied, else 0 */
    public record Recorded(Outcome outcome, ProgressionRule.Verdict verdict, long seq) {
        static Recorded unknown() {
            return new Recorded(Outcome.UNKNOWN_ORDER, null, 0);
        }
    }

    private final StatusStore store;
    private final OutboxStore outbox;
    private final Clock clock;
    private final Runnable afterQueued;

    /** @param afterQueued runs after each commit that queued a push (the dispatcher's nudge) */
    public StatusRecorder(StatusStore store, OutboxStore outbox, Clock clock, Runnable afterQueued) {
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
        this.afterQueued = afterQueued;
    }

    /**
     * @param carrierId the carrier instance the status came from: an order held by another carrier is unknown
     *                  to it
     */
    public Recorded record(String providerOrderId, String carrierId, StatusUpdate update, StatusOrigin origin) {
        Instant occurredAt = (update.occurredAt() == null ? clock.instant() : update.occurredAt())
                .truncatedTo(ChronoUnit.MICROS);
        Recorded recorded = store.transactions().execute(s -> {
            Optional<OrderStatusRow> locked = store.lock(providerOrderId);
            if (locked.isEmpty() || !carrierId.equals(locked.get().carrierId())) {
                return Recorded.unknown();
            }
            OrderStatusRow order = locked.get();
            if (order.state() != OrderState.BOOKED && order.state() != OrderState.CANCELLED) {
                // the booking is not recorded yet (or failed): the poll will catch up once it is
                ignore(order, carrierId, update, occurredAt, origin, "order is not booked (" + order.state() + ")");
                return new Recorded(Outcome.IGNORED, null, 0);
            }
            ProgressionRule.Verdict verdict = ProgressionRule.decide(order.current(), update.status(), occurredAt);
            if (!verdict.applies()) {
                ignore(order, carrierId, update, occurredAt, origin, verdict.name().toLowerCase() + ": "
                        + update.status() + " at " + occurredAt + ", order is " + order.deliveryStatus()
                        + (order.statusAt() == null ? "" : " since " + order.statusAt()));
                return new Recorded(Outcome.IGNORED, verdict, 0);
            }
            long seq = store.apply(order, update, occurredAt,
                    ProgressionRule.furthestStage(order.current(), update.status()));
            store.recordEvent(providerOrderId, OrderEventKind.STATUS_CHANGED, update.status(), carrierId,
                    update.carrierCode(), "from " + origin.name().toLowerCase() + ", change #" + seq, occurredAt, seq);
            outbox.enqueue(providerOrderId, order.pharmacyId(), seq, update, occurredAt, ProofJson.write(update.proof()));
            return new Recorded(Outcome.APPLIED, verdict, seq);
        });
        if (recorded != null && recorded.outcome() == Outcome.APPLIED) {
            afterQueued.run();
        }
        return recorded;
    }

    private void ignore(OrderStatusRow order, String carrierId, StatusUpdate update, Instant occurredAt,
                        StatusOrigin origin, String why) {
        if (origin == StatusOrigin.WEBHOOK) {
            store.recordEvent(order.providerOrderId(), OrderEventKind.STATUS_IGNORED, update.status(), carrierId,
                    update.carrierCode(), why, occurredAt, null);
        }
    }
}
