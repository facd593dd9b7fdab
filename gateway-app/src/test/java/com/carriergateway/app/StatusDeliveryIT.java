package com.carriergateway.app;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.core.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The delivery promise with real processes: gateways started from the packaged jar, one PostgreSQL, and a BestRx
 * that records every UpdateOrderStatus. No change is lost and none arrives out of order for its order, when an
 * instance is killed mid-flight and when BestRx is down (across a gateway restart). The only duplicates allowed
 * are the resends of callbacks a killed instance had sent but not yet recorded.
 */
class StatusDeliveryIT {

    static final String PHARMACY = GatewayHttp.DEMO_PHARMACY;
    /** The happy path of a PB parcel; PCK (pick-up) is mapped to PICKED_UP for this test through status-map. */
    static final String[] EVENTS = {"PSR", "PCK", "TRD", "OFD", "DLD"};
    static final List<String> CODES = List.of("2", "4", "5", "6", "8");
    static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    final List<GatewayProcess> gateways = new ArrayList<>();
    RecordingBestRx bestRx;
    String databaseUrl;

    @BeforeEach
    void setUp() throws Exception {
        EmbeddedPostgres postgres = TestDatabases.postgresServer();
        String db = "status_it_" + System.nanoTime();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
        databaseUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + db;
        bestRx = new RecordingBestRx();
    }

    @AfterEach
    void tearDown() {
        gateways.forEach(GatewayProcess::close);
        bestRx.close();
    }

