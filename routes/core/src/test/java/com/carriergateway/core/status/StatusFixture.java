package com.carriergateway.core.status;

import com.carriergateway.adapter.model.CarrierOrder;
import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.StatusUpdate;
import com.carriergateway.core.TestDatabases;
import com.carriergateway.core.outbox.MutableClock;
import com.carriergateway.core.outbox.OutboxStore;
import com.carriergateway.core.store.NewOrder;
import com.carriergateway.core.store.OrderEventKind;
import com.carriergateway.core.store.OrderHistory;
import com.carriergateway.core.store.OrderStore;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A fresh, migrated database with the order, status and outbox stores on one hand-moved clock. */
public final class StatusFixture {

    public static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    public static final String PHARMACY = "ef0a4740-0be9-44f7-b89d-9e66eeba0b9a";

    public final DataSource dataSource;
    public final JdbcTemplate jdbc;
    public final TransactionTemplate tx;
    public final MutableClock clock = new MutableClock(T0);
    public final OrderHistory history;
    public final OrderStore orders;
    public final StatusStore statuses;
    public final OutboxStore outbox;
    public final AtomicInteger nudges = new AtomicInteger();
    public final StatusChanges changes;
    private static final AtomicInteger UNIQUE = new AtomicInteger(5000);

    public StatusFixture(TestDatabases.Kind kind) {
        dataSource = TestDatabases.fresh(kind);
        jdbc = new JdbcTemplate(dataSource);
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        history = new OrderHistory(jdbc, clock);
        orders = new OrderStore(jdbc, tx, clock, history);
        statuses = new StatusStore(jdbc, tx, clock, history);
        outbox = new OutboxStore(jdbc, tx, clock, history);
        changes = new StatusChanges(statuses, outbox, clock, nudges::incrementAndGet);
    }

    /** A booked order: carrier order {@code ORD-<key>}, tracking {@code TRK-<key>}, status CREATED at T0. */
    public String book(String key, String carrierId) {
        orders.insertBooking(new NewOrder(key, PHARMACY, UNIQUE.incrementAndGet(), 123456789, "hash"),
                clock.instant().plusSeconds(60));
        orders.markBooked(key, carrierId, new CarrierOrder("ORD-" + key, "TRK-" + key, null, null, null,
                StatusUpdate.of(DeliveryStatus.CREATED, clock.instant(), "CREATED")), "{}", OrderEventKind.BOOKED);
        return key;
    }

    /** The pharmacy cancelled the order and its carrier confirmed. */
    public StatusChanges.Recorded cancel(String key, String carrierId) {
        return changes.apply(key, carrierId, StatusUpdate.of(DeliveryStatus.CANCELLED, clock.instant(), "CANCELLED"),
                StatusOrigin.CANCELLATION);
    }

    public StatusChanges.Recorded webhook(String key, DeliveryStatus status, Instant at) {
        return changes.apply(key, "pb", new StatusUpdate(status, null, at, "X", null), StatusOrigin.WEBHOOK);
    }
}
