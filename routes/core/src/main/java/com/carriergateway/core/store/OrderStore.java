package com.carriergateway.core.store;

import static com.carriergateway.core.store.SqlValues.instant;
import static com.carriergateway.core.store.SqlValues.ts;

import com.carriergateway.adapter.model.CarrierOrder;
import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.StatusUpdate;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SqlDialect dialect;
    private final OrderHistory history;

    public OrderStore(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock, OrderHistory history) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.dialect = new SqlDialect(jdbc);
        this.history = history;
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
                jdbc.update("WITH o AS (" + INSERT_ORDER + ") " + history.insert(events.size()),
                        concat(order, history.args(events, null)));
                return true;
            }
            return tx.execute(s -> {
                jdbc.update(INSERT_ORDER, order);
                history.append(events, null);
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

    /**
     * Records a booking and its first answer, with its history entry (and any {@code alsoRecord} entries after it, e.g.
     * the carrier's remarks), in one transaction.
     */
    public void markBooked(String providerOrderId, String carrierId, CarrierOrder booked, String createResponse,
                           OrderEventKind how, OrderEvent... alsoRecord) {
        Instant now = clock.instant();
        StatusUpdate status = booked.status();
        DeliveryStatus ds = status == null ? DeliveryStatus.CREATED : status.status();
        Instant statusAt = status == null || status.occurredAt() == null ? now : status.occurredAt();
        Object[] update = {carrierId, booked.carrierOrderId(), booked.trackingId(), booked.trackingUrl(), ds.name(),
                status == null ? null : status.reason(), ts(statusAt), createResponse, ts(now), providerOrderId};
        List<OrderEvent> events = new ArrayList<>();
        events.add(OrderEvent.of(providerOrderId, how, carrierId, "carrier order " + booked.carrierOrderId())
                .withStatus(ds, statusAt));
        events.addAll(List.of(alsoRecord));
        if (dialect.isPostgres()) {
            // one statement, one round trip and one commit, as in insertBooking
            jdbc.update("WITH b AS (" + MARK_BOOKED + ") " + history.insert(events.size()),
                    concat(update, history.args(events, null)));
            return;
        }
        tx.executeWithoutResult(s -> {
            jdbc.update(MARK_BOOKED, update);
            history.append(events, null);
        });
    }

    /**
     * An operator found the order at the carrier: booked with the carrier's ids, without a first answer (BestRx's
     * next CreateOrder gets one written from these). Only an order whose booking outcome is unknown; false otherwise
     * (nothing changed).
     */
    public boolean reconcileBooked(String providerOrderId, String carrierOrderId, String trackingId, OrderEvent event) {
        Instant now = clock.instant();
        Boolean done = tx.execute(s -> {
            int n = jdbc.update("UPDATE delivery_order SET state = 'BOOKED', needs_lookup = FALSE, lease_until = NULL, "
                            + "carrier_order_id = ?, tracking_id = ?, delivery_status = 'CREATED', status_at = ?, "
                            + "updated_at = ? WHERE provider_order_id = ? AND state = 'FAILED' AND needs_lookup = TRUE",
                    carrierOrderId, trackingId, ts(now), ts(now), providerOrderId);
            if (n == 1) {
                history.append(event.withStatus(DeliveryStatus.CREATED, now));
            }
            return n == 1;
        });
        return Boolean.TRUE.equals(done);
    }

    /**
     * An operator found that the carrier holds no such order: the next CreateOrder books it without asking first.
     * Only an order whose booking outcome is unknown; false otherwise (nothing changed).
     */
    public boolean reconcileNotBooked(String providerOrderId, OrderEvent event) {
        Instant now = clock.instant();
        Boolean done = tx.execute(s -> {
            int n = jdbc.update("UPDATE delivery_order SET needs_lookup = FALSE, updated_at = ? WHERE provider_order_id = ? "
                    + "AND state = 'FAILED' AND needs_lookup = TRUE", ts(now), providerOrderId);
            if (n == 1) {
                history.append(event);
            }
            return n == 1;
        });
        return Boolean.TRUE.equals(done);
    }

    /** Stores the first answer of an order booked before any CreateOrder was answered (replayed from then on). */
    public void recordFirstAnswer(String providerOrderId, String answer) {
        jdbc.update("UPDATE delivery_order SET create_response = ?, updated_at = ? WHERE provider_order_id = ? "
                + "AND create_response IS NULL", answer, ts(clock.instant()), providerOrderId);
    }

    /** Nothing is booked (or it cannot be known): release the lease so a repeat may try again. */
    public void markFailed(String providerOrderId, String carrierId, boolean needsLookup, OrderEvent event) {
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            jdbc.update("UPDATE delivery_order SET state = 'FAILED', needs_lookup = ?, lease_until = NULL, "
                            + "carrier_id = COALESCE(?, carrier_id), updated_at = ? WHERE provider_order_id = ?",
                    needsLookup, carrierId, ts(now), providerOrderId);
            history.append(event);
        });
    }

    /** Records a history entry of the order (e.g. a cancel request, a failover), in its own commit. */
    public void appendEvent(OrderEvent event) {
        history.append(event);
    }

    public List<OrderEvent> history(String providerOrderId) {
        return history.of(providerOrderId);
    }

    public long countOrders() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM delivery_order", Long.class);
        return n == null ? 0 : n;
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
