package com.carriergateway.routes.callback;

import com.carriergateway.routes.callback.CallbackRequest;
import com.carriergateway.core.outbox.CallbackResult;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real camel-http call against a local HTTP server: what goes over the wire and how answers are read. */
class CamelCallbackTransportTest {

    record Received(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    HttpServer server;
    java.util.concurrent.ExecutorService serverThreads;
    CamelContext camel;
    CamelCallbackTransport transport;
    final List<Received> received = new CopyOnWriteArrayList<>();
    volatile int status = 200;
    volatile String answer = "{\"data\": {}, \"status_updated\": \"true\", \"messages\": []}";
    volatile long delayMs;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serverThreads = Executors.newFixedThreadPool(4);
        server.setExecutor(serverThreads);
        server.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (status == 429) {
                exchange.getResponseHeaders().add("Retry-After", "42");
            }
            try {
                exchange.sendResponseHeaders(status, out.length);
                exchange.getResponseBody().write(out);
            } catch (IOException ignored) {
                // the client gave up (timeout test)
            }
            exchange.close();
        });
        server.start();
        camel = new DefaultCamelContext();
        camel.start();
        transport = new CamelCallbackTransport(camel.createProducerTemplate());
    }

    @AfterEach
    void stop() {
        camel.stop();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    CallbackRequest request(Duration timeout) {
        return new CallbackRequest("http://127.0.0.1:" + server.getAddress().getPort() + "/Order/UpdateOrderStatus",
                "Basic cHJvdmlkZXI6czNjcmV0", timeout, "{\"provider_order_id\":\"CG-1\",\"signer\":\"Jane\"}",
                Map.of("Idempotency-Key", "CG-1-3"));
    }

    @Test
    void postsTheBodyWithTheCredentialAndOnlyTheCallbacksHeaders() {
        CallbackResult r = transport.post(request(Duration.ofSeconds(5)));

        assertThat(r.delivered()).isTrue();
        assertThat(r.httpStatus()).isEqualTo(200);
        Received got = received.get(0);
        assertThat(got.method()).isEqualTo("POST");
        assertThat(got.path()).isEqualTo("/Order/UpdateOrderStatus");
        assertThat(got.body()).isEqualTo("{\"provider_order_id\":\"CG-1\",\"signer\":\"Jane\"}");
        assertThat(got.header("Authorization")).isEqualTo("Basic cHJvdmlkZXI6czNjcmV0");
        assertThat(got.header("Content-Type")).startsWith("application/json");
        assertThat(got.header("Idempotency-Key")).isEqualTo("CG-1-3");
        assertThat(got.headers().keySet()).noneMatch(h -> h.toLowerCase().startsWith("camel")
                || h.equalsIgnoreCase("breadcrumbId"));
        assertThat(got.headers().keySet().toString()).doesNotContainIgnoringCase("Timeout");
    }

    @Test
    void errorAnswersAreReadNotThrown() {
        status = 503;
        answer = "{\"status_updated\":\"false\"}";
        assertThat(transport.post(request(Duration.ofSeconds(5))).kind()).isEqualTo(CallbackResult.Kind.SERVER_ERROR);
        status = 429;
        CallbackResult throttled = transport.post(request(Duration.ofSeconds(5)));
        assertThat(throttled.kind()).isEqualTo(CallbackResult.Kind.THROTTLED);
        assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(42));
        status = 200;
        answer = "{\"status_updated\":\"false\",\"messages\":[{\"message_code\":\"DIS0003\"}]}";
        CallbackResult rejected = transport.post(request(Duration.ofSeconds(5)));
        assertThat(rejected.kind()).isEqualTo(CallbackResult.Kind.REJECTED);
        assertThat(rejected.detail()).contains("DIS0003");
        assertThat(received).as("the HTTP client repeats nothing by itself: the outbox decides").hasSize(3);
    }

    @Test
    void aSlowAnswerIsATimeoutWithinTheConfiguredTime() {
        delayMs = 15_000;
        long start = System.nanoTime();
        CallbackResult r = transport.post(request(Duration.ofMillis(500)));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.kind()).isEqualTo(CallbackResult.Kind.TIMEOUT);
        assertThat(tookMs).as("gave up at the timeout, long before the answer").isLessThan(12_000);
    }

    @Test
    void nobodyListeningIsANetworkFailure() {
        int port = server.getAddress().getPort();
        server.stop(0);
        CallbackResult r = transport.post(new CallbackRequest("http://127.0.0.1:" + port + "/x", null,
                Duration.ofSeconds(2), "{}", Map.of()));
        assertThat(r.kind()).isEqualTo(CallbackResult.Kind.NETWORK);
        assertThat(r.detail()).startsWith("no answer: ");
    }
}
