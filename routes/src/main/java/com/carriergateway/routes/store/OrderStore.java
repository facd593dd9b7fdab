package com.carriergateway.routes.store;

import static com.carriergateway.routes.store.SqlValues.instant;
import static com.carriergateway.routes.store.SqlValues.truncate;
import static com.carriergateway.routes.store.SqlValues.ts;

import com.carriergateway.adapter.model.CarrierOrder;
import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.StatusUpdate;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.MDC;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Orders and their history, in SQL that runs on H2 and PostgreSQL alike. Every state change that matters
 * is a conditional UPDATE, so concurrent requests and gateway instances agree through the database, not
 * through memory.
 */
public class OrderStore {

    private static final String COLUMNS = "provider_order_id, pharmacy_id, bestrx_unique_order_id, bestrx_order_id, "
            + "request_hash, state, needs_lookup, lease_until, carrier_id, carrier_order_id, tracking_id, "
            + "tracking_url, delivery_status, status_reason, status_at, create_response, created_at, updated_at";

    private static final String EVENT_COLUMNS = "provider_order_id, kind, delivery_status, carrier_id, carrier_code, "
            + "detail, request_id, occurred_at, recorded_at, status_seq";
    private static final String EVENT_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_ORDER = "INSERT INTO delivery_order (provider_order_id, pharmacy_id, "
            + "bestrx_unique_order_id, bestrx_order_id, request_hash, state, needs_lookup, lease_until, created_at, "
            + "updated_at) VALUES (?, ?, ?, ?, ?, 'BOOKING', FALSE, ?, ?, ?)";
    private static final String MARK_BOOKED = "UPDATE delivery_order SET state = 'BOOKED', needs_lookup = FALSE, "
            + "lease_until = NULL, carrier_id = ?, carrier_order_id = ?, tracking_id = ?, tracking_url = ?, "
            + "delivery_status = ?, status_reason = ?, status_at = ?, create_response = ?, updated_at = ? "
            + "WHERE provider_order_id = ?";
    // Package-visible for the PostgreSQL plan tests (OrderStorePlansTest): each must use its index.
    static final String BY_CARRIER_ORDER_ID = "SELECT " + COLUMNS + " FROM delivery_order "
            + "WHERE carrier_id = ? AND carrier_order_id = ?";
    static final String BY_TRACKING_ID = "SELECT " + COLUMNS + " FROM delivery_order "
            + "WHERE carrier_id = ? AND tracking_id = ?";
    static final String HISTORY = "SELECT id, provider_order_id, kind, delivery_status, carrier_id, carrier_code, "
            + "detail, request_id, occurred_at, recorded_at FROM order_event WHERE provider_order_id = ? ORDER BY id";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SqlDialect dialect;
    private final List<Runnable> statusQueuedListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public OrderStore(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.dialect = new SqlDialect(jdbc);
    }

    public TransactionTemplate transactions() {
        return tx;
    }

