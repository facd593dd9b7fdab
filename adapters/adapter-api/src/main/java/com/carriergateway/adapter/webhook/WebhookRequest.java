package com.carriergateway.adapter.webhook;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A carrier's webhook call as received: the method, the headers (case-insensitive) and the body's bytes exactly as
 * they arrived, because a signature is computed over those bytes, before anything parses them.
 */
public record WebhookRequest(String method, Map<String, List<String>> headers, byte[] rawBody) {

    public WebhookRequest {
        TreeMap<String, List<String>> ci = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> ci.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        }
        headers = ci;
        method = method == null ? "POST" : method;
        rawBody = rawBody == null ? new byte[0] : rawBody;
    }

    /** A POST with this text body (UTF-8): for tests and adapters that only read. */
    public static WebhookRequest post(Map<String, List<String>> headers, String body) {
        return new WebhookRequest("POST", headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** The body as UTF-8 text. */
    public String body() {
        return new String(rawBody, StandardCharsets.UTF_8);
    }

    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
