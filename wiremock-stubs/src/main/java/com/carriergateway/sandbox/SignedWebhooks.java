package com.carriergateway.sandbox;

import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.common.LocalNotifier;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.extension.ExtensionFactory;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.extension.responsetemplating.TemplateEngine;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A sandbox carrier's signed webhook: WireMock's own {@code webhook} listener cannot sign, because its templating has
 * no HMAC helper, and a signature must cover the exact bytes sent. This listener ({@code signed-webhook}) renders the
 * body with WireMock's templating against the request that triggered it ({@code originalRequest}, as the built-in
 * webhooks do), signs those bytes with HMAC-SHA256 (lowercase hex, the key as UTF-8: Uber Direct's
 * {@code x-uber-signature}) and POSTs them after a delay.
 *
 * <p>Parameters: {@code url}, {@code headers} (name → template), {@code body} (a template) or {@code jsonBody} (JSON
 * whose strings are templates), {@code delay} (milliseconds, or {@code {"milliseconds": n}}), {@code signingKey} and
 * {@code signatureHeader} (default {@code x-uber-signature}). The key is demo configuration, never a real secret.
 * Register it with {@code WireMockConfiguration.extensions(SignedWebhooks.factory())}.
 */
public final class SignedWebhooks implements ServeEventListener {

    public static final String NAME = "signed-webhook";
    public static final String DEFAULT_SIGNATURE_HEADER = "x-uber-signature";

    private static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sandbox-signed-webhooks");
        t.setDaemon(true);
        return t;
    });

    private final TemplateEngine templates;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public SignedWebhooks(TemplateEngine templates) {
        this.templates = templates;
    }

    /** The extension as WireMock builds it, with the server's own template engine (its helpers and settings). */
    public static ExtensionFactory factory() {
        return services -> List.of(new SignedWebhooks(services.getTemplateEngine()));
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public void afterComplete(ServeEvent serveEvent, Parameters parameters) {
        Notifier notifier = LocalNotifier.notifier();
        try {
            Map<String, Object> model = new HashMap<>(templates.buildModelForRequest(serveEvent));
            model.put("originalRequest", model.remove("request"));
            model.put("parameters", parameters);
            URI url = URI.create(render(required(parameters, "url"), model).trim());
            byte[] body = render(bodyTemplate(parameters), model).getBytes(StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            if (parameters.get("headers") instanceof Map<?, ?> configured) {
                configured.forEach((k, v) -> headers.put(String.valueOf(k), render(String.valueOf(v), model)));
            }
            String signatureHeader = parameters.getString("signatureHeader", DEFAULT_SIGNATURE_HEADER);
            headers.put(signatureHeader, hmacSha256Hex(required(parameters, "signingKey"), body));
            SCHEDULER.schedule(() -> send(url, headers, body, notifier), delayMillis(parameters.get("delay")),
                    TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            notifier.error("signed-webhook not sent: " + e.getMessage(), e);
        }
    }

    /** The lowercase hex HMAC-SHA256 of {@code body}, keyed with {@code key}'s UTF-8 bytes. */
    public static String hmacSha256Hex(String key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private void send(URI url, Map<String, String> headers, byte[] body, Notifier notifier) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<Void> answer = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            notifier.info("signed-webhook to " + url + " answered " + answer.statusCode());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            notifier.error("signed-webhook to " + url + " failed: " + e.getClass().getSimpleName());
        }
    }

    private String render(String template, Map<String, Object> model) {
        return templates.getUncachedTemplate(template).apply(model);
    }

    private static String bodyTemplate(Parameters parameters) {
        Object json = parameters.get("jsonBody");
        if (json != null) {
            return Json.write(json);
        }
        return required(parameters, "body");
    }

    private static String required(Parameters parameters, String name) {
        Object value = parameters.get(name);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new IllegalArgumentException("parameter " + name + " is required");
        }
        return String.valueOf(value);
    }

    private static long delayMillis(Object delay) {
        if (delay instanceof Number n) {
            return n.longValue();
        }
        if (delay instanceof Map<?, ?> m && m.get("milliseconds") instanceof Number n) {
            return n.longValue();
        }
        return 0;
    }
}