    /**
     * Inserts a new order holding the booking lease, with its first history entries in the same commit; false
     * when the key exists already (and nothing is written).
     */
    public boolean insertBooking(NewOrder o, Instant leaseUntil, OrderEvent... alsoRecord) {
        OffsetDateTime now = ts(clock.instant());
        List<OrderEvent> events = new ArrayList<>();
        events.add(OrderEvent.of(o.providerOrderId(), OrderEventKind.BOOKING_STARTED, null, null));
        events.addAll(List.of(alsoRecord));
        Object[] order = {o.providerOrderId(), o.pharmacyId(), o.bestrxUniqueOrderId(), o.bestrxOrderId(),
                o.requestHash(), ts(leaseUntil), now, now};
        try {
            if (dialect.isPostgres()) {
                // one statement, so one round trip and one commit for the order and its history entries (the
                // claim commits before the carrier is called: it is on every CreateOrder's path)
                jdbc.update("WITH o AS (" + INSERT_ORDER + ") " + insertEvents(events.size()),
                        concat(order, eventArgs(events, null)));
                return true;
            }
            return tx.execute(s -> {
                jdbc.update(INSERT_ORDER, order);
                jdbc.update(insertEvents(events.size()), eventArgs(events, null));
                return true;
            });
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /**
     * Takes the booking lease of an order nobody is booking: a FAILED one, or a BOOKING one whose lease ran
     * out (its holder died). False when another request got there first.
     */
    public boolean takeOver(String providerOrderId, String requestHash, long bestrxOrderId, Instant leaseUntil) {
        Instant now = clock.instant();
        int n = jdbc.update("UPDATE delivery_order SET state = 'BOOKING', request_hash = ?, bestrx_order_id = ?, "
                        + "lease_until = ?, updated_at = ? WHERE provider_order_id = ? "
                        + "AND (state = 'FAILED' OR (state = 'BOOKING' AND lease_until < ?))",
                requestHash, bestrxOrderId, ts(leaseUntil), ts(now), providerOrderId, ts(now));
        return n == 1;
    }

    public Optional<StoredOrder> find(String pharmacyId, long bestrxUniqueOrderId) {
        return one("SELECT " + COLUMNS + " FROM delivery_order WHERE pharmacy_id = ? AND bestrx_unique_order_id = ?",
                pharmacyId, bestrxUniqueOrderId);
    }

    public Optional<StoredOrder> findById(String providerOrderId) {
        return one("SELECT " + COLUMNS + " FROM delivery_order WHERE provider_order_id = ?", providerOrderId);
    }

    public Optional<StoredOrder> findByCarrierOrderId(String carrierId, String carrierOrderId) {
        return one(BY_CARRIER_ORDER_ID, carrierId, carrierOrderId);
    }

    public Optional<StoredOrder> findByTrackingId(String carrierId, String trackingId) {
        return one(BY_TRACKING_ID, carrierId, trackingId);
    }

    /** Records a booking and its first answer, with its history entry, in one transaction. */
    public void markBooked(String providerOrderId, String carrierId, CarrierOrder booked, String createResponse,
                           OrderEventKind how) {
        Instant now = clock.instant();
        StatusUpdate status = booked.status();
        DeliveryStatus ds = status == null ? DeliveryStatus.CREATED : status.status();
        Instant statusAt = status == null || status.occurredAt() == null ? now : status.occurredAt();
        Object[] update = {carrierId, booked.carrierOrderId(), booked.trackingId(), booked.trackingUrl(), ds.name(),
                status == null ? null : status.reason(), ts(statusAt), createResponse, ts(now), providerOrderId};
        List<OrderEvent> event = List.of(OrderEvent.of(providerOrderId, how, carrierId,
                "carrier order " + booked.carrierOrderId()).withStatus(ds, statusAt));
        if (dialect.isPostgres()) {
            // one statement, one round trip and one commit, as in insertBooking
            jdbc.update("WITH b AS (" + MARK_BOOKED + ") " + insertEvents(1), concat(update, eventArgs(event, null)));
            return;
        }
        tx.executeWithoutResult(s -> {
            jdbc.update(MARK_BOOKED, update);
            jdbc.update(insertEvents(1), eventArgs(event, null));
        });
    }

    /** Nothing is booked (or it cannot be known): release the lease so a repeat may try again. */
    public void markFailed(String providerOrderId, String carrierId, boolean needsLookup, OrderEvent event) {
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            jdbc.update("UPDATE delivery_order SET state = 'FAILED', needs_lookup = ?, lease_until = NULL, "
                            + "carrier_id = COALESCE(?, carrier_id), updated_at = ? WHERE provider_order_id = ?",
                    needsLookup, carrierId, ts(now), providerOrderId);
            insertEvent(event);
        });
    }

