package com.carriergateway.core.outbox;


import static com.carriergateway.core.status.StatusFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.core.TestDatabases.Kind;
import com.carriergateway.core.config.GatewayProperties;
import com.carriergateway.core.status.StatusFixture;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The dispatcher against a scripted BestRx, with the clock moved by hand: order, backoff, dead letters, replay. */
class OutboxDispatcherTest {

    static final CallbackResult DELIVERED = new CallbackResult(CallbackResult.Kind.DELIVERED, 200, null, null);

    /** One send: the change, where it went, and the attempt's id. */
    record Sent(ClaimedCallback change, GatewayProperties.Callback target, String requestId) {
        /** The change's idempotency key as the BestRx sender writes it ({@code <order>-<seq>}). */
        String key() {
            return change.providerOrderId() + "-" + change.seq();
        }
    }

    /** A pharmacy's system standing in for the edge's sender: answers from a script (default: delivered), keeps every send. */
    static final class ScriptedBestRx implements CallbackSender {
        final List<Sent> requests = Collections.synchronizedList(new ArrayList<>());
        volatile Function<Sent, CallbackResult> answer = r -> DELIVERED;

        @Override
        public CallbackResult send(ClaimedCallback change, GatewayProperties.Callback target, String requestId) {
            Sent sent = new Sent(change, target, requestId);
            requests.add(sent);
            return answer.apply(sent);
        }

        List<String> keys() {
            return requests.stream().map(Sent::key).toList();
        }
    }

    static GatewayProperties.Callback callback() {
        GatewayProperties.Callback c = new GatewayProperties.Callback();
        c.setUrl("https://bestrx.example/Order/UpdateOrderStatus");
        c.setUsername("provider");
        c.setPassword("s3cret");
        c.setTimeout(Duration.ofSeconds(7));
        return c;
    }

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    OutboxDispatcher dispatcher(StatusFixture f, CallbackSender transport, Function<String, GatewayProperties.Callback> cb) {
        return dispatcher(f, transport, cb, 3);
    }

