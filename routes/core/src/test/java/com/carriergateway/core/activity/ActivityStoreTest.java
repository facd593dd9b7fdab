package com.carriergateway.core.activity;

import static com.carriergateway.core.status.StatusFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.Operation;
import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.core.TestDatabases;
import com.carriergateway.core.TestDatabases.Kind;
import com.carriergateway.core.outbox.CallbackAttempt;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The activity record on both databases: written off the caller's thread, read by the console, purged. */
class ActivityStoreTest {

    static CarrierCall call(String order, Operation op, CarrierResult<?> result, long ms, Instant at) {
        return CarrierCall.of("pb", order, op, result, ms, "req-1", at);
    }

    static CarrierResult<Object> unavailable() {
        return CarrierResult.transientFailure(new CarrierError("pb", Category.UNAVAILABLE, "E503", null, 503, "down"),
                false);
    }

    static ActivityStore store(Kind kind) {
        return store(TestDatabases.fresh(kind));
    }

    static ActivityStore store(DataSource ds) {
        return new ActivityStore(new JdbcTemplate(ds), new TransactionTemplate(new DataSourceTransactionManager(ds)));
    }

    @Test
    void aBatchOfTheLogIsOneTransactionNotOneCommitPerLine() {
        DataSource ds = TestDatabases.fresh(Kind.POSTGRES);
        List<CarrierCall> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(call("CG-B", Operation.CREATE_ORDER, CarrierResult.success("x"), i, T0.plusMillis(i)));
        }

        store(ds).write(calls, List.of(new WebhookReceipt("pb", WebhookReceipt.Outcome.ACCEPTED, 200, null, 1, 1, 0, 0,
                "CG-B", "wh-1", T0)), List.of());

