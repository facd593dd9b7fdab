package com.carriergateway.core.outbox;

import static com.carriergateway.core.store.SqlValues.instant;
import static com.carriergateway.core.store.SqlValues.truncate;
import static com.carriergateway.core.store.SqlValues.ts;

import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.StatusUpdate;
import com.carriergateway.core.store.FreshQueryPlans;
import com.carriergateway.core.store.OrderEvent;
import com.carriergateway.core.store.OrderEventKind;
import com.carriergateway.core.store.OrderHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The status outbox ({@code status_outbox}): UpdateOrderStatus pushes waiting to go to BestRx. Portable SQL
 * (H2 and PostgreSQL). Any number of gateway instances dispatch from it at once: a claim is a
 * {@code SELECT … FOR UPDATE SKIP LOCKED} plus a lease written on the row, and only the lowest not-yet-sent
 * sequence number of each order is ever claimable, so a later change never overtakes an earlier one, even
 * across instances and after a crash.
 */
public class OutboxStore {

    /**
     * Rows due now whose order has no earlier change still unsent (pending or dead). Rows locked by another
     * claimer are skipped, not waited for.
     */
    private static final String CLAIMABLE = "SELECT o.id FROM status_outbox o "
            + "WHERE o.state = 'PENDING' AND o.next_attempt_at <= ? "
            + "AND (o.claimed_until IS NULL OR o.claimed_until < ?) "
            + "AND NOT EXISTS (SELECT 1 FROM status_outbox e WHERE e.provider_order_id = o.provider_order_id "
            + "AND e.seq < o.seq AND e.state <> 'SENT') "
            + "ORDER BY o.next_attempt_at, o.id LIMIT ? FOR UPDATE SKIP LOCKED";

    private static final String ENTRY_COLUMNS = "id, provider_order_id, pharmacy_id, seq, delivery_status, state, "
            + "attempts, last_error, last_http_status, created_at, next_attempt_at, sent_at, dead_at";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final FreshQueryPlans plans;
    private final OrderHistory history;

