package com.carriergateway.routes.status;

import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.Operation;
import com.carriergateway.routes.auth.BasicCredential;
import com.carriergateway.routes.carrier.CarrierRegistry;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The carriers that may push statuses, checked at startup, and the authentication of their webhook calls:
 * HTTP Basic with the credential configured per carrier instance. User name and password are compared as
 * SHA-256 digests with {@link MessageDigest#isEqual}, in constant time, both always (no early exit that would
 * tell which half was wrong). PB also offers OAuth for its webhook; Basic is what this gateway asks PB to use.
 */
public final class WebhookDirectory {

    /** A carrier whose webhook is open: its adapter, credential digests and headers to echo. */
    public record Entry(CarrierAdapter carrier, byte[] usernameSha256, byte[] passwordSha256, List<String> echoHeaders) {
    }

    private final Map<String, Entry> entries;

    private WebhookDirectory(Map<String, Entry> entries) {
        this.entries = Map.copyOf(entries);
    }

    /**
     * @throws IllegalStateException naming the property of the first configuration mistake
     */
    public static WebhookDirectory fromConfiguration(Map<String, WebhookSettings> config, CarrierRegistry carriers) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        config.forEach((carrierId, w) -> {
            String prop = "gateway.webhooks." + carrierId;
            if (!carriers.has(carrierId)) {
                throw new IllegalStateException(prop + " names no configured carrier; configured: " + carriers.ids());
            }
            CarrierAdapter carrier = carriers.get(carrierId);
            if (!carrier.capabilities().contains(Operation.PARSE_WEBHOOK)) {
                throw new IllegalStateException(prop + ": carrier " + carrierId + " cannot read webhooks");
            }
            if (blank(w.getUsername()) || blank(w.getPassword())) {
                throw new IllegalStateException(prop + ".username and .password are required");
            }
            entries.put(carrierId, new Entry(carrier, BasicCredential.sha256(w.getUsername()),
                    BasicCredential.sha256(w.getPassword()), List.copyOf(w.getEchoHeaders())));
        });
        return new WebhookDirectory(entries);
    }

    /**
     * The carrier a webhook call at {@code /webhooks/{carrierId}} is for, once its credential checks out.
     *
     * @throws WebhookProblem 404 when that carrier has no webhook, 401 when the credential is missing or wrong
     */
    public Entry authenticate(String carrierId, String authorization) {
        Entry entry = carrierId == null ? null : entries.get(carrierId);
        if (entry == null) {
            throw WebhookProblem.notFound("No webhook is configured for carrier '" + safe(carrierId) + "'.");
        }
        BasicCredential credential;
        try {
            credential = BasicCredential.parse(authorization);
        } catch (BasicCredential.Unreadable e) {
            throw WebhookProblem.unauthorized(e.problem() == BasicCredential.Problem.MISSING
                    ? "Authentication required: send the HTTP Basic credential configured for this carrier's webhook."
                    : "The Basic credential is not valid base64.");
        }
        if (!credential.matches(entry.usernameSha256(), entry.passwordSha256())) {
            throw WebhookProblem.unauthorized("The webhook credential is not valid.");
        }
        return entry;
    }

    public boolean isOpen(String carrierId) {
        return entries.containsKey(carrierId);
    }

    /** A path segment quoted in an answer: only id-like characters, bounded. */
    private static String safe(String s) {
        if (s == null) {
            return "";
        }
        String cleaned = s.replaceAll("[^A-Za-z0-9._-]", "?");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

}
