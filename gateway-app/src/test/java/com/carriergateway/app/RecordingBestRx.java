package com.carriergateway.app;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BestRx's UpdateOrderStatus, as a WireMock server in the test JVM that records every callback in the order it
 * arrives (before answering it, so the record order is the causal order of one order's callbacks) and answers
 * {@code status_updated: "true"}, or 503 while an outage is on.
 */
final class RecordingBestRx implements AutoCloseable {

    /** One callback as received: its idempotency key (order-seq), the status code sent, and what it was told. */
    record Received(String providerOrderId, long seq, String statusCode, boolean accepted, String authorization) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean outage;
    private volatile long latencyMs;
    private final WireMockServer server;

    RecordingBestRx() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(60).extensions(new Recorder()));
        server.start();
        server.stubFor(post(urlPathEqualTo("/Order/UpdateOrderStatus")).willReturn(ok()));
    }

    String url() {
        return "http://127.0.0.1:" + server.port() + "/Order/UpdateOrderStatus";
    }

    void outage(boolean on) {
        outage = on;
    }

    /** How long each answer takes (after the callback was recorded): keeps callbacks in flight. */
    void latency(Duration latency) {
        latencyMs = latency.toMillis();
    }

    List<Received> received() {
        synchronized (received) {
            return new ArrayList<>(received);
        }
    }

    List<Received> accepted() {
        return received().stream().filter(Received::accepted).toList();
    }

    /** How the accepted callbacks add up: distinct changes, duplicates, and per-order reorders. */
    record Figures(int received, int distinct, int duplicates, int reorders, Map<String, List<Received>> byOrder) {
    }

    Figures figures() {
        List<Received> ok = accepted();
        Set<String> distinct = new HashSet<>();
        Map<String, List<Received>> byOrder = new LinkedHashMap<>();
        Map<String, Long> highest = new LinkedHashMap<>();
        int reorders = 0;
        for (Received r : ok) {
            distinct.add(r.providerOrderId() + "#" + r.seq());
            byOrder.computeIfAbsent(r.providerOrderId(), k -> new ArrayList<>()).add(r);
            long top = highest.getOrDefault(r.providerOrderId(), 0L);
            if (r.seq() < top) {
                reorders++;
            }
            highest.put(r.providerOrderId(), Math.max(top, r.seq()));
        }
        return new Figures(ok.size(), distinct.size(), ok.size() - distinct.size(), reorders, byOrder);
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Recorder implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent event) {
            String key = event.getRequest().getHeader("Idempotency-Key");
            String code = "?";
            try {
                JsonNode body = JSON.readTree(event.getRequest().getBodyAsString());
                code = body.at("/order_status/status_code").asText();
            } catch (Exception e) {
                // recorded as "?" and fails the test's checks
            }
            boolean accept = !outage;
            int dash = key == null ? -1 : key.lastIndexOf('-');
            received.add(new Received(dash < 0 ? String.valueOf(key) : key.substring(0, dash),
                    dash < 0 ? -1 : Long.parseLong(key.substring(dash + 1)), code, accept,
                    event.getRequest().getHeader("Authorization")));
            if (latencyMs > 0) {
                try {
                    Thread.sleep(latencyMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return accept
                    ? ResponseDefinition.okForJson(Map.of("data", Map.of(), "status_updated", "true", "messages", List.of()))
                    : new ResponseDefinition(503, "{\"status_updated\": \"false\"}");
        }

        @Override
        public String getName() {
            return "recording-bestrx";
        }
    }
}
