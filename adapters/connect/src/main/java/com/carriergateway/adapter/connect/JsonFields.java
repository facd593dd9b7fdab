package com.carriergateway.adapter.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * Tolerant reads of Connect JSON. Connect's shapes are partly Unconfirmed, so every read accepts a missing
 * field, a number where text was expected and the other way round, and never throws.
 */
final class JsonFields {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonFields() {
    }

    /** The body as a JSON tree, or empty when it is blank or not JSON. */
    static Optional<JsonNode> parse(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(MAPPER.readTree(body));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** The first of {@code names} present as non-blank text or a number, else null. */
    static String text(JsonNode node, String... names) {
        if (node == null || !node.isObject()) {
            return null;
        }
        for (String name : names) {
            JsonNode v = node.get(name);
            if (v != null && (v.isTextual() || v.isNumber() || v.isBoolean())) {
                String s = v.asText().trim();
                if (!s.isEmpty()) {
                    return s;
                }
            }
        }
        return null;
    }

    /** A Connect id: an integral number, or text made of digits; null otherwise. */
    static String id(JsonNode node, String... names) {
        if (node == null || !node.isObject()) {
            return null;
        }
        for (String name : names) {
            JsonNode v = node.get(name);
            if (v == null) {
                continue;
            }
            if (v.isIntegralNumber() && v.bigIntegerValue().signum() >= 0) {
                return v.bigIntegerValue().toString();
            }
            if (v.isTextual() && v.asText().trim().matches("[0-9]{1,19}")) {
                return v.asText().trim();
            }
        }
        return null;
    }

    /** true/false from a boolean or the text "true"/"false"; null when absent or anything else. */
    static Boolean bool(JsonNode node, String name) {
        JsonNode v = node == null ? null : node.get(name);
        if (v == null) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual() && (v.asText().equalsIgnoreCase("true") || v.asText().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(v.asText());
        }
        return null;
    }
}
