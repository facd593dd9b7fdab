package com.carriergateway.core.status;

import static com.carriergateway.core.status.StatusFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.Operation;
import com.carriergateway.adapter.model.CarrierOrderRef;
import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.StatusUpdate;
import com.carriergateway.core.TestDatabases.Kind;
import com.carriergateway.core.carrier.CarrierRegistry;
import com.carriergateway.core.outbox.OutboxEntry;
import com.carriergateway.core.store.OrderEvent;
import com.carriergateway.core.store.OrderEventKind;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Polling open orders on both databases: who is due, leases between instances, retirement. */
class StatusPollerTest {

    /** A carrier answering each order's status from a map (default IN_TRANSIT), counting calls per order. */
    static final class PolledCarrier implements CarrierAdapter {
        final Map<String, DeliveryStatus> statuses = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        final List<Long> callTimes = new CopyOnWriteArrayList<>();
        volatile boolean failing;
        volatile long delayMs;

        @Override
        public String carrierId() {
            return "pb";
        }

        @Override
        public Set<Operation> capabilities() {
            return Set.of(Operation.GET_STATUS);
        }

        @Override
        public CarrierResult<StatusUpdate> getStatus(CarrierOrderRef order) {
            calls.computeIfAbsent(order.orderKey(), k -> new AtomicInteger()).incrementAndGet();
            callTimes.add(System.nanoTime());
            if (delayMs > 0) {
                try {
                    Thread.sleep(delayMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failing) {
                return CarrierResult.transientFailure(CarrierError.of("pb", CarrierError.Category.UNAVAILABLE, "503"), false);
            }
            return CarrierResult.success(StatusUpdate.of(statuses.getOrDefault(order.carrierOrderId(),
                    DeliveryStatus.IN_TRANSIT), T0.plusSeconds(30), "IN_TRANSIT"));
        }

        int calls(String key) {
            AtomicInteger n = calls.get(key);
            return n == null ? 0 : n.get();
        }
    }

    static StatusProperties.Poll settings() {
        StatusProperties.Poll p = new StatusProperties.Poll();
        p.setInterval(Duration.ofMinutes(5));
        p.setBatchSize(3);
        p.setLease(Duration.ofMinutes(2));
        p.setMaxAge(Duration.ofDays(14));
        p.setMaxPerSecond(0); // unpaced, but in the test of pacing
        return p;
    }

    static StatusPoller poller(StatusFixture f, PolledCarrier carrier) {
        return poller(f, carrier, new SimpleMeterRegistry());
    }

    static StatusPoller poller(StatusFixture f, PolledCarrier carrier, SimpleMeterRegistry meters) {
        return poller(f, carrier, meters, settings());
    }

    static StatusPoller poller(StatusFixture f, PolledCarrier carrier, SimpleMeterRegistry meters,
                               StatusProperties.Poll settings) {
        return new StatusPoller(f.statuses, f.changes, new CarrierRegistry(Map.of("pb", carrier)), settings,
                new StatusMetrics(meters), f.clock);
    }

    @ParameterizedTest
    @MethodSource("com.carriergateway.core.TestDatabases#kinds")
    void aPassCallsTheCarrierNoFasterThanItsPace(Kind kind) {
        StatusFixture f = new StatusFixture(kind);
        PolledCarrier carrier = new PolledCarrier();
        for (int i = 1; i <= 7; i++) {
            f.book("CG-PACE" + i, "pb");
        }
        StatusProperties.Poll paced = settings();
        paced.setMaxPerSecond(20); // one call per 50 ms

        assertThat(poller(f, carrier, new SimpleMeterRegistry(), paced).pollDue("pb")).isEqualTo(7);

        // the limiter hands out one turn per 50 ms period: seven calls span at least five whole periods
        List<Long> times = carrier.callTimes;
        assertThat(times).hasSize(7);
        assertThat(Duration.ofNanos(times.get(6) - times.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }

    @ParameterizedTest
    @MethodSource("com.carriergateway.core.TestDatabases#kinds")
    void openOrdersArePolledOncePerIntervalAndTerminalOnesLeaveThePoll(Kind kind) {
        StatusFixture f = new StatusFixture(kind);
        PolledCarrier carrier = new PolledCarrier();
        String open = f.book("CG-P1", "pb");
        String delivered = f.book("CG-P2", "pb");
        String cancelled = f.book("CG-P3", "pb");
        f.webhook(delivered, DeliveryStatus.DELIVERED, T0.plusSeconds(10));
        f.cancel(cancelled, "pb");
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        StatusPoller poller = poller(f, carrier, meters);

        assertThat(poller.pollDue("pb")).isEqualTo(1);
        assertThat(carrier.calls(open)).isEqualTo(1);
        assertThat(carrier.calls(delivered) + carrier.calls(cancelled)).isZero();
        assertThat(f.outbox.entries(open)).extracting(OutboxEntry::status).containsExactly(DeliveryStatus.IN_TRANSIT);

        assertThat(poller.pollDue("pb")).as("not due again yet").isZero();
        f.clock.advance(Duration.ofMinutes(5));
        assertThat(poller.pollDue("pb")).isEqualTo(1);
        assertThat(f.outbox.entries(open)).as("an unchanged answer queues nothing").hasSize(1);
        assertThat(f.orders.history(open)).filteredOn(e -> e.kind() == OrderEventKind.STATUS_IGNORED).isEmpty();
        assertThat(meters.get("gateway.status.polls").tags("carrier", "pb", "outcome", "applied").counter().count())
                .isEqualTo(1);
        assertThat(meters.get("gateway.status.polls").tags("carrier", "pb", "outcome", "unchanged").counter().count())
                .isEqualTo(1);

        carrier.statuses.put("ORD-" + open, DeliveryStatus.DELIVERED);
        f.clock.advance(Duration.ofMinutes(5));
        poller.pollDue("pb");
        f.clock.advance(Duration.ofMinutes(5));
        assertThat(poller.pollDue("pb")).as("delivered: out of the poll").isZero();
        assertThat(carrier.calls(open)).isEqualTo(3);
    }

    @ParameterizedTest
    @MethodSource("com.carriergateway.core.TestDatabases#kinds")
    void aFailedPollIsTriedAgainNextIntervalAndAnOldOrderRetires(Kind kind) {
        StatusFixture f = new StatusFixture(kind);
        PolledCarrier carrier = new PolledCarrier();
        carrier.failing = true;
        String key = f.book("CG-P4", "pb");
        StatusPoller poller = poller(f, carrier);

        poller.pollDue("pb");
        assertThat(f.outbox.entries(key)).isEmpty();
        f.clock.advance(Duration.ofMinutes(5));
        poller.pollDue("pb");
        assertThat(carrier.calls(key)).isEqualTo(2);

        f.clock.advance(Duration.ofDays(15));
        assertThat(poller.pollDue("pb")).isEqualTo(1);
        assertThat(carrier.calls(key)).as("retired without asking").isEqualTo(2);
        assertThat(f.orders.history(key)).extracting(OrderEvent::kind).contains(OrderEventKind.POLL_RETIRED);
        f.clock.advance(Duration.ofMinutes(5));
        assertThat(poller.pollDue("pb")).isZero();
    }

    @ParameterizedTest
    @MethodSource("com.carriergateway.core.TestDatabases#kinds")
    void twoInstancesPollingAtOnceNeverAskAboutTheSameOrderTwice(Kind kind) throws Exception {
        StatusFixture f = new StatusFixture(kind);
        PolledCarrier carrier = new PolledCarrier();
        carrier.delayMs = 15;
        List<String> keys = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            keys.add(f.book("CG-PP" + i, "pb"));
        }
        StatusPoller a = poller(f, carrier);
        StatusPoller b = poller(f, carrier);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<Integer> ra = pool.submit(() -> a.pollDue("pb"));
        Future<Integer> rb = pool.submit(() -> b.pollDue("pb"));
        int total = ra.get() + rb.get();
        pool.shutdown();

        assertThat(total).isEqualTo(12);
        assertThat(keys).allSatisfy(k -> assertThat(carrier.calls(k)).as(k).isEqualTo(1));
    }
}
