package com.carriergateway.routes.webhook;

import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.Operation;
import com.carriergateway.adapter.webhook.WebhookProtocol;
import com.carriergateway.adapter.webhook.WebhookRequest;
import com.carriergateway.adapter.webhook.WebhookSettings;
import com.carriergateway.adapter.webhook.WebhookVerdict;
import com.carriergateway.core.carrier.CarrierRegistry;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The carriers whose webhook is open ({@code gateway.webhooks.<carrierId>.*}), checked at startup, each with the
 * webhook protocol its adapter builds from those settings: how a call is verified (HTTP Basic by default, an HMAC of
 * the raw body for carriers that sign), challenged and acknowledged. The gateway knows no protocol itself.
 */
public final class WebhookDirectory {

    /** A carrier whose webhook is open: its adapter and its protocol. */
    public record Entry(CarrierAdapter carrier, WebhookProtocol protocol) {
    }

    private final Map<String, Entry> entries;

    private WebhookDirectory(Map<String, Entry> entries) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /**
     * @throws IllegalStateException naming the property of the first configuration mistake
     */
    public static WebhookDirectory fromConfiguration(Map<String, WebhookSettings> config, CarrierRegistry carriers) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        config.forEach((carrierId, settings) -> {
            String prop = "gateway.webhooks." + carrierId;
            if (!carriers.has(carrierId)) {
                throw new IllegalStateException(prop + " names no configured carrier; configured: " + carriers.ids());
            }
            CarrierAdapter carrier = carriers.get(carrierId);
            if (!carrier.capabilities().contains(Operation.PARSE_WEBHOOK)) {
                throw new IllegalStateException(prop + ": carrier " + carrierId + " cannot read webhooks");
            }
            try {
                entries.put(carrierId, new Entry(carrier, carrier.webhookProtocol(settings)));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(prop + "." + e.getMessage(), e);
            }
        });
        return new WebhookDirectory(entries);
    }

    /**
     * The carrier a webhook call at {@code /webhooks/{carrierId}} is for, once its protocol accepted the caller.
     *
     * @throws WebhookProblem 404 when that carrier has no webhook, 401 when its protocol refused the call
     */
    public Entry authenticate(String carrierId, WebhookRequest request) {
        Entry entry = entry(carrierId);
        WebhookVerdict verdict = entry.protocol().verify(request);
        if (!verdict.accepted()) {
            throw WebhookProblem.unauthorized(verdict.reason());
        }
        return entry;
    }

    /**
     * @throws WebhookProblem 404 when that carrier has no webhook
     */
    public Entry entry(String carrierId) {
        Entry entry = carrierId == null ? null : entries.get(carrierId);
        if (entry == null) {
            throw WebhookProblem.notFound("No webhook is configured for carrier '" + safe(carrierId) + "'.");
        }
        return entry;
    }

    public boolean isOpen(String carrierId) {
        return entries.containsKey(carrierId);
    }

    /** The carriers whose webhook is open, in configuration order. */
    public Set<String> carrierIds() {
        return entries.keySet();
    }

    /** A path segment quoted in an answer: only id-like characters, bounded. */
    private static String safe(String s) {
        if (s == null) {
            return "";
        }
        String cleaned = s.replaceAll("[^A-Za-z0-9._-]", "?");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
    }
}
