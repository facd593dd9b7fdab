package com.carriergateway.routes.bestrx;

import com.carriergateway.core.outbox.CallbackResult;
import com.carriergateway.core.outbox.CallbackResult.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * BestRx's answer to an UpdateOrderStatus, read leniently as BestRx documents it: delivered only on a 2xx whose
 * {@code status_updated} is true (boolean or string, any case, at the top or under {@code data}). Everything else is
 * retried. The detail keeps statuses and BestRx message codes only, never the answer's text.
 */
public final class CallbackAnswer {

    private static final Pattern SECONDS = Pattern.compile("\\d{1,6}");

    private CallbackAnswer() {
    }

    public static CallbackResult read(int status, String body, String retryAfterHeader) {
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
            for (JsonNode m : messages.isArray() ? messages : BestRxJson.mapper().createArrayNode().add(messages)) {
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
            return BestRxJson.mapper().readTree(body);
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