        // every row written by one transaction carries that transaction's id (xmin); auto-commit gave 51 ids
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM carrier_call", Integer.class)).isEqualTo(50);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT x) FROM (SELECT xmin::text AS x FROM carrier_call "
                + "UNION ALL SELECT xmin::text FROM webhook_receipt) t", Integer.class)).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("com.carriergateway.core.TestDatabases#kinds")
    void whatTheLogIsHandedIsWrittenAndReadBack(Kind kind) {
        ActivityStore store = store(kind);
        ActivityLog log = new ActivityLog(store, new ActivityProperties(), new SimpleMeterRegistry());
        log.carrierCall(call("CG-A", Operation.CREATE_ORDER, CarrierResult.success("x"), 120, T0));
        log.carrierCall(call("CG-A", Operation.GET_STATUS, unavailable(), 900, T0.plusSeconds(1)));
        log.carrierCall(call(null, Operation.FIND_ORDER, CarrierResult.transientFailure(
                CarrierError.of("pb", Category.CIRCUIT_OPEN, "open"), false), 0, T0.plusSeconds(2)));
        log.webhook(new WebhookReceipt("pb", WebhookReceipt.Outcome.ACCEPTED, 200, null, 2, 2, 0, 0, "CG-A", "wh-1",
                T0.plusSeconds(3)));
        log.webhook(new WebhookReceipt("pb", WebhookReceipt.Outcome.REFUSED, 401, "unauthorized: wrong", 0, 0, 0, 0,
                null, "wh-2", T0.plusSeconds(4)));
        log.callbackAttempt(new CallbackAttempt(7, "CG-A", "ph-1", 1, DeliveryStatus.ACKNOWLEDGED, 1, "SERVER_ERROR",
                503, "HTTP 503", T0.plusSeconds(10), false, "cb-7-1", T0.plusSeconds(5)));
        log.close(); // writes what is queued

        List<CarrierCall> calls = store.carrierCallsOf("CG-A");
        assertThat(calls).extracting(CarrierCall::operation).containsExactly(Operation.CREATE_ORDER, Operation.GET_STATUS);
        CarrierCall failed = calls.get(1);
        assertThat(failed.outcome()).isEqualTo(CarrierCall.Outcome.TRANSIENT_FAILURE);
        assertThat(failed.category()).isEqualTo("UNAVAILABLE");
        assertThat(failed.carrierCode()).isEqualTo("E503");
        assertThat(failed.httpStatus()).isEqualTo(503);
        assertThat(failed.latencyMs()).isEqualTo(900);
        assertThat(failed.requestId()).isEqualTo("req-1");
        assertThat(failed.occurredAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(store.recentCarrierCalls("pb", 2)).extracting(CarrierCall::outcome)
                .containsExactly(CarrierCall.Outcome.NOT_CALLED, CarrierCall.Outcome.TRANSIENT_FAILURE);

        CarrierCallStats stats = store.carrierCallStats("pb", T0.minusSeconds(1));
        assertThat(stats.calls()).isEqualTo(3);
        assertThat(stats.errors()).isEqualTo(2);
        assertThat(stats.errorRatePercent()).isEqualTo(67);
        assertThat(stats.medianLatencyMs()).as("calls not made do not count").isEqualTo(120);
        assertThat(stats.p95LatencyMs()).isEqualTo(900);
        assertThat(stats.lastSuccessAt()).isEqualTo(T0);
        assertThat(store.carrierCallStats("pb", T0.plusSeconds(1)).calls()).isEqualTo(2);

        assertThat(store.recentWebhooks(null, null, 10)).extracting(WebhookReceipt::outcome)
                .containsExactly(WebhookReceipt.Outcome.REFUSED, WebhookReceipt.Outcome.ACCEPTED);
        assertThat(store.recentWebhooks("pb", WebhookReceipt.Outcome.REFUSED, 10)).singleElement()
                .satisfies(w -> assertThat(w.reason()).isEqualTo("unauthorized: wrong"));
        assertThat(store.recentWebhooks("connect", null, 10)).isEmpty();
        assertThat(store.webhooksOf("CG-A")).singleElement().satisfies(w -> assertThat(w.applied()).isEqualTo(2));

        CallbackAttempt attempt = store.callbackAttemptsOf("CG-A").get(0);
        assertThat(attempt.outboxId()).isEqualTo(7);
        assertThat(attempt.outcome()).isEqualTo("SERVER_ERROR");
        assertThat(attempt.nextAttemptAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(store.recentCallbackAttempts("ph-1", 5)).hasSize(1);
        assertThat(store.recentCallbackAttempts("other", 5)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("com.carriergateway.core.TestDatabases#kinds")
    void thePurgeDeletesOnlyRecordsOlderThanTheRetention(Kind kind) {
        ActivityStore store = store(kind);
        Instant old = T0.minus(Duration.ofDays(40));
        store.insertCarrierCalls(List.of(call("CG-A", Operation.CREATE_ORDER, CarrierResult.success("x"), 1, old),
                call("CG-A", Operation.GET_STATUS, CarrierResult.success("x"), 1, T0)));
        store.insertWebhookReceipts(List.of(new WebhookReceipt("pb", WebhookReceipt.Outcome.ACCEPTED, 200, null, 1, 1,
                0, 0, "CG-A", null, old)));
        store.insertCallbackAttempts(List.of(new CallbackAttempt(1, "CG-A", "ph", 1, DeliveryStatus.ACKNOWLEDGED, 1,
                "DELIVERED", 200, null, null, false, null, old)));

        int purged = new ActivityPurge(store, Duration.ofDays(30), Clock.fixed(T0, ZoneOffset.UTC)).purge();

        assertThat(purged).isEqualTo(3);
        assertThat(store.carrierCallsOf("CG-A")).extracting(CarrierCall::occurredAt).containsExactly(T0);
        assertThat(store.webhooksOf("CG-A")).isEmpty();
        assertThat(store.callbackAttemptsOf("CG-A")).isEmpty();
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfMakingTheCallerWait() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ActivityStore stuck = new ActivityStore(null, null) {
            @Override
            public void write(List<CarrierCall> calls, List<WebhookReceipt> receipts, List<CallbackAttempt> attempts) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        ActivityProperties props = new ActivityProperties();
        props.setQueueCapacity(1);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ActivityLog log = new ActivityLog(stuck, props, meters);
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            log.carrierCall(call("CG-A", Operation.GET_STATUS, CarrierResult.success("x"), 1, T0));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(meters.counter("gateway.activity.dropped").count()).isGreaterThanOrEqualTo(3);
        release.countDown();
        log.close();
    }

    @Test
    void whatArrivesWithinOneFlushIntervalIsWrittenInOneTransaction() {
        List<Integer> writes = new java.util.concurrent.CopyOnWriteArrayList<>();
        ActivityStore counting = new ActivityStore(null, null) {
            @Override
            public void write(List<CarrierCall> calls, List<WebhookReceipt> receipts, List<CallbackAttempt> attempts) {
                writes.add(calls.size());
            }
        };
        ActivityProperties props = new ActivityProperties();
        props.setFlushInterval(Duration.ofSeconds(1));
        ActivityLog log = new ActivityLog(counting, props, new SimpleMeterRegistry());
        log.carrierCall(call("CG-A", Operation.CREATE_ORDER, CarrierResult.success("x"), 1, T0));
        long giveUp = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (log.queued() > 0 && System.nanoTime() < giveUp) {
            Thread.onSpinWait(); // until the writer has taken the first record
        }
        for (int i = 0; i < 4; i++) {
            log.carrierCall(call("CG-A", Operation.GET_STATUS, CarrierResult.success("x"), 1, T0.plusSeconds(i)));
        }

        log.close();

        assertThat(writes).as("lines per transaction").containsExactly(5);
    }
}