    public OutboxStore(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock, OrderHistory history) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.plans = new FreshQueryPlans(jdbc);
        this.history = history;
    }

    /**
     * Queues the push of an accepted change. Call it inside the transaction that accepted the change, so both
     * commit or neither does.
     *
     * @param proofJson proof of delivery (health data) or null; kept only until the push is confirmed
     */
    public void enqueue(String providerOrderId, String pharmacyId, long seq, StatusUpdate update, Instant occurredAt,
                        String proofJson) {
        Instant now = clock.instant();
        jdbc.update("INSERT INTO status_outbox (provider_order_id, pharmacy_id, seq, delivery_status, status_reason, "
                        + "occurred_at, carrier_code, proof, state, attempts, next_attempt_at, budget_from, created_at, "
                        + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?)",
                providerOrderId, pharmacyId, seq, update.status().name(), truncate(update.reason(), 1000),
                ts(occurredAt), truncate(update.carrierCode(), 200), proofJson, ts(now), ts(now), ts(now), ts(now));
    }

    /**
     * Claims up to {@code limit} rows for {@code lease}: nobody else sends them until the lease ends. At most one
     * row per order is ever returned (the lowest unsent one).
     */
    public List<ClaimedCallback> claim(int limit, Duration lease) {
        Instant now = clock.instant();
        String token = UUID.randomUUID().toString();
        List<ClaimedCallback> claimed = tx.execute(s -> {
            plans.forThisTransaction();
            List<Long> ids = jdbc.queryForList(CLAIMABLE, Long.class, ts(now), ts(now), limit);
            if (ids.isEmpty()) {
                return List.<ClaimedCallback>of();
            }
            List<Object[]> args = new ArrayList<>();
            for (Long id : ids) {
                args.add(new Object[] {ts(now.plus(lease)), token, ts(now), id});
            }
            jdbc.batchUpdate("UPDATE status_outbox SET claimed_until = ?, claim_token = ?, updated_at = ? WHERE id = ?",
                    args);
            // read back by primary key (claim_token is not indexed: reading by it scanned the whole outbox)
            String idList = String.join(",", Collections.nCopies(ids.size(), "?"));
            return jdbc.query("SELECT o.id, o.provider_order_id, o.pharmacy_id, o.seq, o.delivery_status, "
                            + "o.status_reason, o.occurred_at, o.carrier_code, o.proof, o.attempts, o.budget_from, "
                            + "o.created_at, o.claim_token, d.bestrx_order_id, d.bestrx_unique_order_id, d.tracking_id "
                            + "FROM status_outbox o JOIN delivery_order d ON d.provider_order_id = o.provider_order_id "
                            + "WHERE o.id IN (" + idList + ") ORDER BY o.id",
                    (rs, i) -> new ClaimedCallback(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            DeliveryStatus.valueOf(rs.getString(5)), rs.getString(6), instant(rs, 7), rs.getString(8),
                            rs.getString(9), rs.getInt(10), instant(rs, 11), instant(rs, 12), rs.getString(13),
                            rs.getLong(14), rs.getLong(15), rs.getString(16)),
                    ids.toArray());
        });
        return claimed == null ? List.of() : claimed;
    }

    /**
     * BestRx has the change: the row is done and its proof of delivery is erased. False when the claim was lost
     * (its lease ran out and another dispatcher took the row): that one records the outcome.
     *
     * <p>On PostgreSQL this commit does not wait for the disk flush (one flush less per callback). Losing it in a
     * database crash leaves the row claimed, and it is sent again after the lease with the same
     * {@code Idempotency-Key}: the duplicate the outbox already allows. It cannot reorder: the order's next change
     * is claimed by a synchronous commit, which flushes this one first.
     */
    public boolean markSent(ClaimedCallback row, int httpStatus) {
        Instant now = clock.instant();
        Boolean mine = tx.execute(s -> {
            // planned for the outbox as it is now, not as it was when this statement first ran (see FreshQueryPlans)
            plans.forThisTransactionWithoutWaitingForFlush();
            return jdbc.update("UPDATE status_outbox SET state = 'SENT', attempts = attempts + 1, sent_at = ?, "
                            + "updated_at = ?, proof = NULL, claimed_until = NULL, claim_token = NULL, "
                            + "last_error = NULL, last_http_status = ? WHERE id = ? AND claim_token = ?",
                    ts(now), ts(now), httpStatus, row.id(), row.claimToken()) == 1;
        });
        return Boolean.TRUE.equals(mine);
    }

    /** Gives back claimed rows that were not sent: claimable again at once, by any dispatcher. */
    public void release(List<ClaimedCallback> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<Object[]> args = new ArrayList<>();
        for (ClaimedCallback row : rows) {
            args.add(new Object[] {ts(now), row.id(), row.claimToken()});
        }
        tx.executeWithoutResult(s -> {
            plans.forThisTransaction();
            jdbc.batchUpdate("UPDATE status_outbox SET claimed_until = NULL, claim_token = NULL, updated_at = ? "
                    + "WHERE id = ? AND claim_token = ?", args);
        });
    }

    /**
     * The attempt failed: try again at {@code nextAttemptAt}, or, when {@code dead}, park the row as a dead
     * letter (noted in the order's history); later changes of its order then wait behind it.
     */
    public boolean markFailed(ClaimedCallback row, String error, Integer httpStatus, Instant nextAttemptAt,
                              boolean dead) {
        Instant now = clock.instant();
        Boolean recorded = tx.execute(s -> {
            plans.forThisTransaction();
            int n = jdbc.update("UPDATE status_outbox SET state = ?, attempts = attempts + 1, next_attempt_at = ?, "
                            + "last_error = ?, last_http_status = ?, claimed_until = NULL, claim_token = NULL, "
                            + "updated_at = ?, dead_at = ? WHERE id = ? AND claim_token = ?",
                    dead ? OutboxState.DEAD.name() : OutboxState.PENDING.name(), ts(nextAttemptAt),
                    truncate(error, 300), httpStatus, ts(now), dead ? ts(now) : null, row.id(), row.claimToken());
            if (n == 1 && dead) {
                history.append(List.of(OrderEvent.of(row.providerOrderId(), OrderEventKind.CALLBACK_DEAD_LETTERED, null,
                        "callback " + row.id() + " (change #" + row.seq() + ") dead after " + (row.attempts() + 1)
                                + " attempts: " + error).withStatus(row.status(), null)), row.seq());
            }
            return n == 1;
        });
        return Boolean.TRUE.equals(recorded);
    }

    /**
     * Deletes up to {@code limit} rows confirmed by BestRx before {@code sentBefore}, oldest first; returns how many.
     * Only SENT rows: a pending or dead row is never lost to the purge.
     */
    public int purgeSent(Instant sentBefore, int limit) {
        return jdbc.update("DELETE FROM status_outbox WHERE id IN (SELECT id FROM status_outbox WHERE state = 'SENT' "
                + "AND sent_at < ? ORDER BY id LIMIT ?)", ts(sentBefore), limit);
    }

    /** Dead letters, oldest first. */
    public List<OutboxEntry> deadLetters(int limit) {
        return jdbc.query("SELECT " + ENTRY_COLUMNS + " FROM status_outbox WHERE state = 'DEAD' ORDER BY id LIMIT ?",
                ENTRY, limit);
    }

    /** Every queued callback of an order, in sequence. */
    public List<OutboxEntry> entries(String providerOrderId) {
        return jdbc.query("SELECT " + ENTRY_COLUMNS + " FROM status_outbox WHERE provider_order_id = ? ORDER BY seq",
                ENTRY, providerOrderId);
    }

    /**
     * Sends one dead letter back to the queue: attempts reset, a fresh retry budget for it and for the changes
     * of its order waiting behind it. False when it is not a dead letter.
     */
    public boolean replay(long id) {
        List<String> order = jdbc.queryForList("SELECT provider_order_id FROM status_outbox WHERE id = ? "
                + "AND state = 'DEAD'", String.class, id);
        return !order.isEmpty() && replay(order.get(0), List.of(id)) == 1;
    }

    /** Sends every dead letter of the order back to the queue; they go out in sequence. Returns how many. */
    public int replayOrder(String providerOrderId) {
        List<Long> ids = jdbc.queryForList("SELECT id FROM status_outbox WHERE provider_order_id = ? "
                + "AND state = 'DEAD' ORDER BY seq", Long.class, providerOrderId);
        return ids.isEmpty() ? 0 : replay(providerOrderId, ids);
    }

    /**
     * Sends every dead letter of the pharmacy back to the queue, order by order (each order's in sequence, as
     * {@link #replayOrder}). Returns how many.
     */
    public int replayPharmacy(String pharmacyId) {
        List<String> orders = jdbc.queryForList("SELECT DISTINCT provider_order_id FROM status_outbox "
                + "WHERE pharmacy_id = ? AND state = 'DEAD'", String.class, pharmacyId);
        int n = 0;
        for (String order : orders) {
            n += replayOrder(order);
        }
        return n;
    }

    private int replay(String providerOrderId, List<Long> ids) {
        Instant now = clock.instant();
        Integer replayed = tx.execute(s -> {
            int n = 0;
            for (Long id : ids) {
                int done = jdbc.update("UPDATE status_outbox SET state = 'PENDING', attempts = 0, next_attempt_at = ?, "
                                + "budget_from = ?, dead_at = NULL, claimed_until = NULL, claim_token = NULL, "
                                + "updated_at = ? WHERE id = ? AND state = 'DEAD'",
                        ts(now), ts(now), ts(now), id);
                if (done == 1) {
                    Long seq = jdbc.queryForObject("SELECT seq FROM status_outbox WHERE id = ?", Long.class, id);
                    history.append(List.of(OrderEvent.of(providerOrderId, OrderEventKind.CALLBACK_REPLAYED, null,
                            "callback " + id + " (change #" + seq + ") replayed by an operator")), seq);
                }
                n += done;
            }
            // the changes waiting behind the dead letters were never tried: their budget starts now too
            jdbc.update("UPDATE status_outbox SET budget_from = ?, updated_at = ? WHERE provider_order_id = ? "
                    + "AND state = 'PENDING' AND attempts = 0", ts(now), ts(now), providerOrderId);
            return n;
        });
        return replayed == null ? 0 : replayed;
    }

    /** Per pharmacy with anything unsent: callbacks never tried, retrying, dead; by pharmacy id. */
    public List<PharmacyDeliveries> deliveriesByPharmacy() {
        return jdbc.query("SELECT pharmacy_id, "
                        + "SUM(CASE WHEN state = 'PENDING' AND attempts = 0 THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN state = 'PENDING' AND attempts > 0 THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN state = 'DEAD' THEN 1 ELSE 0 END), "
                        + "MIN(created_at) FROM status_outbox WHERE state <> 'SENT' GROUP BY pharmacy_id "
                        + "ORDER BY pharmacy_id",
                (rs, i) -> new PharmacyDeliveries(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        instant(rs, 5)));
    }

    /** The pharmacy's unsent callbacks (pending, retrying, dead), oldest first. */
    public List<OutboxEntry> unsent(String pharmacyId, int limit) {
        return jdbc.query("SELECT " + ENTRY_COLUMNS + " FROM status_outbox WHERE pharmacy_id = ? AND state <> 'SENT' "
                + "ORDER BY id LIMIT ?", ENTRY, pharmacyId, limit);
    }

    public OutboxDepth depth() {
        return jdbc.queryForObject("SELECT "
                        + "(SELECT COUNT(*) FROM status_outbox WHERE state = 'PENDING'), "
                        + "(SELECT MIN(created_at) FROM status_outbox WHERE state = 'PENDING'), "
                        + "(SELECT COUNT(*) FROM status_outbox WHERE state = 'DEAD')",
                (rs, i) -> new OutboxDepth(rs.getLong(1), instant(rs, 2), rs.getLong(3)));
    }

    private static final RowMapper<OutboxEntry> ENTRY = (rs, i) -> new OutboxEntry(rs.getLong("id"),
            rs.getString("provider_order_id"), rs.getString("pharmacy_id"), rs.getLong("seq"),
            DeliveryStatus.valueOf(rs.getString("delivery_status")), OutboxState.valueOf(rs.getString("state")),
            rs.getInt("attempts"), rs.getString("last_error"), rs.getObject("last_http_status", Integer.class),
            instant(rs, "created_at"), instant(rs, "next_attempt_at"), instant(rs, "sent_at"), instant(rs, "dead_at"));

    /** For tests: every row's state, in id order. */
    List<OutboxEntry> all() {
        return Collections.unmodifiableList(jdbc.query("SELECT " + ENTRY_COLUMNS + " FROM status_outbox ORDER BY id",
                ENTRY));
    }
}
