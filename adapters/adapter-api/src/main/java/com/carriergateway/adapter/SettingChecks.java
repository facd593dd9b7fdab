package com.carriergateway.adapter;

import java.net.URI;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The checks every adapter's settings record runs in its {@code from(carrierId, properties)}: each failure is an
 * {@link IllegalArgumentException} naming the full property ({@code property} turns a key into
 * {@code gateway.carriers.<id>.<key>}, see {@link CarrierAdapterProvider#property}), which the gateway reports at
 * startup. One implementation, so every carrier refuses the same mistakes in the same words.
 */
public final class SettingChecks {

    private SettingChecks() {
    }

    /** The value, trimmed; refused when missing or blank. */
    public static String required(UnaryOperator<String> property, String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(property.apply(key) + " is required");
        }
        return value.trim();
    }

    /** An absolute http(s) URL with a host, without a trailing slash (paths are appended to it). */
    public static String httpUrl(UnaryOperator<String> property, String key, String value) {
        String v = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        try {
            URI uri = URI.create(v);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("not http(s)");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property.apply(key) + " must be an http(s) URL: " + value);
        }
        return v;
    }

    /** A duration above zero (a timeout of zero would mean "wait for ever" to some clients). */
    public static Duration positive(UnaryOperator<String> property, String key, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(property.apply(key) + " must be positive: " + d);
        }
        return d;
    }

    public static int between(UnaryOperator<String> property, String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(property.apply(key) + " must be between " + min + " and " + max + ": "
                    + value);
        }
        return value;
    }

    /** The value, trimmed, or {@code fallback} when it is missing or blank. */
    public static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    public static Duration or(Duration value, Duration fallback) {
        return value == null ? fallback : value;
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
