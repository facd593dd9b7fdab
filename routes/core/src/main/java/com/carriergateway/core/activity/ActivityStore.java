package com.carriergateway.core.activity;

import static com.carriergateway.core.store.SqlValues.instant;
import static com.carriergateway.core.store.SqlValues.truncate;
import static com.carriergateway.core.store.SqlValues.ts;

import com.carriergateway.adapter.Operation;
import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.core.outbox.CallbackAttempt;
import com.carriergateway.core.store.FreshQueryPlans;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one owner of the activity record ({@code carrier_call}, {@code webhook_receipt}, {@code callback_attempt}): the
 * only class that writes or deletes their rows, and where the console reads them. Written in batches by
 * {@link ActivityLog}'s background thread, outside any request's transaction.
 */
public class ActivityStore {

    /** The newest calls the carriers screen sums up per carrier. */
    public static final int STATS_SAMPLE = 1_000;

    private static final String CALL_COLUMNS = "carrier_id, provider_order_id, operation, outcome, category, "
            + "carrier_code, http_status, latency_ms, request_id, occurred_at";
    private static final String WEBHOOK_COLUMNS = "carrier_id, outcome, http_status, reason, events, applied, ignored, "
            + "unknown_orders, provider_order_id, request_id, received_at";
    private static final String ATTEMPT_COLUMNS = "outbox_id, provider_order_id, pharmacy_id, seq, delivery_status, "
            + "attempt, outcome, http_status, error, next_attempt_at, dead_lettered, request_id, attempted_at";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final FreshQueryPlans plans;

    public ActivityStore(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.plans = jdbc == null ? null : new FreshQueryPlans(jdbc);
    }

    // --- writes (ActivityLog's thread)

    /**
     * Writes one batch of the log in one transaction whose commit does not wait for the disk. Row by row in
     * auto-commit, every line was a commit of its own with a flush to disk (on PostgreSQL, and on H2 without write
     * delay): the benchmark's database spent about a third more CPU per CreateOrder. Losing the last lines in a
     * database crash is what the activity record already allows (it holds no acknowledged change).
     */
    public void write(List<CarrierCall> calls, List<WebhookReceipt> receipts, List<CallbackAttempt> attempts) {
        tx.executeWithoutResult(s -> {
            plans.withoutWaitingForFlush();
            insertCarrierCalls(calls);
            insertWebhookReceipts(receipts);
            insertCallbackAttempts(attempts);
        });
    }