    OutboxDispatcher dispatcher(StatusFixture f, CallbackSender transport, Function<String, GatewayProperties.Callback> cb,
                                int senders) {
        OutboxProperties props = new OutboxProperties();
        props.setSenders(senders);
        // 5 s doubling up to 60 s, no jitter (random 0 = half the nominal delay), budget 5 minutes
        RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(10), Duration.ofSeconds(120),
                Duration.ofMinutes(5), () -> 0.0);
        return new OutboxDispatcher(f.outbox, transport, cb,
                schedule, props, f.clock, meters);
    }

    @ParameterizedTest
    @MethodSource("com.carriergateway.core.TestDatabases#kinds")
    void everyChangeGoesOutOnceInOrderWithTheCredentialAndIds(Kind kind) throws Exception {
        StatusFixture f = new StatusFixture(kind);
        ScriptedBestRx bestRx = new ScriptedBestRx();
        String a = f.book("CG-D1", "pb");
        String b = f.book("CG-D2", "pb");
        f.webhook(a, DeliveryStatus.ACKNOWLEDGED, T0.plusSeconds(1));
        f.webhook(b, DeliveryStatus.ACKNOWLEDGED, T0.plusSeconds(1));
        f.webhook(a, DeliveryStatus.IN_TRANSIT, T0.plusSeconds(2));
        f.webhook(a, DeliveryStatus.DELIVERED, T0.plusSeconds(3));

        try (OutboxDispatcher d = dispatcher(f, bestRx, id -> callback())) {
            assertThat(d.drain()).isEqualTo(4);
        }

        assertThat(bestRx.keys().stream().filter(k -> k.startsWith(a)).toList())
                .containsExactly(a + "-1", a + "-2", a + "-3");
        assertThat(bestRx.keys()).contains(b + "-1").hasSize(4);
        Sent first = bestRx.requests.get(0);
        assertThat(first.target().getUrl()).isEqualTo("https://bestrx.example/Order/UpdateOrderStatus");
        assertThat(first.change().pharmacyId()).isEqualTo(StatusFixture.PHARMACY);
        assertThat(first.requestId()).isEqualTo("cb-" + first.change().id() + "-1");
        assertThat(f.outbox.depth().pending()).isZero();
        assertThat(meters.get("gateway.callback.send").tag("pharmacy", StatusFixture.PHARMACY)
                .tag("outcome", "delivered").timer().count()).isEqualTo(4);
    }

    @ParameterizedTest
    @MethodSource("com.carriergateway.core.TestDatabases#kinds")
    void aSenderStartsNoSendWithLessThanHalfItsLeaseLeftAndGivesTheRestOfItsBatchBack(Kind kind) {
        StatusFixture f = new StatusFixture(kind);
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String key = f.book("CG-L" + i, "pb");
            f.webhook(key, DeliveryStatus.ACKNOWLEDGED, T0.plusSeconds(1));
            orders.add(key);
        }
        Duration lease = new OutboxProperties().getClaimLease();
        List<Duration> leaseLeftAtSend = Collections.synchronizedList(new ArrayList<>());
        ScriptedBestRx slowBestRx = new ScriptedBestRx();
        slowBestRx.answer = r -> {
            String key = r.key();
            Instant claimedUntil = f.jdbc.queryForObject("SELECT claimed_until FROM status_outbox "
                    + "WHERE provider_order_id = ? AND seq = 1", java.sql.Timestamp.class,
                    key.substring(0, key.lastIndexOf('-'))).toInstant();
            leaseLeftAtSend.add(Duration.between(f.clock.instant(), claimedUntil));
            // each answer takes just over a quarter of the lease: a batch of five would outlive its claim
            f.clock.advance(lease.dividedBy(4).plusSeconds(1));
            return DELIVERED;
        };

        try (OutboxDispatcher d = dispatcher(f, slowBestRx, id -> callback(), 1)) {
            assertThat(d.drain()).as("the rows given back are claimed again at once").isEqualTo(5);
        }

        assertThat(slowBestRx.keys()).as("each change once").doesNotHaveDuplicates().hasSize(5);
        assertThat(leaseLeftAtSend).as("every send started with at least half its claim left")
                .allSatisfy(left -> assertThat(left).isGreaterThanOrEqualTo(lease.dividedBy(2)));
        assertThat(f.outbox.depth().pending()).isZero();
    }

    @ParameterizedTest
    @MethodSource("com.carriergateway.core.TestDatabases#kinds")
    void failuresBackOffExponentiallyThenDeadLetterAndTheOrderWaitsUntilReplayed(Kind kind) {
        StatusFixture f = new StatusFixture(kind);
        ScriptedBestRx bestRx = new ScriptedBestRx();
        bestRx.answer = r -> new CallbackResult(CallbackResult.Kind.SERVER_ERROR, 503, "HTTP 503", null);
        String a = f.book("CG-D3", "pb");
        f.webhook(a, DeliveryStatus.ACKNOWLEDGED, T0.plusSeconds(1));
        f.webhook(a, DeliveryStatus.IN_TRANSIT, T0.plusSeconds(2));
        Instant queued = f.clock.instant();

        try (OutboxDispatcher d = dispatcher(f, bestRx, id -> callback())) {
            List<Instant> attempts = new ArrayList<>();
            for (int i = 0; i < 20 && f.outbox.depth().dead() == 0; i++) {
                if (d.drain() > 0) {
                    attempts.add(f.clock.instant());
                }
                OutboxEntry row = f.outbox.entries(a).get(0);
                f.clock.set(row.nextAttemptAt() != null && row.state() == OutboxState.PENDING
                        ? row.nextAttemptAt() : f.clock.instant().plusSeconds(1));
            }
            // nominal 10, 20, 40, 80, 120 (cap), 120 s; half of each without jitter: 5, 10, 20, 40, 60, 60 ...
            assertThat(attempts).containsExactly(queued, queued.plusSeconds(5), queued.plusSeconds(15),
                    queued.plusSeconds(35), queued.plusSeconds(75), queued.plusSeconds(135), queued.plusSeconds(195),
                    queued.plusSeconds(255));
            OutboxEntry dead = f.outbox.entries(a).get(0);
            assertThat(dead.state()).isEqualTo(OutboxState.DEAD);
            assertThat(dead.attempts()).isEqualTo(8);
            assertThat(dead.lastError()).isEqualTo("HTTP 503");
            assertThat(bestRx.keys()).as("change #2 never overtook the dead #1").containsOnly(a + "-1");

            bestRx.answer = r -> DELIVERED;
            f.clock.advance(Duration.ofHours(3));
            assertThat(d.drain()).as("a dead letter is not retried on its own").isZero();
            assertThat(f.outbox.replayOrder(a)).isEqualTo(1);
            assertThat(d.drain()).isEqualTo(2);
        }
        assertThat(bestRx.keys().subList(bestRx.keys().size() - 2, bestRx.keys().size()))
                .containsExactly(a + "-1", a + "-2");
        assertThat(f.outbox.entries(a)).extracting(OutboxEntry::state).containsOnly(OutboxState.SENT);
        assertThat(meters.get("gateway.callback.send").tag("outcome", "server_error").timer().count()).isEqualTo(8);
    }

    @ParameterizedTest
    @MethodSource("com.carriergateway.core.TestDatabases#kinds")
    void aPharmacyWithoutCallbackSettingsIsRetriedNotDropped(Kind kind) {
        StatusFixture f = new StatusFixture(kind);
        ScriptedBestRx bestRx = new ScriptedBestRx();
        String a = f.book("CG-D4", "pb");
        f.webhook(a, DeliveryStatus.ACKNOWLEDGED, T0.plusSeconds(1));
        try (OutboxDispatcher d = dispatcher(f, bestRx, id -> null)) {
            assertThat(d.drain()).isEqualTo(1);
        }
        OutboxEntry row = f.outbox.entries(a).get(0);
        assertThat(bestRx.requests).isEmpty();
        assertThat(row.state()).isEqualTo(OutboxState.PENDING);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).contains("gateway.pharmacies." + StatusFixture.PHARMACY + ".callback.url");
    }

    @ParameterizedTest
    @MethodSource("com.carriergateway.core.TestDatabases#kinds")
    void aNotConfirmedAnswerIsAFailureEvenWithHttp200(Kind kind) {
        StatusFixture f = new StatusFixture(kind);
        ScriptedBestRx bestRx = new ScriptedBestRx();
        bestRx.answer = r -> new CallbackResult(CallbackResult.Kind.REJECTED, 200, "HTTP 200, status_updated not true",
                null);
        String a = f.book("CG-D5", "pb");
        f.webhook(a, DeliveryStatus.ACKNOWLEDGED, T0.plusSeconds(1));
        try (OutboxDispatcher d = dispatcher(f, bestRx, id -> callback())) {
            d.drain();
        }
        OutboxEntry row = f.outbox.entries(a).get(0);
        assertThat(row.state()).isEqualTo(OutboxState.PENDING);
        assertThat(row.lastHttpStatus()).isEqualTo(200);
        assertThat(row.nextAttemptAt()).isEqualTo(f.clock.instant().plusSeconds(5));
    }
}