    GatewayProcess gateway(String name, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--gateway.pharmacies." + PHARMACY + ".callback.url=" + bestRx.url(),
                "--gateway.pharmacies." + PHARMACY + ".callback.timeout=8s",
                "--gateway.outbox.claim-lease=20s",
                "--gateway.carriers.pitney-bowes.status-map.PCK=PICKED_UP",
                "--gateway.status.poll.enabled=false",
                "--logging.level.com.carriergateway.core.outbox=WARN"));
        args.addAll(List.of(extra));
        GatewayProcess g = new GatewayProcess(name, databaseUrl, args);
        gateways.add(g);
        return g;
    }

    /** Books one demo order through {@code via}; returns (provider order id, PB tracking id). */
    String[] book(GatewayProcess via, long uniqueId) {
        JsonNode answer = JSON.valueToTree(Map.of());
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(via.base() + "/Order/CreateOrder"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("Authorization", GatewayHttp.DEMO_AUTH)
                    .POST(HttpRequest.BodyPublishers.ofString(Seeds.createOrder(uniqueId))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            answer = JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new String[] {answer.at("/data/provider_order_id").asText(), answer.at("/data/tracking_id").asText()};
    }

    /**
     * Sends one PB tracking webhook, as PB does: to whichever instance the load balancer picks, again (to the next
     * live one) until it is acknowledged with a 2xx.
     */
    void pbWebhook(List<GatewayProcess> instances, int first, String tracking, String code, Instant at) {
        String body = StatusTraffic.batch(StatusTraffic.pbEvent(tracking, code, at.toString(), null));
        for (int attempt = 0; attempt < 60; attempt++) {
            GatewayProcess target = instances.get((first + attempt) % instances.size());
            if (!target.alive()) {
                continue;
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(target.base() + "/webhooks/pitney-bowes"))
                        .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                        .header("Authorization", StatusTraffic.PB_WEBHOOK_AUTH)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() / 100 == 2) {
                    return;
                }
            } catch (IOException e) {
                // the instance died under the call: PB sends it again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            GatewayProcess.sleep(100);
        }
        throw new AssertionError("webhook " + code + " for " + tracking + " never acknowledged");
    }

    long count(String sql) throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection(databaseUrl, "postgres", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void threeInstancesOneKilledMidFlightLoseNothingAndKeepEveryOrdersChangesInOrder() throws Exception {
        long started = System.nanoTime();
        int orders = 200;
        // BestRx answers in 150 ms, so the instance killed mid-flight surely has callbacks in flight: sent, maybe
        // received, not recorded; they are sent again after the claim lease (the one duplicate allowed)
        bestRx.latency(Duration.ofMillis(150));
        List<GatewayProcess> instances = List.of(gateway("multi-1"), gateway("multi-2"), gateway("multi-3"));
        instances.forEach(GatewayProcess::start);
        instances.forEach(g -> g.awaitUp(Duration.ofMinutes(3)));
        long upAt = System.nanoTime();

        ExecutorService pool = Executors.newFixedThreadPool(24);
        List<Future<String[]>> booking = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            GatewayProcess via = instances.get(i % 3);
            long uniqueId = Seeds.nextUniqueId();
            booking.add(pool.submit(() -> book(via, uniqueId)));
        }
        List<String[]> booked = new ArrayList<>();
        for (Future<String[]> f : booking) {
            booked.add(f.get(2, TimeUnit.MINUTES));
        }

        // every order walks the happy path, one webhook at a time (a little apart, as a parcel's scans are), each
        // to another instance; one instance is killed (SIGKILL) once 40 % of the webhooks are acknowledged and
        // callbacks are flowing, so it dies with webhooks and callbacks in flight
        AtomicInteger acknowledged = new AtomicInteger();
        Instant t0 = Instant.parse("2026-11-20T08:00:00Z");
        List<Future<?>> walks = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            int index = i;
            String tracking = booked.get(i)[1];
            walks.add(pool.submit(() -> {
                for (int step = 0; step < EVENTS.length; step++) {
                    pbWebhook(instances, index + step, tracking, EVENTS[step], t0.plusSeconds(600L * step));
                    acknowledged.incrementAndGet();
                    GatewayProcess.sleep(40);
                }
                return null;
            }));
        }
        int receivedAtKill;
        try {
            await("webhooks and callbacks under way").atMost(Duration.ofMinutes(2)).until(() -> acknowledged.get() >= orders * EVENTS.length * 4 / 10 && bestRx.received().size() >= 30);
        } finally {
            receivedAtKill = bestRx.received().size();
            instances.get(1).kill();
        }
        int acknowledgedAtKill = acknowledged.get();
        for (Future<?> f : walks) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(instances.get(1).alive()).isFalse();

        int produced = orders * EVENTS.length;
        await("every change received").atMost(Duration.ofMinutes(2)).until(() -> bestRx.figures().distinct() >= produced);
        await("the outbox drained").atMost(Duration.ofSeconds(30)).until(() -> uncheckedCount("SELECT COUNT(*) FROM status_outbox WHERE state <> 'SENT'") == 0);
        RecordingBestRx.Figures f = bestRx.figures();
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.printf("%nStatusDeliveryIT 3 instances, 1 killed (after %d webhooks and %d callbacks): changes "
                        + "produced %d, received %d (distinct %d), duplicates %d, reorders %d; %d s in all (%d s to "
                        + "start the instances)%n%n", acknowledgedAtKill, receivedAtKill,
                count("SELECT COUNT(*) FROM status_outbox"),
                f.received(), f.distinct(), f.duplicates(), f.reorders(), seconds, (upAt - started) / 1_000_000_000L);

        assertThat(count("SELECT COUNT(*) FROM status_outbox")).as("changes accepted").isEqualTo(produced);
        assertThat(f.distinct()).as("changes received").isEqualTo(produced);
        assertThat(f.reorders()).as("reorders").isZero();
        assertThat(f.duplicates()).as("only what the killed instance sent but never recorded: one per sender at most")
                .isLessThanOrEqualTo(4);
        assertThat(f.byOrder()).hasSize(orders);
        f.byOrder().forEach((order, got) -> assertThat(got.stream().map(RecordingBestRx.Received::statusCode).distinct()
                .toList()).as(order).isEqualTo(CODES));
        assertThat(bestRx.received()).allSatisfy(r -> assertThat(r.authorization()).isEqualTo(StatusTraffic.CALLBACK_AUTH));
    }

    @Test
    void whileBestRxIsDownNothingIsLostNothingOvertakesAndAfterRecoveryAllArriveInOrder() throws Exception {
        int orders = 20;
        String[] backoff = {"--gateway.outbox.backoff-base=200ms", "--gateway.outbox.backoff-cap=1s"};
        bestRx.outage(true);
        GatewayProcess first = gateway("outage-1", backoff).start().awaitUp(Duration.ofMinutes(3));
        String[] steps = {"PSR", "TRD", "DLD"};
        List<String> codes = List.of("2", "5", "8");
        Instant t0 = Instant.parse("2026-11-20T08:00:00Z");
        for (int i = 0; i < orders; i++) {
            String tracking = book(first, Seeds.nextUniqueId())[1];
            for (int s = 0; s < steps.length; s++) {
                pbWebhook(List.of(first), 0, tracking, steps[s], t0.plusSeconds(600L * s));
            }
        }
        int produced = orders * steps.length;
        await("every order's first change tried and refused").atMost(Duration.ofSeconds(60)).until(() -> bestRx.received().stream().map(RecordingBestRx.Received::providerOrderId).distinct().count() == orders);

        // restart during the outage: the queue is in the database, not in the process
        first.stop();
        int refusedBeforeRestart = bestRx.received().size();
        GatewayProcess second = gateway("outage-2", backoff).start().awaitUp(Duration.ofMinutes(3));
        await("attempts after the restart").atMost(Duration.ofSeconds(30)).until(() -> bestRx.received().size() > refusedBeforeRestart);
        assertThat(bestRx.accepted()).isEmpty();
        assertThat(bestRx.received()).as("while the first change of an order is not through, the later ones wait")
                .allSatisfy(r -> assertThat(r.seq()).isEqualTo(1));

        bestRx.outage(false);
        await("every change received after recovery").atMost(Duration.ofSeconds(90)).until(() -> bestRx.figures().distinct() >= produced);
        RecordingBestRx.Figures f = bestRx.figures();
        System.out.printf("%nStatusDeliveryIT BestRx outage with a restart: changes produced %d, refused attempts %d, "
                        + "accepted %d (distinct %d), duplicates %d, reorders %d%n%n", produced,
                bestRx.received().size() - f.received(), f.received(), f.distinct(), f.duplicates(), f.reorders());
        assertThat(f.distinct()).isEqualTo(produced);
        assertThat(f.reorders()).isZero();
        assertThat(f.duplicates()).isZero();
        f.byOrder().forEach((order, got) -> assertThat(got.stream().map(RecordingBestRx.Received::statusCode).toList())
                .as(order).isEqualTo(codes));
        assertThat(second.alive()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM status_outbox WHERE state = 'DEAD'")).isZero();
    }

    long uncheckedCount(String sql) {
        try {
            return count(sql);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
