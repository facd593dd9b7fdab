package com.carriergateway.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.carriergateway.app.sandbox.SandboxServers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pitney Bowes as a carrier that remembers: the project's PB sandbox stubs, served by a WireMock in the test's own
 * JVM (so it outlives a killed gateway), which counts every create and cancel it receives per order and, once it
 * has received a create, finds that order when asked (Find Orders by clientOrderId), as PB would. What it counts is
 * what the carrier saw, counted outside the gateway's process.
 */
final class CountingPbStub implements AutoCloseable {

    private static final String ORDERS = "/shippingservices/fulfillment/v1/orders";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, AtomicInteger> creates = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> cancels = new ConcurrentHashMap<>();
    private final WireMockServer server;
    private volatile long createLatencyMs;
    private volatile long cancelLatencyMs;

    CountingPbStub() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(60).extensions(new Counter(), new Latency()));
        server.start();
        SandboxServers.load(server, "pitney-bowes");
    }

    /** The base URL to give the gateway ({@code gateway.carriers.pitney-bowes.base-url}). */
    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** How long a create is held after it was received, before it is answered: keeps creates in flight. */
    void createLatency(Duration latency) {
        createLatencyMs = latency.toMillis();
    }

    void cancelLatency(Duration latency) {
        cancelLatencyMs = latency.toMillis();
    }

    /** Creates received for this order key (PB's clientOrderId). */
    int creates(String orderKey) {
        AtomicInteger n = creates.get(orderKey);
        return n == null ? 0 : n.get();
    }

    /** Cancels received for this order key. */
    int cancels(String orderKey) {
        AtomicInteger n = cancels.get(pbOrderId(orderKey));
        return n == null ? 0 : n.get();
    }

    /** The orderId the PB sandbox gives the order with this clientOrderId. */
    static String pbOrderId(String orderKey) {
        return "ORD" + orderKey.replace("-", "").toUpperCase(Locale.ROOT) + "CO";
    }

    @Override
    public void close() {
        server.stop();
    }

    private void remember(String orderKey) {
        // from now on a lookup by this key finds the order, as PB's Find Orders would
        server.stubFor(post(urlPathEqualTo(ORDERS + "/search")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.searchFields[0].values[0]", equalTo(orderKey)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"content\":[{\"clientOrderId\":\"" + orderKey + "\",\"orderId\":\""
                                + pbOrderId(orderKey) + "\",\"status\":\"RELEASED\",\"isOnHold\":false,"
                                + "\"inputShippingDetails\":{\"carrier\":\"PITNEY BOWES\",\"serviceId\":\"NGSPS\"},"
                                + "\"pbCreateDate\":\"2026-01-15T10:00:05Z\",\"pbUpdateDate\":\"2026-01-15T10:05:00Z\"}],"
                                + "\"totalPages\":1,\"totalElements\":1,\"first\":true,\"last\":true,\"size\":20,"
                                + "\"number\":0}")));
    }

    /** Holds creates and cancels for the configured latency before they are answered (WireMock's own delay). */
    private final class Latency implements ResponseDefinitionTransformerV2 {

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            String path = event.getRequest().getUrl().split("\\?")[0];
            long pause = path.equals(ORDERS) ? createLatencyMs : path.endsWith("/cancel") ? cancelLatencyMs : 0;
            ResponseDefinition answer = event.getResponseDefinition();
            return pause > 0 ? ResponseDefinitionBuilder.like(answer).withFixedDelay((int) pause).build() : answer;
        }

        @Override
        public String getName() {
            return "pitney-bowes-latency";
        }
    }

    private final class Counter implements ServeEventListener {

        @Override
        public void afterMatch(ServeEvent event, Parameters parameters) {
            Request request = event.getRequest();
            String path = request.getUrl().split("\\?")[0];
            if (request.getMethod().getName().equals("POST") && path.equals(ORDERS)) {
                String key = clientOrderId(request);
                if (key != null) {
                    creates.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                    remember(key);
                }
            } else if (request.getMethod().getName().equals("PUT") && path.startsWith(ORDERS + "/")
                    && path.endsWith("/cancel")) {
                String orderId = path.substring(ORDERS.length() + 1, path.length() - "/cancel".length());
                cancels.computeIfAbsent(orderId, k -> new AtomicInteger()).incrementAndGet();
            }
        }

        private String clientOrderId(Request request) {
            try {
                JsonNode body = JSON.readTree(request.getBodyAsString());
                return body.path("clientOrderId").asText(null);
            } catch (Exception e) {
                return null;
            }
        }

        @Override
        public String getName() {
            return "counting-pitney-bowes";
        }
    }
}
