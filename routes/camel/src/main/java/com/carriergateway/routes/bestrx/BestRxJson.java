package com.carriergateway.routes.bestrx;

import com.carriergateway.core.answer.GatewayProblem;
import com.carriergateway.core.answer.MessageCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads BestRx request bodies into a JSON tree. Errors name no content: Jackson is told not to quote the
 * source, because a body is patient data. Deep nesting and huge numbers are refused before they cost memory.
 */
public final class BestRxJson {

    /** Deeper than any BestRx document (which nests three levels) by a wide margin. */
    static final int MAX_NESTING = 32;

    private static final ObjectMapper MAPPER = JsonMapper.builder(
                    com.fasterxml.jackson.core.JsonFactory.builder()
                            .streamReadConstraints(StreamReadConstraints.builder()
                                    .maxNestingDepth(MAX_NESTING)
                                    .maxNumberLength(100)
                                    .build())
                            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                            // {"total_amount": 1, "total_amount": 900}: which one did the pharmacy mean?
                            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                            .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    private BestRxJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The body as a JSON object, or a {@link GatewayProblem} saying plainly what is wrong with it. */
    public static JsonNode readObject(String body) {
        if (body == null || body.isBlank()) {
            throw new GatewayProblem(MessageCode.MALFORMED_BODY, "The request body is empty; send a JSON object.");
        }
        if (body.charAt(0) == '\uFEFF') {
            body = body.substring(1); // a UTF-8 byte-order mark, as some .NET encoders write
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            String why = original.contains("nesting depth") ? "it is nested deeper than " + MAX_NESTING + " levels"
                    : original.startsWith("Duplicate field") ? "a field appears twice" + where
                    : "it is not valid JSON" + where;
            throw new GatewayProblem(MessageCode.MALFORMED_BODY, "The request body cannot be read: " + why + ".");
        }
        if (node == null || node.isMissingNode()) {
            throw new GatewayProblem(MessageCode.MALFORMED_BODY, "The request body is empty; send a JSON object.");
        }
        if (!node.isObject()) {
            throw new GatewayProblem(MessageCode.MALFORMED_BODY,
                    "The request body must be a JSON object, not " + kind(node) + ".");
        }
        return node;
    }

    static String kind(JsonNode node) {
        if (node.isArray()) {
            return "an array";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isNull()) {
            return "null";
        }
        return "an object";
    }
}
