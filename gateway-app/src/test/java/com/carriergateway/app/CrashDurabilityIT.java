package com.carriergateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.carriergateway.core.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Acknowledged means stored: a gateway process killed with SIGKILL right after (or while) it acknowledges changes, and
 * started again on the same data, has kept every change it acknowledged, on the README's default store (an H2 file)
 * and on PostgreSQL. The carrier (a PB stub that counts what it receives) and BestRx (a recorder) run in this JVM, so
 * they outlive the gateway and count from outside it.
 *
 * <p>Each test prints its figures: acknowledged, kept, lost, and what was done twice.
 */
class CrashDurabilityIT {

    enum Store { H2_FILE, POSTGRES }

    static final String PHARMACY = GatewayHttp.DEMO_PHARMACY;
    static final String[] PB_EVENTS = {"PSR", "TRD", "OFD", "DLD"};
    static final List<String> BESTRX_CODES = List.of("2", "5", "6", "8");
    static final String BESTRX_CANCELLED = "3";
    static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    final List<GatewayProcess> gateways = new ArrayList<>();
    CountingPbStub pb;
    RecordingBestRx bestRx;
    Path dataFolder;
    String postgresUrl;

    @BeforeEach
    void setUp() throws Exception {
        pb = new CountingPbStub();
        bestRx = new RecordingBestRx();
        dataFolder = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "crash-");
    }

    @AfterEach
    void tearDown() {
        gateways.forEach(GatewayProcess::close);
        pb.close();
        bestRx.close();
    }

    /** A gateway on {@code store}'s data (the same data for every gateway of a test), the carrier and BestRx above. */
    GatewayProcess gateway(Store store, String name) throws Exception {
        List<String> args = List.of(
                "--gateway.carriers.pitney-bowes.base-url=" + pb.url(),
                "--gateway.pharmacies." + PHARMACY + ".callback.url=" + bestRx.url(),
                "--gateway.pharmacies." + PHARMACY + ".callback.timeout=3s",
                // callbacks a killed instance had claimed are sent again once their claim lease runs out (2 min by
                // default): shorter here, so the test does not wait for it
                "--gateway.outbox.claim-lease=8s",
                "--gateway.status.poll.enabled=false",
                // a booking cut short by the kill is taken over by a repeat once its lease has run out
                "--gateway.orders.booking-lease=4s",
                "--gateway.outbox.backoff-base=200ms",
                "--gateway.outbox.backoff-cap=1s",
                "--gateway.rate-limit.requests-per-second=100000",
                "--logging.level.com.carriergateway.core.outbox=WARN");
        GatewayProcess g;
        if (store == Store.H2_FILE) {
            // the README's run: no database configured, so the default H2 file under ./data of the working folder
            g = GatewayProcess.onDefaultDatabase(name, dataFolder, args);
        } else {
            if (postgresUrl == null) {
                EmbeddedPostgres server = TestDatabases.postgresServer();
                String db = "crash_" + System.nanoTime();
                try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + db);
                }
                postgresUrl = "jdbc:postgresql://localhost:" + server.getPort() + "/" + db;
            }
            g = new GatewayProcess(name, postgresUrl, args);
        }
        gateways.add(g);
        return g.start().awaitUp(Duration.ofMinutes(3));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Store.class)
    void everyAcknowledgedWebhookEventSurvivesAKillAndReachesBestRxOnceInOrder(Store store) throws Exception {
        int orders = 50;
        bestRx.outage(true); // nothing leaves before the kill: what BestRx gets afterwards came from the store
        GatewayProcess first = gateway(store, "crash-webhooks-" + store + "-1");
        List<String[]> booked = bookAll(first, orders);

        // a burst: each order's four PB events in order, eight orders at a time; the kill follows the last answer
        Instant t0 = Instant.parse("2026-11-20T08:00:00Z");
        Map<String, List<String>> acknowledged = new ConcurrentHashMap<>();
        parallel(8, booked, order -> {
            for (int step = 0; step < PB_EVENTS.length; step++) {
                Optional<HttpResponse<String>> r = pbWebhook(first, order[1], PB_EVENTS[step], t0.plusSeconds(600L * step));
                if (r.isPresent() && r.get().statusCode() == 200 && json(r.get().body()).path("applied").asInt() == 1) {
                    acknowledged.computeIfAbsent(order[0], k -> Collections.synchronizedList(new ArrayList<>()))
                            .add(BESTRX_CODES.get(step));
                }
            }
        });
        first.kill();
        int acked = acknowledged.values().stream().mapToInt(List::size).sum();
        assertThat(acked).as("events acknowledged before the kill").isEqualTo(orders * PB_EVENTS.length);

        GatewayProcess second = gateway(store, "crash-webhooks-" + store + "-2");
        int kept = 0;
        for (String[] order : booked) {
            kept += (int) history(second, order[0]).stream().filter(e -> e.path("kind").asText().equals("STATUS_CHANGED"))
                    .count();
        }
        // PB repeats what it sent: acknowledged events must not be applied a second time
        AtomicInteger appliedAgain = new AtomicInteger();
        parallel(8, booked, order -> {
            for (int step = 0; step < PB_EVENTS.length; step++) {
                pbWebhook(second, order[1], PB_EVENTS[step], t0.plusSeconds(600L * step))
                        .ifPresent(r -> appliedAgain.addAndGet(json(r.body()).path("applied").asInt()));
            }
        });
        bestRx.outage(false);
        await().atMost(Duration.ofMinutes(2)).until(() -> bestRx.figures().distinct() >= acked);
        RecordingBestRx.Figures f = bestRx.figures();
        System.out.printf("%nCrashDurabilityIT webhooks on %s: acknowledged %d, kept %d, lost %d; re-applied after the "
                        + "restart %d; BestRx received %d (distinct %d, duplicates %d, reorders %d)%n%n", store, acked,
                kept, acked - kept, appliedAgain.get(), f.received(), f.distinct(), f.duplicates(), f.reorders());

        assertThat(kept).as("acknowledged changes in the orders' history after the restart").isEqualTo(acked);
        assertThat(appliedAgain.get()).as("repeats of acknowledged events applied again").isZero();
        assertThat(f.distinct()).isEqualTo(acked);
        assertThat(f.reorders()).isZero();
        assertThat(f.duplicates()).isZero();
        f.byOrder().forEach((order, got) -> assertThat(got.stream().map(RecordingBestRx.Received::statusCode).toList())
                .as(order).isEqualTo(BESTRX_CODES));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Store.class)
    void noOrderAnsweredBeforeAKillIsBookedTwiceAndEveryRepeatGetsTheSameAnswer(Store store) throws Exception {
        int orders = 120;
        int killAfter = 60;
        pb.createLatency(Duration.ofMillis(250)); // creates are in flight when the kill comes
        GatewayProcess first = gateway(store, "crash-bookings-" + store + "-1");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            ids.add(Seeds.nextUniqueId());
        }
        Map<Long, String[]> before = new ConcurrentHashMap<>();
        AtomicBoolean killed = new AtomicBoolean();
        parallel(8, ids, id -> {
            if (killed.get()) {
                return;
            }
            createOrder(first, id).filter(r -> r.statusCode() == 200).ifPresent(r -> {
                before.put(id, answerIds(r.body()));
                if (before.size() >= killAfter && killed.compareAndSet(false, true)) {
                    first.killNow(); // at once, with the other seven threads' creates under way
                }
            });
        });
        first.awaitExit();
        int answeredBeforeKill = before.size();

        GatewayProcess second = gateway(store, "crash-bookings-" + store + "-2");
        Map<Long, String[]> after = new ConcurrentHashMap<>();
        parallel(8, ids, id -> after.put(id, answerIds(untilAnswered(() -> createOrder(second, id)).body())));

        int bookedTwice = 0;
        int recovered = 0;
        for (long id : ids) {
            String key = Seeds.providerOrderId(id);
            assertThat(after.get(id)[0]).as("provider_order_id of order %d", id).isEqualTo(key);
            if (before.containsKey(id)) {
                assertThat(after.get(id)).as("the answer given before the kill, for order %d", id)
                        .containsExactly(before.get(id));
            }
            if (pb.creates(key) > 1) {
                bookedTwice++;
            }
            List<String> kinds = history(second, key).stream().map(e -> e.path("kind").asText()).toList();
            assertThat(kinds.stream().filter(k -> k.equals("BOOKED") || k.equals("RECOVERED_BY_LOOKUP")))
                    .as("how order %d came to be booked: %s", id, kinds).hasSize(1);
            if (kinds.contains("RECOVERED_BY_LOOKUP")) {
                recovered++;
            }
        }
        System.out.printf("%nCrashDurabilityIT bookings on %s: %d orders, answered before the kill %d, kept %d, "
                        + "booked twice at the carrier %d, in flight at the kill and found at the carrier by lookup %d; "
                        + "creates received by the carrier %d%n%n", store, orders, answeredBeforeKill,
                answeredBeforeKill, bookedTwice, recovered, ids.stream().mapToInt(id -> pb.creates(Seeds.providerOrderId(id))).sum());

        assertThat(bookedTwice).as("orders created twice at the carrier").isZero();
        assertThat(ids).allSatisfy(id -> assertThat(pb.creates(Seeds.providerOrderId(id))).as("creates of %d", id)
                .isEqualTo(1));
        assertThat(recovered).as("bookings cut short by the kill, completed by the lookup-first recovery")
                .isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Store.class)
    void everyCancellationAnsweredBeforeAKillStaysDoneAndReachesBestRxOnce(Store store) throws Exception {
        int orders = 40;
        int killAfter = 20;
        bestRx.outage(true);
        GatewayProcess first = gateway(store, "crash-cancels-" + store + "-1");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            ids.add(Seeds.nextUniqueId());
        }
        parallel(8, ids, id -> assertThat(createOrder(first, id).orElseThrow().statusCode()).isEqualTo(200));
        pb.cancelLatency(Duration.ofMillis(200));
        Map<Long, Boolean> before = new ConcurrentHashMap<>();
        AtomicBoolean killed = new AtomicBoolean();
        parallel(8, ids, id -> {
            if (killed.get()) {
                return;
            }
            cancelOrder(first, id).filter(r -> r.statusCode() == 200).ifPresent(r -> {
                before.put(id, json(r.body()).at("/data/status").asBoolean());
                if (before.size() >= killAfter && killed.compareAndSet(false, true)) {
                    first.killNow();
                }
            });
        });
        first.awaitExit();
        assertThat(before).as("cancels answered before the kill").allSatisfy((id, cancelled) -> assertThat(cancelled).isTrue());

        GatewayProcess second = gateway(store, "crash-cancels-" + store + "-2");
        Map<Long, Boolean> after = new ConcurrentHashMap<>();
        parallel(8, ids, id -> after.put(id, json(untilAnswered(() -> cancelOrder(second, id)).body())
                .at("/data/status").asBoolean()));
        int cancelledTwice = (int) before.keySet().stream().filter(id -> pb.cancels(Seeds.providerOrderId(id)) > 1).count();

        bestRx.outage(false);
        await().atMost(Duration.ofMinutes(2)).until(() -> bestRx.figures().distinct() >= orders);
        RecordingBestRx.Figures f = bestRx.figures();
        System.out.printf("%nCrashDurabilityIT cancellations on %s: %d orders, answered before the kill %d, kept %d, "
                        + "sent to the carrier again %d; BestRx received %d Cancelled (distinct %d, duplicates %d)%n%n",
                store, orders, before.size(), before.size() - cancelledTwice, cancelledTwice, f.received(),
                f.distinct(), f.duplicates());

        assertThat(after).hasSize(orders).allSatisfy((id, cancelled) -> assertThat(cancelled).as("order %d", id).isTrue());
        assertThat(cancelledTwice).as("cancels answered before the kill and sent to the carrier again").isZero();
        assertThat(f.distinct()).isEqualTo(orders);
        assertThat(f.duplicates()).isZero();
        f.byOrder().forEach((order, got) -> assertThat(got).as(order).singleElement()
                .satisfies(r -> assertThat(r.statusCode()).isEqualTo(BESTRX_CANCELLED)));
    }

    // ---- traffic

    List<String[]> bookAll(GatewayProcess via, int orders) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            ids.add(Seeds.nextUniqueId());
        }
        Map<Long, String[]> answers = new ConcurrentHashMap<>();
        parallel(8, ids, id -> {
            HttpResponse<String> r = createOrder(via, id).orElseThrow();
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            answers.put(id, answerIds(r.body()));
        });
        List<String[]> booked = new ArrayList<>();
        ids.forEach(id -> booked.add(answers.get(id)));
        return booked;
    }

    Optional<HttpResponse<String>> createOrder(GatewayProcess g, long id) {
        return post(g, "/Order/CreateOrder", Seeds.createOrder(id), GatewayHttp.DEMO_AUTH);
    }

    Optional<HttpResponse<String>> cancelOrder(GatewayProcess g, long id) {
        return post(g, "/Order/CancelOrder", Seeds.cancelOrder(id), GatewayHttp.DEMO_AUTH);
    }

    Optional<HttpResponse<String>> pbWebhook(GatewayProcess g, String tracking, String code, Instant at) {
        return post(g, StatusTraffic.PB_WEBHOOK, StatusTraffic.batch(StatusTraffic.pbEvent(tracking, code, at.toString(),
                code.equals("DLD") ? "J. Doe" : null)), StatusTraffic.PB_WEBHOOK_AUTH);
    }

    /** The answer, or empty when the connection failed (the gateway died under the call). */
    Optional<HttpResponse<String>> post(GatewayProcess g, String path, String body, String authorization) {
        try {
            return Optional.of(http.send(HttpRequest.newBuilder(URI.create(g.base() + path))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Sends until answered 200, as BestRx does with a request it got no answer to: a 409 "in progress" (the lease of a
     * booking cut short by the kill has not run out yet) or a 503 is tried again.
     */
    static HttpResponse<String> untilAnswered(java.util.function.Supplier<Optional<HttpResponse<String>>> send) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            Optional<HttpResponse<String>> r = send.get();
            if (r.isPresent() && r.get().statusCode() == 200) {
                return r.get();
            }
            last = r.orElse(last);
            if (r.isPresent() && r.get().statusCode() != 409 && r.get().statusCode() != 503) {
                throw new AssertionError("answered " + r.get().statusCode() + ": " + r.get().body());
            }
            GatewayProcess.sleep(250);
        }
        throw new AssertionError("never answered 200; last: " + (last == null ? "none" : last.body()));
    }

    List<JsonNode> history(GatewayProcess g, String providerOrderId) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(g.base() + "/admin/orders/" + providerOrderId
                        + "/history")).header("Authorization", StatusTraffic.ADMIN_AUTH).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        json(r.body()).path("events").forEach(events::add);
        return events;
    }

    /** (provider_order_id, tracking_id) of a CreateOrder answer. */
    static String[] answerIds(String body) {
        JsonNode j = json(body);
        return new String[] {j.at("/data/provider_order_id").asText(), j.at("/data/tracking_id").asText()};
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /** Runs {@code work} for every item on {@code threads} threads; fails with the first failure. */
    static <T> void parallel(int threads, List<T> items, Consumer<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        for (T item : items) {
            pool.submit(() -> {
                try {
                    work.accept(item);
                } catch (Throwable t) {
                    failures.add(t);
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).as("work finished").isTrue();
        if (!failures.isEmpty()) {
            AssertionError e = new AssertionError(failures.size() + " failure(s); the first: " + failures.peek());
            failures.forEach(e::addSuppressed);
            throw e;
        }
    }

    static Map<String, Integer> tally(List<String> outcomes) {
        Map<String, Integer> t = new LinkedHashMap<>();
        outcomes.forEach(o -> t.merge(o, 1, Integer::sum));
        return t;
    }
}
