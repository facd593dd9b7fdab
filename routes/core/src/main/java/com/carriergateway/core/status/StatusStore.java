package com.carriergateway.core.status;

import static com.carriergateway.core.store.SqlValues.instant;
import static com.carriergateway.core.store.SqlValues.truncate;
import static com.carriergateway.core.store.SqlValues.ts;

import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.StatusUpdate;
import com.carriergateway.core.store.FreshQueryPlans;
import com.carriergateway.core.store.OrderEvent;
import com.carriergateway.core.store.OrderEventKind;
import com.carriergateway.core.store.OrderHistory;
import com.carriergateway.core.store.OrderState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The status side of orders, in SQL that runs on H2 and PostgreSQL alike: applying a change under the order
 * row's lock (with its sequence number), recording history, and leasing open orders for status polls.
 */
public class StatusStore {

    /**
     * Terminal statuses leave the poll; so do cancelled and never-booked orders (state not BOOKED). On PostgreSQL the
     * partial index {@code ix_delivery_order_poll_due} (booked orders only) serves it in its ORDER BY order; package-
     * visible for StatusStorePlansTest, which checks that.
     */
    static final String POLLABLE = "SELECT provider_order_id FROM delivery_order "
            + "WHERE carrier_id = ? AND state = 'BOOKED' AND poll_retired_at IS NULL "
            + "AND (delivery_status IS NULL OR delivery_status NOT IN ('DELIVERED', 'RETURNED', 'CANCELLED')) "
            + "AND (next_poll_at IS NULL OR next_poll_at <= ?) "
            + "AND (poll_lease_until IS NULL OR poll_lease_until < ?) "
            + "ORDER BY next_poll_at NULLS FIRST, created_at LIMIT ? FOR UPDATE SKIP LOCKED";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final FreshQueryPlans plans;
    private final OrderHistory history;

    public StatusStore(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock, OrderHistory history) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.plans = new FreshQueryPlans(jdbc);
        this.history = history;
    }

    public TransactionTemplate transactions() {
        return tx;
    }

    /** Reads the order's status and locks its row until the transaction ends. Call inside a transaction. */
    public Optional<OrderStatusRow> lock(String providerOrderId) {
        List<OrderStatusRow> rows = jdbc.query("SELECT provider_order_id, pharmacy_id, state, carrier_id, "
                        + "delivery_status, status_at, furthest_stage, status_seq FROM delivery_order "
                        + "WHERE provider_order_id = ? FOR UPDATE",
                (rs, i) -> new OrderStatusRow(rs.getString(1), rs.getString(2), OrderState.valueOf(rs.getString(3)),
                        rs.getString(4), status(rs.getString(5)), instant(rs, 6), rs.getInt(7), rs.getLong(8)),
                providerOrderId);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /**
     * Applies a change to the locked order and hands out its sequence number: the counter is incremented by the
     * same UPDATE (guarded by the value read under the lock). A cancellation also ends the order ({@code CANCELLED}).
     *
     * @return the change's sequence number
     */
    public long apply(OrderStatusRow order, StatusUpdate update, Instant occurredAt, int furthestStage,
                      boolean cancelsOrder) {
        int n = jdbc.update("UPDATE delivery_order SET delivery_status = ?, status_reason = ?, status_at = ?, "
                        + "furthest_stage = ?, status_seq = status_seq + 1, updated_at = ?, "
                        + "state = CASE WHEN ? THEN 'CANCELLED' ELSE state END "
                        + "WHERE provider_order_id = ? AND status_seq = ?",
                update.status().name(), truncate(update.reason(), 1000), ts(occurredAt), furthestStage,
                ts(clock.instant()), cancelsOrder, order.providerOrderId(), order.statusSeq());
        if (n != 1) {
            throw new IllegalStateException("order " + order.providerOrderId() + " changed under its lock");
        }
        return order.statusSeq() + 1;
    }

    /**
     * Ends an order BestRx never knew as booked (its booking failed or is unknown): cancelled, with no status change
     * number, because BestRx is sent no status for it.
     */
    public void cancelUnbooked(OrderStatusRow order, String reason, Instant at) {
        jdbc.update("UPDATE delivery_order SET state = 'CANCELLED', delivery_status = 'CANCELLED', status_reason = ?, "
                        + "status_at = ?, furthest_stage = ?, updated_at = ? WHERE provider_order_id = ?",
                truncate(reason, 1000), ts(at), DeliveryStatus.CANCELLED.stage(), ts(clock.instant()),
                order.providerOrderId());
    }

    /** Appends a status entry to the order's history (no patient data: statuses, codes and ids only). */
    public void recordEvent(String providerOrderId, OrderEventKind kind, DeliveryStatus status, String carrierId,
                            String carrierCode, String detail, Instant occurredAt, Long statusSeq) {
        history.append(List.of(new OrderEvent(0, providerOrderId, kind, status, carrierId, carrierCode, detail, null,
                occurredAt, null)), statusSeq);
    }

    /**
     * Leases up to {@code limit} of the carrier's open orders that are due for a status poll. Another instance
     * skips them (locked rows while claiming, the lease afterwards) until {@link #pollDone} or the lease ends.
     */
    public List<PollTarget> claimForPoll(String carrierId, int limit, Instant leaseUntil) {
        Instant now = clock.instant();
        List<PollTarget> claimed = tx.execute(s -> {
            plans.forThisTransaction();
            List<String> ids = jdbc.queryForList(POLLABLE, String.class, carrierId, ts(now), ts(now), limit);
            List<PollTarget> targets = new ArrayList<>();
            for (String id : ids) {
                jdbc.update("UPDATE delivery_order SET poll_lease_until = ? WHERE provider_order_id = ?",
                        ts(leaseUntil), id);
                targets.addAll(jdbc.query("SELECT provider_order_id, carrier_order_id, tracking_id, created_at "
                                + "FROM delivery_order WHERE provider_order_id = ?",
                        (rs, i) -> new PollTarget(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4)),
                        id));
            }
            return targets;
        });
        return claimed == null ? List.of() : claimed;
    }

    /** Releases the poll lease; the order is due again at {@code nextPollAt}. */
    public void pollDone(String providerOrderId, Instant nextPollAt) {
        jdbc.update("UPDATE delivery_order SET poll_lease_until = NULL, next_poll_at = ? WHERE provider_order_id = ?",
                ts(nextPollAt), providerOrderId);
    }

    /** Takes an order out of the poll for good, saying so in its history. */
    public void retireFromPoll(String providerOrderId, String carrierId, String why) {
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            jdbc.update("UPDATE delivery_order SET poll_retired_at = ?, poll_lease_until = NULL "
                    + "WHERE provider_order_id = ?", ts(now), providerOrderId);
            recordEvent(providerOrderId, OrderEventKind.POLL_RETIRED, null, carrierId, null, why, null, null);
        });
    }

    private static DeliveryStatus status(String s) {
        return s == null ? null : DeliveryStatus.valueOf(s);
    }
}
