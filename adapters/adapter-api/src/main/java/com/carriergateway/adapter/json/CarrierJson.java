package com.carriergateway.adapter.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The carrier boundary's JSON: one mapper for every adapter, and reads that tolerate what carriers really send.
 * Carriers' documents disagree with their own examples on field capitalisation (PB {@code StandardizedEventCode}),
 * on types (a number where text was documented, {@code "true"} for a boolean) and on shapes (Uber's single object
 * where an array was documented), so no read here throws: an absent or unusable value is null.
 *
 * <p>Writing: exact decimals, written plainly ({@code 25.26}, {@code 10}, never {@code 1E+1}). Reading: unknown fields
 * ignored, a single value accepted where an array is expected, and no input quoted in an error (it may be patient
 * data).
 */
public final class CarrierJson {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private CarrierJson() {
    }

    /** A tree built in memory, as text. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // a tree built in memory always serialises; reaching here is a programming error
            throw new IllegalStateException("cannot serialise a carrier request", e);
        }
    }

    /** The body as JSON, or empty when it is absent or not JSON (an HTML error page, a truncated answer). */
    public static Optional<JsonNode> read(String body) {
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

    /** The field {@code name}, matched exactly first and then ignoring case; null when absent or JSON null. */
    public static JsonNode field(JsonNode node, String name) {
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

    /** The first of {@code names} present as a non-blank scalar (text, number or boolean), as text; else null. */
    public static String text(JsonNode node, String... names) {
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

    /** A numeric id: a non-negative integral number, or text made of up to 19 digits; null otherwise. */
    public static String id(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode v = field(node, name);
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
    public static Boolean bool(JsonNode node, String name) {
        JsonNode v = field(node, name);
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