    public void insertCarrierCalls(List<CarrierCall> calls) {
        if (calls.isEmpty()) {
            return;
        }
        List<Object[]> args = new ArrayList<>();
        for (CarrierCall c : calls) {
            args.add(new Object[] {truncate(c.carrierId(), 64), truncate(c.providerOrderId(), 50),
                    c.operation().name(), c.outcome().name(), c.category(), truncate(c.carrierCode(), 200),
                    c.httpStatus(), c.latencyMs(), truncate(c.requestId(), 64), ts(c.occurredAt())});
        }
        jdbc.batchUpdate("INSERT INTO carrier_call (" + CALL_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", args);
    }

    public void insertWebhookReceipts(List<WebhookReceipt> receipts) {
        if (receipts.isEmpty()) {
            return;
        }
        List<Object[]> args = new ArrayList<>();
        for (WebhookReceipt w : receipts) {
            args.add(new Object[] {truncate(w.carrierId(), 64), w.outcome().name(), w.httpStatus(),
                    truncate(w.reason(), 300), w.events(), w.applied(), w.ignored(), w.unknownOrders(),
                    truncate(w.providerOrderId(), 50), truncate(w.requestId(), 64), ts(w.receivedAt())});
        }
        jdbc.batchUpdate("INSERT INTO webhook_receipt (" + WEBHOOK_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                args);
    }

    public void insertCallbackAttempts(List<CallbackAttempt> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        List<Object[]> args = new ArrayList<>();
        for (CallbackAttempt a : attempts) {
            args.add(new Object[] {a.outboxId(), a.providerOrderId(), a.pharmacyId(), a.seq(), a.status().name(),
                    a.attempt(), a.outcome(), a.httpStatus(), truncate(a.error(), 300),
                    a.nextAttemptAt() == null ? null : ts(a.nextAttemptAt()), a.deadLettered(),
                    truncate(a.requestId(), 64), ts(a.attemptedAt())});
        }
        jdbc.batchUpdate("INSERT INTO callback_attempt (" + ATTEMPT_COLUMNS + ") VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", args);
    }

    /**
     * Deletes up to {@code limit} rows of each table recorded before {@code before}, oldest first; returns how many
     * rows in all.
     */
    public int purgeBefore(Instant before, int limit) {
        int n = 0;
        n += jdbc.update("DELETE FROM carrier_call WHERE id IN (SELECT id FROM carrier_call WHERE occurred_at < ? "
                + "ORDER BY occurred_at LIMIT ?)", ts(before), limit);
        n += jdbc.update("DELETE FROM webhook_receipt WHERE id IN (SELECT id FROM webhook_receipt WHERE received_at < ? "
                + "ORDER BY received_at LIMIT ?)", ts(before), limit);
        n += jdbc.update("DELETE FROM callback_attempt WHERE id IN (SELECT id FROM callback_attempt "
                + "WHERE attempted_at < ? ORDER BY attempted_at LIMIT ?)", ts(before), limit);
        return n;
    }

    // --- reads (the console)

    /** Every recorded carrier call about the order, oldest first. */
    public List<CarrierCall> carrierCallsOf(String providerOrderId) {
        return jdbc.query("SELECT " + CALL_COLUMNS + " FROM carrier_call WHERE provider_order_id = ? ORDER BY id",
                CALL, providerOrderId);
    }

    /** A carrier's newest calls, newest first. */
    public List<CarrierCall> recentCarrierCalls(String carrierId, int limit) {
        return jdbc.query("SELECT " + CALL_COLUMNS + " FROM carrier_call WHERE carrier_id = ? "
                + "ORDER BY occurred_at DESC, id DESC LIMIT ?", CALL, carrierId, limit);
    }

    /** A carrier's calls since {@code since} (the newest {@link #STATS_SAMPLE} at most), summed up. */
    public CarrierCallStats carrierCallStats(String carrierId, Instant since) {
        List<CarrierCall> recent = jdbc.query("SELECT " + CALL_COLUMNS + " FROM carrier_call WHERE carrier_id = ? "
                + "AND occurred_at >= ? ORDER BY occurred_at DESC LIMIT ?", CALL, carrierId, ts(since), STATS_SAMPLE);
        int errors = (int) recent.stream().filter(c -> c.outcome().isError()).count();
        long[] latencies = recent.stream().filter(c -> c.outcome() != CarrierCall.Outcome.NOT_CALLED)
                .mapToLong(CarrierCall::latencyMs).sorted().toArray();
        // the newest success, found walking the (carrier_id, occurred_at) index backwards: successes are common
        List<Instant> lastSuccess = jdbc.query("SELECT occurred_at FROM carrier_call WHERE carrier_id = ? "
                + "AND outcome = 'SUCCESS' ORDER BY occurred_at DESC LIMIT 1", (rs, i) -> instant(rs, 1), carrierId);
        return new CarrierCallStats(recent.size(), errors, percentile(latencies, 50), percentile(latencies, 95),
                lastSuccess.isEmpty() ? null : lastSuccess.get(0));
    }

    /** The newest webhook receipts, newest first; {@code carrierId} null for every carrier. */
    public List<WebhookReceipt> recentWebhooks(String carrierId, WebhookReceipt.Outcome outcome, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + WEBHOOK_COLUMNS + " FROM webhook_receipt WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (carrierId != null) {
            sql.append(" AND carrier_id = ?");
            args.add(carrierId);
        }
        if (outcome != null) {
            sql.append(" AND outcome = ?");
            args.add(outcome.name());
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), WEBHOOK, args.toArray());
    }

    /** The webhook calls whose events concerned the order, oldest first. */
    public List<WebhookReceipt> webhooksOf(String providerOrderId) {
        return jdbc.query("SELECT " + WEBHOOK_COLUMNS + " FROM webhook_receipt WHERE provider_order_id = ? ORDER BY id",
                WEBHOOK, providerOrderId);
    }

    /** Every recorded UpdateOrderStatus attempt of the order, oldest first. */
    public List<CallbackAttempt> callbackAttemptsOf(String providerOrderId) {
        return jdbc.query("SELECT " + ATTEMPT_COLUMNS + " FROM callback_attempt WHERE provider_order_id = ? "
                + "ORDER BY id", ATTEMPT, providerOrderId);
    }

    /** The newest UpdateOrderStatus attempts, newest first; {@code pharmacyId} null for every pharmacy. */
    public List<CallbackAttempt> recentCallbackAttempts(String pharmacyId, int limit) {
        return pharmacyId == null
                ? jdbc.query("SELECT " + ATTEMPT_COLUMNS + " FROM callback_attempt ORDER BY attempted_at DESC, id DESC "
                        + "LIMIT ?", ATTEMPT, limit)
                : jdbc.query("SELECT " + ATTEMPT_COLUMNS + " FROM callback_attempt WHERE pharmacy_id = ? "
                        + "ORDER BY attempted_at DESC, id DESC LIMIT ?", ATTEMPT, pharmacyId, limit);
    }

    static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static final RowMapper<CarrierCall> CALL = (rs, i) -> new CarrierCall(rs.getString(1), rs.getString(2),
            Operation.valueOf(rs.getString(3)), CarrierCall.Outcome.valueOf(rs.getString(4)), rs.getString(5),
            rs.getString(6), rs.getObject(7, Integer.class), rs.getLong(8), rs.getString(9), instant(rs, 10));

    private static final RowMapper<WebhookReceipt> WEBHOOK = (rs, i) -> new WebhookReceipt(rs.getString(1),
            WebhookReceipt.Outcome.valueOf(rs.getString(2)), rs.getInt(3), rs.getString(4), rs.getInt(5),
            rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getString(9), rs.getString(10), instant(rs, 11));

    private static final RowMapper<CallbackAttempt> ATTEMPT = (rs, i) -> new CallbackAttempt(rs.getLong(1),
            rs.getString(2), rs.getString(3), rs.getLong(4), DeliveryStatus.valueOf(rs.getString(5)), rs.getInt(6),
            rs.getString(7), rs.getObject(8, Integer.class), rs.getString(9), instant(rs, 10), rs.getBoolean(11),
            rs.getString(12), instant(rs, 13));

}
