package com.carriergateway.adapter;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A carrier's webhook call as received: headers (case-insensitive) and the raw body. */
public record WebhookRequest(Map<String, List<String>> headers, String body) {

    public WebhookRequest {
        TreeMap<String, List<String>> ci = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> ci.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        }
        headers = ci;
    }

    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
