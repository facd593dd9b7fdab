package com.carriergateway.routes.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How one UpdateOrderStatus attempt ended, read leniently as BestRx documents it: delivered only on a 2xx whose
 * {@code status_updated} is true (boolean or string, any case). Everything else is retried. The detail holds
 * statuses and BestRx message codes only, never the answer's text.
 */
public record CallbackResult(Kind kind, int httpStatus, String detail, Duration retryAfter) {

    /** The outcome, also the {@code outcome} tag of the send metrics. */
    public enum Kind {
        DELIVERED, REJECTED, THROTTLED, SERVER_ERROR, CLIENT_ERROR, TIMEOUT, NETWORK, NOT_CONFIGURED;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean delivered() {
        return kind == Kind.DELIVERED;
    }

    /** A response arrived. */
    private static final Pattern SECONDS = Pattern.compile("\\d{1,6}");

    public static CallbackResult fromResponse(int status, String body, String retryAfterHeader) {
        if (status >= 200 && status < 300) {
            JsonNode root = parse(body);
            if (root == null || !root.isObject()) {
                return new CallbackResult(Kind.REJECTED, status, "HTTP " + status + " without a JSON object answer", null);
            }
            if (isTrue(root.get("status_updated")) || isTrue(root.path("data").get("status_updated"))) {
                return new CallbackResult(Kind.DELIVERED, status, null, null);
            }
            return new CallbackResult(Kind.REJECTED, status, "HTTP " + status + ", status_updated not true"
                    + messageCodes(root), null);
        }
        if (status == 429) {
            return new CallbackResult(Kind.THROTTLED, status, "HTTP 429", retryAfter(retryAfterHeader));
        }
        if (status >= 500) {
            return new CallbackResult(Kind.SERVER_ERROR, status, "HTTP " + status + messageCodes(parse(body)),
                    retryAfter(retryAfterHeader));
        }
        return new CallbackResult(Kind.CLIENT_ERROR, status, "HTTP " + status + messageCodes(parse(body)), null);
    }

    /** No response: the transport failed. Only the failure's type is kept (its message may quote the URL). */
    public static CallbackResult fromFailure(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        boolean timeout = t.getClass().getSimpleName().contains("Timeout")
                || cause.getClass().getSimpleName().contains("Timeout");
        return new CallbackResult(timeout ? Kind.TIMEOUT : Kind.NETWORK, 0,
                (timeout ? "timed out: " : "no answer: ") + cause.getClass().getSimpleName(), null);
    }

    public static CallbackResult notConfigured(String pharmacyId) {
        return new CallbackResult(Kind.NOT_CONFIGURED, 0,
                "no callback URL configured (gateway.pharmacies." + pharmacyId + ".callback.url)", null);
    }

    private static boolean isTrue(JsonNode n) {
        return n != null && (n.isBoolean() ? n.booleanValue() : n.isTextual() && n.textValue().trim().equalsIgnoreCase("true"));
    }

    private static String messageCodes(JsonNode root) {
        if (root == null) {
            return "";
        }
        JsonNode messages = root.get("messages");
        StringBuilder codes = new StringBuilder();
        if (messages != null) {
            for (JsonNode m : messages.isArray() ? messages : JSON.createArrayNode().add(messages)) {
                String code = m.path("message_code").asText("");
                if (!code.isBlank() && code.length() <= 20 && codes.length() < 100) {
                    codes.append(codes.length() == 0 ? "" : ",").append(code);
                }
            }
        }
        return codes.length() == 0 ? "" : " (" + codes + ")";
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }

    private static Duration retryAfter(String header) {
        if (header == null || !SECONDS.matcher(header.trim()).matches()) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(header.trim()));
    }
}
