package com.carriergateway.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** Talks to a running gateway over real HTTP, as BestRx would. */
public final class GatewayHttp {

    public static final String DEMO_PHARMACY = "ef0a4740-0be9-44f7-b89d-9e66eeba0b9a";
    public static final String DEMO_AUTH = basic("demo-key", "demo-secret");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public GatewayHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    public record Answer(int status, Map<String, java.util.List<String>> headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        /** The first message's code, e.g. DIS0001. */
        public String code() {
            return json().path("messages").path(0).path("message_code").asText(null);
        }
    }

    public static String basic(String key, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    public static String seed(String name) {
        try (InputStream in = GatewayHttp.class.getResourceAsStream("/bestrx/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Answer post(String path, String body) {
        return post(path, body, DEMO_AUTH, Map.of());
    }

    public Answer post(String path, String body, String authorization, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (!headers.containsKey("Content-Type")) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b.build());
    }

    public Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    }

    /** Sends {@code copies} requests at the same instant, one thread each, and returns every answer. */
    public static java.util.List<Answer> together(int copies, java.util.function.Supplier<Answer> send) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(copies);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        try {
            java.util.List<java.util.concurrent.Future<Answer>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < copies; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return send.get();
                }));
            }
            go.countDown();
            java.util.List<Answer> answers = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Answer> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    public Answer createOrder(String body) {
        return post("/Order/CreateOrder", body);
    }

    public Answer cancelOrder(String body) {
        return post("/Order/CancelOrder", body);
    }

    public Answer validateAddress(String body) {
        return post("/Address/ValidateAddress", body);
    }
}
