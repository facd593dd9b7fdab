package com.carriergateway.adapter.contract;

import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** Matches an application/x-www-form-urlencoded body holding exactly the given fields. */
final class FormPattern extends StringValuePattern {

    private final Map<String, String> fields;

    FormPattern(Map<String, String> fields) {
        super(new TreeMap<>(fields).toString());
        this.fields = new TreeMap<>(fields);
    }

    @Override
    public MatchResult match(String value) {
        Map<String, String> actual = new TreeMap<>();
        if (value != null && !value.isEmpty()) {
            for (String pair : value.split("&")) {
                String[] kv = pair.split("=", 2);
                actual.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return MatchResult.of(matches(actual));
    }

    private boolean matches(Map<String, String> actual) {
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
