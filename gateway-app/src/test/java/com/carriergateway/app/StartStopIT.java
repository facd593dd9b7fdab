package com.carriergateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No false answers while the gateway starts or stops. BestRx and carriers keep calling through a start, a kill -9, a
 * restart on the same data and a graceful stop; every answer is either the real one or a 503 with
 * {@code Retry-After} (or the port is closed), never a 404 or another error. And what the gateway acknowledged in
 * those seconds, including during its graceful stop, was kept: sent again afterwards, it is answered the same and
 * booked nothing more.
 */
class StartStopIT {

    /** One answer: the gateway's phase when it was sent and when it came back, which call, what came back. */
    record Outcome(String phase, String endPhase, String path, int status, String retryAfter, long uniqueId,
                   String providerOrderId) {
        String kind() {
            return status == 0 ? "no connection" : status + (retryAfter != null ? " Retry-After" : "");
        }
    }

    static final String PHARMACY = GatewayHttp.DEMO_PHARMACY;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    final AtomicReference<GatewayProcess> target = new AtomicReference<>();
    final AtomicReference<String> phase = new AtomicReference<>("starting");
    final AtomicBoolean hammering = new AtomicBoolean(true);
    final List<GatewayProcess> gateways = new ArrayList<>();
    CountingPbStub pb;
    RecordingBestRx bestRx;
    Path dataFolder;

    @BeforeEach
    void setUp() throws IOException {
        pb = new CountingPbStub();
        bestRx = new RecordingBestRx();
        dataFolder = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "startstop-");
    }

    @AfterEach
    void tearDown() {
        hammering.set(false);
        gateways.forEach(GatewayProcess::close);
        pb.close();
        bestRx.close();
    }

    GatewayProcess gateway(String name, int port) {
        GatewayProcess g = GatewayProcess.onDefaultDatabase(name, dataFolder, List.of(
                "--gateway.carriers.pitney-bowes.base-url=" + pb.url(),
                "--gateway.pharmacies." + PHARMACY + ".callback.url=" + bestRx.url(),
                "--gateway.status.poll.enabled=false",
                "--gateway.orders.booking-lease=4s",
                "--gateway.rate-limit.requests-per-second=100000"), port);
        gateways.add(g);
        return g;
    }

    @Test
    void callsDuringStartKillRestartAndStopGetTheRealAnswerOr503AndWhatWasAcknowledgedIsKept() throws Exception {
        pb.createLatency(Duration.ofMillis(100)); // CreateOrders are under way when the stop begins
        int port = GatewayProcess.freePort();
        GatewayProcess first = gateway("startstop-1", port);
        target.set(first);
        ExecutorService callers = Executors.newFixedThreadPool(6);
        for (int i = 0; i < 6; i++) {
            int n = i;
            callers.submit(() -> hammer(n));
        }

        first.start().awaitUp(Duration.ofMinutes(3));
        phase.set("up");
        GatewayProcess.sleep(1500);
        phase.set("killed");
        first.kill();

        phase.set("restarting");
        GatewayProcess second = gateway("startstop-2", port);
        target.set(second);
        second.start().awaitUp(Duration.ofMinutes(3));
        phase.set("up again");
        GatewayProcess.sleep(1500);
        phase.set("stopping");
        second.stopNow(); // SIGTERM: graceful shutdown, while the calls go on
        second.awaitExit();
        phase.set("stopped");
        GatewayProcess.sleep(500);
        hammering.set(false);
        callers.shutdown();
        assertThat(callers.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

        List<Outcome> all = new ArrayList<>(outcomes);
        Map<String, Map<String, Integer>> byPhase = new TreeMap<>();
        all.forEach(o -> byPhase.computeIfAbsent(o.phase(), k -> new TreeMap<>()).merge(o.path() + " " + o.kind(), 1,
                Integer::sum));
        System.out.printf("%nStartStopIT answers by phase: %s%n%n", byPhase);

        assertThat(all).as("answers that are neither real nor 503 + Retry-After")
                .filteredOn(o -> o.status() == 404 || (o.status() >= 500 && !(o.status() == 503 && o.retryAfter() != null)))
                .isEmpty();
        assertThat(all).as("503s while starting or stopping").anySatisfy(o -> assertThat(o.status()).isEqualTo(503));
        assertThat(all).filteredOn(o -> o.path().equals("/Order/CreateOrder") && o.status() == 200)
                .as("bookings answered while up").hasSizeGreaterThan(10);
        assertThat(all).filteredOn(o -> o.phase().equals("up again") && !o.endPhase().equals("up again")
                        && o.status() == 200)
                .as("requests under way when the stop began, answered (graceful shutdown)").isNotEmpty();

        // what was acknowledged (before the kill, and during the graceful stop) is there, answered the same
        List<Outcome> booked = all.stream().filter(o -> o.path().equals("/Order/CreateOrder") && o.status() == 200)
                .toList();
        GatewayProcess third = gateway("startstop-3", port).start().awaitUp(Duration.ofMinutes(3));
        for (Outcome o : booked) {
            HttpResponse<String> again = send(third, "/Order/CreateOrder", Seeds.createOrder(o.uniqueId()),
                    GatewayHttp.DEMO_AUTH);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            assertThat(CrashDurabilityIT.answerIds(again.body())[0]).isEqualTo(o.providerOrderId());
            assertThat(pb.creates(o.providerOrderId())).as("creates of %s", o.providerOrderId()).isEqualTo(1);
        }
    }

    /** One BestRx or carrier, calling over and over whatever the gateway's state. */
    private void hammer(int caller) {
        while (hammering.get()) {
            String p = phase.get();
            GatewayProcess g = target.get();
            switch (caller % 3) {
                case 0, 1 -> {
                    long id = Seeds.nextUniqueId();
                    record(p, "/Order/CreateOrder", g, Seeds.createOrder(id), GatewayHttp.DEMO_AUTH, id);
                }
                default -> record(p, StatusTraffic.PB_WEBHOOK, g, StatusTraffic.batch(StatusTraffic.pbEvent(
                        "NO-SUCH-PARCEL-" + caller, "TRD", Instant.now().toString(), null)), StatusTraffic.PB_WEBHOOK_AUTH, 0);
            }
            GatewayProcess.sleep(20);
        }
    }

    private void record(String p, String path, GatewayProcess g, String body, String auth, long uniqueId) {
        try {
            HttpResponse<String> r = send(g, path, body, auth);
            String provider = r.statusCode() == 200 && uniqueId > 0 ? CrashDurabilityIT.answerIds(r.body())[0] : null;
            outcomes.add(new Outcome(p, phase.get(), path, r.statusCode(),
                    r.headers().firstValue("Retry-After").orElse(null), uniqueId, provider));
        } catch (IOException e) {
            outcomes.add(new Outcome(p, phase.get(), path, 0, null, uniqueId, null));
            GatewayProcess.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<String> send(GatewayProcess g, String path, String body, String auth)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(g.base() + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").header("Authorization", auth)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