    /**
     * Marks the order cancelled; false when it already was (another request did it). A cancellation is a status
     * change like any other: when BestRx knew the order as booked, the change gets the order's next status
     * sequence number and its UpdateOrderStatus push is queued (table {@code status_outbox}) in the same
     * transaction, so it can neither be lost nor overtake an earlier change.
     */
    public boolean markCancelled(String providerOrderId, StatusUpdate status, OrderEvent event) {
        Instant now = clock.instant();
        Instant at = status == null || status.occurredAt() == null ? now : status.occurredAt();
        String reason = status == null ? null : status.reason();
        Boolean changed = tx.execute(s -> {
            List<String> before = jdbc.queryForList("SELECT state FROM delivery_order WHERE provider_order_id = ? "
                    + "FOR UPDATE", String.class, providerOrderId);
            if (before.isEmpty() || OrderState.CANCELLED.name().equals(before.get(0))) {
                return false;
            }
            boolean wasBooked = OrderState.BOOKED.name().equals(before.get(0));
            jdbc.update("UPDATE delivery_order SET state = 'CANCELLED', delivery_status = 'CANCELLED', "
                            + "status_reason = ?, status_at = ?, updated_at = ?, furthest_stage = ?, "
                            + "status_seq = status_seq + ? WHERE provider_order_id = ?",
                    reason, ts(at), ts(now), DeliveryStatus.CANCELLED.stage(), wasBooked ? 1 : 0, providerOrderId);
            Long seq = null;
            if (wasBooked) {
                seq = jdbc.queryForObject("SELECT status_seq FROM delivery_order WHERE provider_order_id = ?",
                        Long.class, providerOrderId);
                jdbc.update("INSERT INTO status_outbox (provider_order_id, pharmacy_id, seq, delivery_status, "
                                + "status_reason, occurred_at, carrier_code, state, attempts, next_attempt_at, budget_from, "
                                + "created_at, updated_at) SELECT provider_order_id, pharmacy_id, ?, 'CANCELLED', ?, ?, ?, "
                                + "'PENDING', 0, ?, ?, ?, ? FROM delivery_order WHERE provider_order_id = ?",
                        seq, truncate(reason, 1000), ts(at), truncate(status == null ? null : status.carrierCode(), 200),
                        ts(now), ts(now), ts(now), ts(now), providerOrderId);
            }
            insertEvent(event.withStatus(DeliveryStatus.CANCELLED, at), seq);
            return true;
        });
        if (Boolean.TRUE.equals(changed)) {
            statusQueuedListeners.forEach(Runnable::run);
        }
        return Boolean.TRUE.equals(changed);
    }

    /**
     * Runs {@code listener} after each committed cancellation that queued a status push: how the outbox
     * dispatcher is nudged to send it at once rather than at its next round.
     */
    public void onStatusQueued(Runnable listener) {
        statusQueuedListeners.add(listener);
    }

    public void appendEvent(OrderEvent event) {
        insertEvent(event);
    }

    public List<OrderEvent> history(String providerOrderId) {
        return jdbc.query(HISTORY,
                (rs, i) -> new OrderEvent(rs.getLong(1), rs.getString(2), OrderEventKind.valueOf(rs.getString(3)),
                        status(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        instant(rs, 9), instant(rs, 10)),
                providerOrderId);
    }

    public long countOrders() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM delivery_order", Long.class);
        return n == null ? 0 : n;
    }

    private void insertEvent(OrderEvent e) {
        insertEvent(e, null);
    }

    private void insertEvent(OrderEvent e, Long statusSeq) {
        jdbc.update(insertEvents(1), eventArgs(List.of(e), statusSeq));
    }

    /** An INSERT of {@code n} history entries; in the order given, so their ids keep it. */
    private static String insertEvents(int n) {
        return "INSERT INTO order_event (" + EVENT_COLUMNS + ") VALUES "
                + String.join(", ", java.util.Collections.nCopies(n, EVENT_VALUES));
    }

    private Object[] eventArgs(List<OrderEvent> events, Long statusSeq) {
        OffsetDateTime recordedAt = ts(clock.instant());
        List<Object> args = new ArrayList<>();
        for (OrderEvent e : events) {
            String requestId = e.requestId() != null ? e.requestId() : MDC.get("requestId");
            args.addAll(java.util.Arrays.asList(e.providerOrderId(), e.kind().name(),
                    e.deliveryStatus() == null ? null : e.deliveryStatus().name(), e.carrierId(),
                    truncate(e.carrierCode(), 200), truncate(e.detail(), 2000), requestId,
                    e.occurredAt() == null ? null : ts(e.occurredAt()), recordedAt, statusSeq));
        }
        return args.toArray();
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private Optional<StoredOrder> one(String sql, Object... args) {
        List<StoredOrder> rows = jdbc.query(sql, ROW, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private static final RowMapper<StoredOrder> ROW = (rs, i) -> new StoredOrder(
            rs.getString("provider_order_id"), rs.getString("pharmacy_id"), rs.getLong("bestrx_unique_order_id"),
            rs.getLong("bestrx_order_id"), rs.getString("request_hash"), OrderState.valueOf(rs.getString("state")),
            rs.getBoolean("needs_lookup"), instant(rs, "lease_until"), rs.getString("carrier_id"),
            rs.getString("carrier_order_id"), rs.getString("tracking_id"), rs.getString("tracking_url"),
            status(rs.getString("delivery_status")), rs.getString("status_reason"), instant(rs, "status_at"),
            rs.getString("create_response"), instant(rs, "created_at"), instant(rs, "updated_at"));

    private static DeliveryStatus status(String s) {
        return s == null ? null : DeliveryStatus.valueOf(s);
    }
}
