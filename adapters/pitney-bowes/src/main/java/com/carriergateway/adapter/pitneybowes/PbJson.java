package com.carriergateway.adapter.pitneybowes;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * How PB payloads are read and written. PB's documents disagree on field capitalisation
 * ({@code StandardizedEventCode}) and on types ({@code postalCode} as a number, {@code expiresIn} as a string),
 * so every read here tolerates both.
 */
final class PbJson {

    /** Exact decimals written plainly: PB must see {@code 25.26} and {@code 10}, never {@code 1E+1}. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private PbJson() {
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // A tree built in memory always serialises; reaching here is a programming error.
            throw new IllegalStateException("cannot serialise PB request", e);
        }
    }

    /** The body as JSON, or empty when it is absent or not JSON (an HTML error page, a truncated answer). */
    static Optional<JsonNode> read(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /**
     * The field {@code name}, matched exactly first and then ignoring case; null when absent or JSON null.
     */
    static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode exact = node.get(name);
        if (exact != null && !exact.isNull()) {
            return exact;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isNull()) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The first of {@code names} present as a non-blank scalar, as text (numbers included); else null. */
    static String text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode v = field(node, name);
            if (v != null && v.isValueNode()) {
                String s = v.asText().trim();
                if (!s.isEmpty()) {
                    return s;
                }
            }
        }
        return null;
    }
}
