package com.carriergateway.adapter.uberdirect;

import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.json.CarrierJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;

/** JSON equality for tests: same members and values, numbers compared by value (5000 as int or long). */
final class Json {

    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private Json() {
    }

    static void assertSameJson(JsonNode actual, String expected) {
        JsonNode e = CarrierJson.read(expected).orElseThrow(() -> new AssertionError("expected is not JSON"));
        assertThat(actual.equals(NUMBERS_BY_VALUE, e))
                .as("JSON\n  %s\nis not\n  %s", CarrierJson.write(actual), CarrierJson.write(e)).isTrue();
    }
}
