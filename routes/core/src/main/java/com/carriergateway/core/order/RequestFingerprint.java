package com.carriergateway.core.order;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A hash of a request body's meaning: the same JSON sent again, with its fields in another order or other
 * whitespace, has the same fingerprint; any changed value does not. Lets a repeat be told from a conflict
 * without storing the body, which is patient data.
 */
public final class RequestFingerprint {

    private RequestFingerprint() {
    }

    public static String of(JsonNode body) {
        StringBuilder sb = new StringBuilder();
        canonical(body, sb);
        return HexFormat.of().formatHex(OrderKeys.sha256(sb.toString()));
    }

    private static void canonical(JsonNode n, StringBuilder sb) {
        if (n.isObject()) {
            List<String> names = new ArrayList<>();
            n.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            sb.append('{');
            for (String name : names) {
                sb.append('"').append(name).append("\":");
                canonical(n.get(name), sb);
                sb.append(',');
            }
            sb.append('}');
        } else if (n.isArray()) {
            sb.append('[');
            for (JsonNode item : n) {
                canonical(item, sb);
                sb.append(',');
            }
            sb.append(']');
        } else if (n.isNumber()) {
            sb.append(n.decimalValue().stripTrailingZeros().toPlainString());
        } else if (n.isTextual()) {
            // the same text JsonNode.toString() gives, without a trip through an ObjectMapper per value
            sb.append('"').append(JsonStringEncoder.getInstance().quoteAsString(n.textValue())).append('"');
        } else {
            sb.append(n.toString());
        }
    }
}
