package com.carriergateway.core.status;

import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.StatusUpdate;
import com.carriergateway.core.outbox.OutboxStore;
import com.carriergateway.core.outbox.ProofJson;
import com.carriergateway.core.store.OrderEventKind;
import com.carriergateway.core.store.OrderState;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one writer of status changes. Every status an order takes (a carrier's webhook, a poll answer, a cancellation)
 * goes through {@link #apply}, which in one transaction under the order row's lock asks the {@link ProgressionRule},
 * and for an applied change updates the order, gives it the order's next sequence number, writes its history entry
 * and queues its UpdateOrderStatus push, all or nothing. After the commit it nudges the outbox dispatcher (registered
 * with the transaction, so a rolled-back change nudges nothing).
 *
 * <p>An ignored webhook event or cancellation is recorded as {@code STATUS_IGNORED}; an ignored poll answer is not (a
 * poll is a question, not an event, and most answers are "no change"). A cancellation of an order BestRx never knew
 * as booked ends it without a status change (BestRx is told nothing).
 */
public class StatusChanges {

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
    public StatusChanges(StatusStore store, OutboxStore outbox, Clock clock, Runnable afterQueued) {
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
        this.afterQueued = afterQueued;
    }

    /**
     * @param carrierId the carrier instance the status came from: an order held by another carrier is unknown to it
     *     (for a cancellation of an order never booked, null matches)
     */
    public Recorded apply(String providerOrderId, String carrierId, StatusUpdate update, StatusOrigin origin) {
        Instant occurredAt = (update.occurredAt() == null ? clock.instant() : update.occurredAt())
                .truncatedTo(ChronoUnit.MICROS);
        Recorded recorded = store.transactions().execute(s -> {
            Optional<OrderStatusRow> locked = store.lock(providerOrderId);
            if (locked.isEmpty() || !sameCarrier(carrierId, locked.get())) {
                return Recorded.unknown();
            }
            OrderStatusRow order = locked.get();
            boolean cancellation = origin == StatusOrigin.CANCELLATION;
            if (order.state() != OrderState.BOOKED && order.state() != OrderState.CANCELLED) {
                if (cancellation) {
                    store.cancelUnbooked(order, update.reason(), occurredAt);
                    store.recordEvent(providerOrderId, OrderEventKind.CANCELLED, DeliveryStatus.CANCELLED, carrierId,
                            update.carrierCode(), "cancelled before booking", occurredAt, null);
                    return new Recorded(Outcome.APPLIED, null, 0);
                }
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
                    ProgressionRule.furthestStage(order.current(), update.status()),
                    cancellation && update.status() == DeliveryStatus.CANCELLED);
            store.recordEvent(providerOrderId, cancellation ? OrderEventKind.CANCELLED : OrderEventKind.STATUS_CHANGED,
                    update.status(), carrierId, update.carrierCode(),
                    cancellation ? orElse(update.reason(), "cancelled at the carrier") + ", change #" + seq
                            : "from " + origin.name().toLowerCase() + ", change #" + seq, occurredAt, seq);
            outbox.enqueue(providerOrderId, order.pharmacyId(), seq, update, occurredAt, ProofJson.write(update.proof()));
            nudgeAfterCommit();
            return new Recorded(Outcome.APPLIED, verdict, seq);
        });
        return recorded == null ? Recorded.unknown() : recorded;
    }

    private void nudgeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    afterQueued.run();
                }
            });
        } else {
            afterQueued.run();
        }
    }

    private static boolean sameCarrier(String carrierId, OrderStatusRow order) {
        return carrierId == null ? order.carrierId() == null || order.state() != OrderState.BOOKED
                : carrierId.equals(order.carrierId());
    }

    private void ignore(OrderStatusRow order, String carrierId, StatusUpdate update, Instant occurredAt,
                        StatusOrigin origin, String why) {
        if (origin != StatusOrigin.POLL) {
            store.recordEvent(order.providerOrderId(), OrderEventKind.STATUS_IGNORED, update.status(), carrierId,
                    update.carrierCode(), why, occurredAt, null);
        }
    }

    private static String orElse(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }
}
