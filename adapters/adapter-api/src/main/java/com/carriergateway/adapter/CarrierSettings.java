package com.carriergateway.adapter;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The configuration of one carrier instance ({@code gateway.carriers.<id>.*}), as plain strings, with
 * typed getters whose errors name the property. Values may hold secrets: {@link #toString()} shows keys only.
 */
public final class CarrierSettings {

    private final String carrierId;
    private final Map<String, String> values;

    public CarrierSettings(String carrierId, Map<String, String> values) {
        this.carrierId = carrierId;
        this.values = Collections.unmodifiableMap(new TreeMap<>(values == null ? Map.of() : values));
    }

    public String carrierId() {
        return carrierId;
    }

    public String require(String key) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(property(key) + " is required");
        }
        return v.trim();
    }

    public String get(String key, String fallback) {
        String v = values.get(key);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    public Duration duration(String key, Duration fallback) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        String s = v.trim().toLowerCase();
        try {
            if (s.startsWith("p")) {
                return Duration.parse(s.toUpperCase());
            }
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).trim()));
            }
            if (s.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1).trim()));
            }
            if (s.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1).trim()));
            }
            if (s.endsWith("h")) {
                return Duration.ofHours(Long.parseLong(s.substring(0, s.length() - 1).trim()));
            }
            return Duration.ofMillis(Long.parseLong(s));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(property(key) + " is not a duration (e.g. 500ms, 30s, 26h): " + v);
        }
    }

    public int integer(String key, int fallback) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(property(key) + " is not a whole number: " + v);
        }
    }

    public boolean bool(String key, boolean fallback) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        String s = v.trim().toLowerCase();
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new IllegalArgumentException(property(key) + " must be true or false: " + v);
    }

    /** Every entry under {@code prefix.} with the prefix removed, e.g. a status map. */
    public Map<String, String> under(String prefix) {
        String p = prefix + ".";
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(p)) {
                out.put(k.substring(p.length()), v);
            }
        });
        return out;
    }

    public Set<String> keys() {
        return values.keySet();
    }

    public String property(String key) {
        return "gateway.carriers." + carrierId + "." + key;
    }

    @Override
    public String toString() {
        return "CarrierSettings[" + carrierId + ", keys=" + values.keySet() + "]";
    }
}
