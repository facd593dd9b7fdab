package com.carriergateway.core.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class OrderKeysTest {

    @Test
    void theSameOrderAlwaysGetsTheSameShortOpaqueKey() {
        String key = OrderKeys.of("ef0a4740-0be9-44f7-b89d-9e66eeba0b9a", 1001);
        assertThat(key).matches("CG-[A-Z2-7]{20}");
        assertThat(OrderKeys.of("EF0A4740-0BE9-44F7-B89D-9E66EEBA0B9A", 1001)).isEqualTo(key);
        assertThat(OrderKeys.of("ef0a4740-0be9-44f7-b89d-9e66eeba0b9a", 1002)).isNotEqualTo(key);
        assertThat(OrderKeys.of("11111111-2222-3333-4444-555555555555", 1001)).isNotEqualTo(key);
    }

    @Test
    void aFingerprintIgnoresLayoutButNotContent() {
        String a = RequestFingerprint.of(json("{\"a\": 1, \"b\": {\"c\": [1, 2.50]}}"));
        String sameMeaning = RequestFingerprint.of(json("{ \"b\":{\"c\":[1,2.5]},\n \"a\":1 }"));
        String changed = RequestFingerprint.of(json("{\"a\": 1, \"b\": {\"c\": [2, 1]}}"));
        assertThat(sameMeaning).isEqualTo(a);
        assertThat(changed).isNotEqualTo(a);
    }

    @Test
    void aFingerprintWritesTextAsJsonDoesSoStoredOnesStayValid() {
        // quotes, a backslash, a control character, accents and an emoji: escaped exactly as JSON writes them
        String body = "{\"n\": \"Jos\u00e9 \\\"J\\\" \\\\ \\n\uD83D\uDE00\", \"b\": true, \"z\": null}";
        String canonical = "{\"b\":true,\"n\":\"Jos\u00e9 \\\"J\\\" \\\\ \\n\uD83D\uDE00\",\"z\":null,}";
        assertThat(RequestFingerprint.of(json(body)))
                .isEqualTo(java.util.HexFormat.of().formatHex(OrderKeys.sha256(canonical)));
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
