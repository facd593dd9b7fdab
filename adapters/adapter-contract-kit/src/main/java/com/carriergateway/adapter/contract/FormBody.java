package com.carriergateway.adapter.contract;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * An application/x-www-form-urlencoded body holding exactly the given fields, in any order. A value written
 * {@code regex:...} matches by regular expression (for values the test cannot know, like a signed JWT).
 */
final class FormBody {

    private final Map<String, String> fields;

    FormBody(Map<String, String> fields) {
        this.fields = new TreeMap<>(fields);
    }

    boolean matches(String body) {
        Map<String, String> actual = new TreeMap<>();
        if (body != null && !body.isEmpty()) {
            for (String pair : body.split("&")) {
                String[] kv = pair.split("=", 2);
                actual.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        if (!actual.keySet().equals(fields.keySet())) {
            return false;
        }
        for (var e : fields.entrySet()) {
            String expected = e.getValue();
            String got = actual.get(e.getKey());
            if (expected.startsWith("regex:") ? !got.matches(expected.substring(6)) : !expected.equals(got)) {
                return false;
            }
        }
        return true;
    }
}
