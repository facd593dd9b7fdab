package com.carriergateway.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.model.CarrierOrder;
import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.StatusUpdate;
import com.carriergateway.core.TestDatabases;
import com.carriergateway.core.TestDatabases.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The order store on both databases the gateway supports: the embedded H2 and PostgreSQL. */
class OrderStoreTest {

    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    static OrderStore store(Kind kind) {
        DataSource ds = TestDatabases.fresh(kind);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new OrderStore(new JdbcTemplate(ds), new TransactionTemplate(new DataSourceTransactionManager(ds)),
                clock, new OrderHistory(new JdbcTemplate(ds), clock));
    }

    /** Each key is its own BestRx order (the unique id is derived from the key). */
    static NewOrder order(String key, String hash) {
        long uniqueId = key.equals("CG-A") ? 1001 : 2000 + key.charAt(key.length() - 1);
        return new NewOrder(key, "ef0a4740-0be9-44f7-b89d-9e66eeba0b9a", uniqueId, 123456789, hash);
    }

    @ParameterizedTest
    @MethodSource("com.carriergateway.core.TestDatabases#kinds")
    void anOrderKeyIsClaimedOnceAndItsBookingIsRecordedWithHistory(Kind kind) {
        OrderStore store = store(kind);
        assertThat(store.insertBooking(order("CG-A", "h1"), NOW.plusSeconds(60))).isTrue();
        assertThat(store.insertBooking(order("CG-A", "h1"), NOW.plusSeconds(60))).isFalse();

        CarrierOrder booked = new CarrierOrder("ORD-1", "TRK-1", "https://t/1", null, null,
                StatusUpdate.of(DeliveryStatus.CREATED, NOW, "CREATED"));
        store.markBooked("CG-A", "pitney-bowes", booked, "{\"answer\":1}", OrderEventKind.BOOKED);

        StoredOrder o = store.find("ef0a4740-0be9-44f7-b89d-9e66eeba0b9a", 1001).orElseThrow();
        assertThat(o.state()).isEqualTo(OrderState.BOOKED);
        assertThat(o.carrierId()).isEqualTo("pitney-bowes");
        assertThat(o.carrierOrderId()).isEqualTo("ORD-1");
        assertThat(o.trackingId()).isEqualTo("TRK-1");
        assertThat(o.deliveryStatus()).isEqualTo(DeliveryStatus.CREATED);
        assertThat(o.createResponse()).isEqualTo("{\"answer\":1}");
        assertThat(o.leaseUntil()).isNull();
        assertThat(o.createdAt()).isEqualTo(NOW);
        assertThat(store.findByCarrierOrderId("pitney-bowes", "ORD-1")).contains(o);
        assertThat(store.findByTrackingId("pitney-bowes", "TRK-1")).contains(o);
        assertThat(store.history("CG-A")).extracting(OrderEvent::kind)
                .containsExactly(OrderEventKind.BOOKING_STARTED, OrderEventKind.BOOKED);
    }

    @ParameterizedTest
    @MethodSource("com.carriergateway.core.TestDatabases#kinds")
    void historyEntriesNotedWithTheClaimAreStoredWithItInOrderAndNotByARefusedRepeat(Kind kind) {
        OrderStore store = store(kind);
        OrderEvent amounts = OrderEvent.of("CG-N", OrderEventKind.AMOUNTS_DO_NOT_ADD_UP, null, "total differs");
        assertThat(store.insertBooking(order("CG-N", "h1"), NOW.plusSeconds(60), amounts)).isTrue();
        assertThat(store.insertBooking(order("CG-N", "h1"), NOW.plusSeconds(60), amounts)).isFalse();

        assertThat(store.history("CG-N")).extracting(OrderEvent::kind)
                .containsExactly(OrderEventKind.BOOKING_STARTED, OrderEventKind.AMOUNTS_DO_NOT_ADD_UP);
        assertThat(store.history("CG-N").get(1).detail()).isEqualTo("total differs");
    }

    @ParameterizedTest
    @MethodSource("com.carriergateway.core.TestDatabases#kinds")
    void onlyAFailedBookingOrAnExpiredLeaseCanBeTakenOver(Kind kind) {
        OrderStore store = store(kind);
        store.insertBooking(order("CG-B", "h1"), NOW.plusSeconds(60));
        assertThat(store.takeOver("CG-B", "h1", 1, NOW.plusSeconds(60))).as("lease still held").isFalse();

        store.insertBooking(order("CG-C", "h1"), NOW.minusSeconds(1));
        assertThat(store.takeOver("CG-C", "h1", 1, NOW.plusSeconds(60))).as("lease expired").isTrue();
        assertThat(store.takeOver("CG-C", "h1", 1, NOW.plusSeconds(60))).as("taken again at once").isFalse();

        store.markFailed("CG-B", "pitney-bowes", true, OrderEvent.of("CG-B", OrderEventKind.BOOKING_OUTCOME_UNKNOWN, "pitney-bowes", "timeout"));
        StoredOrder failed = store.findById("CG-B").orElseThrow();
        assertThat(failed.state()).isEqualTo(OrderState.FAILED);
        assertThat(failed.needsLookup()).isTrue();
        assertThat(store.takeOver("CG-B", "h2", 2, NOW.plusSeconds(60))).isTrue();
        StoredOrder retaken = store.findById("CG-B").orElseThrow();
        assertThat(retaken.state()).isEqualTo(OrderState.BOOKING);
        assertThat(retaken.requestHash()).isEqualTo("h2");
        assertThat(retaken.needsLookup()).as("kept until a booking is recorded").isTrue();
    }

    @ParameterizedTest
    @MethodSource("com.carriergateway.core.TestDatabases#kinds")
    void twentyConcurrentClaimsOfOneKeyLeaveExactlyOneWinner(Kind kind) throws Exception {
        OrderStore store = store(kind);
        int n = 20;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Callable<Boolean> claim = () -> {
                start.await();
                return store.insertBooking(order("CG-E", "h1"), NOW.plus(Duration.ofSeconds(60)));
            };
            results.add(pool.submit(claim));
        }
        start.countDown();
        int winners = 0;
        for (Future<Boolean> f : results) {
            winners += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(winners).isEqualTo(1);
        assertThat(store.countOrders()).isEqualTo(1);
    }
}
