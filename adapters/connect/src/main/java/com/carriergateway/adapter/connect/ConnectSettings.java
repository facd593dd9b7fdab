package com.carriergateway.adapter.connect;

import com.carriergateway.adapter.CarrierSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The configuration of one Connect instance ({@code gateway.carriers.<id>.*}), read and checked once at
 * start-up so a wrong value fails fast with the property's name. Every key and default is listed in
 * {@code src/site/markdown/carriers/connect.md}.
 */
final class ConnectSettings {

    enum AuthMethod { PRIVATE_KEY_JWT, CLIENT_SECRET }

    static final String DEFAULT_BASE_URL = "https://360-api.superloop.com";
    static final String DEFAULT_TOKEN_URL =
            "https://sso.superloop.com/auth/realms/superloop/protocol/openid-connect/token";
    /** Assumed (Connect documents no search): a list filtered by our reference. */
    static final String DEFAULT_FIND_PATH = "/api/connect/orders?customerReference={orderKey}";
    /** Assumed by analogy with {@code GET /api/connect/services/{id}}. */
    static final String DEFAULT_ORDER_PATH = "/api/connect/orders/{id}";
    static final String DEFAULT_INACTIVE_APPOINTMENT_STATUSES = "cancelled,canceled,completed,complete";

    final String carrierId;
    final String baseUrl;
    final String tokenUrl;
    final String clientId;
    final AuthMethod authMethod;
    final String clientSecret;
    final PrivateKey privateKey;
    final String keyId;
    final Duration assertionLifetime;
    final String apiVersion;
    final Duration connectTimeout;
    final Duration requestTimeout;
    final Duration tokenRefreshMargin;
    final Duration cancelWindow;
    final boolean refuseAtWindowBoundary;
    final Set<String> inactiveAppointmentStatuses;
    final Duration pollInitialDelay;
    final Duration pollMaxDelay;
    final Duration pollDeadline;
    /** Create-order fields a pharmacy order does not carry, verbatim from {@code order-defaults.*}. */
    final Map<String, String> orderDefaults;
    /** {@code planName} per canonical service level, keys lower-case. */
    final Map<String, String> planByServiceLevel;
    final String findPath;
    final String orderPath;
    final ConnectStatusMap statusMap;

    private ConnectSettings(CarrierSettings s) {
        carrierId = s.carrierId();
        baseUrl = httpUrl(s, "base-url", DEFAULT_BASE_URL);
        tokenUrl = httpUrl(s, "token-url", DEFAULT_TOKEN_URL);
        clientId = s.require("client-id");
        authMethod = authMethod(s);
        if (authMethod == AuthMethod.CLIENT_SECRET) {
            clientSecret = s.require("client-secret");
            privateKey = null;
            keyId = null;
        } else {
            clientSecret = null;
            privateKey = privateKey(s);
            keyId = s.require("key-id");
        }
        assertionLifetime = positive(s, "assertion-lifetime", Duration.ofSeconds(60));
        apiVersion = s.get("api-version", "7");
        if (!apiVersion.matches("[0-9]{1,3}")) {
            throw new IllegalArgumentException(s.property("api-version") + " must be a version number such as 7: "
                    + apiVersion);
        }
        connectTimeout = positive(s, "connect-timeout", Duration.ofSeconds(2));
        requestTimeout = positive(s, "request-timeout", Duration.ofSeconds(10));
        tokenRefreshMargin = s.duration("token-refresh-margin", Duration.ofSeconds(60));
        cancelWindow = positive(s, "cancel-window", Duration.ofHours(26));
        String boundary = s.get("cancel-window-boundary", "allow").toLowerCase(Locale.ROOT);
        if (!boundary.equals("allow") && !boundary.equals("refuse")) {
            throw new IllegalArgumentException(s.property("cancel-window-boundary") + " must be allow or refuse: "
                    + boundary);
        }
        refuseAtWindowBoundary = boundary.equals("refuse");
        inactiveAppointmentStatuses = Arrays.stream(
                        s.get("appointment-inactive-statuses", DEFAULT_INACTIVE_APPOINTMENT_STATUSES).split(","))
                .map(v -> v.trim().toLowerCase(Locale.ROOT))
                .filter(v -> !v.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        pollInitialDelay = positive(s, "poll-initial-delay", Duration.ofSeconds(2));
        pollMaxDelay = positive(s, "poll-max-delay", Duration.ofSeconds(60));
        pollDeadline = positive(s, "poll-deadline", Duration.ofSeconds(30));
        if (pollMaxDelay.compareTo(pollInitialDelay) < 0) {
            throw new IllegalArgumentException(s.property("poll-max-delay") + " must not be shorter than "
                    + s.property("poll-initial-delay"));
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("sourceType", "nbn");
        defaults.put("aggregationMethod", "L2TP");
        defaults.putAll(s.under("order-defaults"));
        orderDefaults = Map.copyOf(defaults);
        Map<String, String> plans = new LinkedHashMap<>();
        s.under("service-level").forEach((level, plan) -> plans.put(level.trim().toLowerCase(Locale.ROOT), plan.trim()));
        planByServiceLevel = Map.copyOf(plans);
        findPath = path(s, "find-path", DEFAULT_FIND_PATH, "{orderKey}");
        orderPath = path(s, "order-path", DEFAULT_ORDER_PATH, "{id}");
        statusMap = ConnectStatusMap.withOverrides(s.under("status-map"), key -> s.property("status-map." + key));
    }

    /** @throws IllegalArgumentException naming the property when a value is missing or wrong */
    static ConnectSettings from(CarrierSettings settings) {
        return new ConnectSettings(settings);
    }

    private static String httpUrl(CarrierSettings s, String key, String fallback) {
        String v = s.get(key, fallback);
        try {
            URI uri = URI.create(v);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(s.property(key) + " must be an http(s) URL: " + v);
        }
        return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
    }

    private static AuthMethod authMethod(CarrierSettings s) {
        String v = s.get("auth-method", "private_key_jwt").toLowerCase(Locale.ROOT);
        return switch (v) {
            case "private_key_jwt" -> AuthMethod.PRIVATE_KEY_JWT;
            case "client_secret" -> AuthMethod.CLIENT_SECRET;
            default -> throw new IllegalArgumentException(s.property("auth-method")
                    + " must be private_key_jwt or client_secret: " + v);
        };
    }

    private static PrivateKey privateKey(CarrierSettings s) {
        String pem = s.get("private-key", null);
        String key = "private-key";
        if (pem == null) {
            String file = s.get("private-key-file", null);
            if (file == null) {
                throw new IllegalArgumentException(s.property("private-key") + " or " + s.property("private-key-file")
                        + " is required for auth-method private_key_jwt");
            }
            key = "private-key-file";
            try {
                pem = Files.readString(Path.of(file));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException(s.property(key) + " cannot be read: " + e.getClass().getSimpleName());
            }
        }
        try {
            return PemPrivateKey.parse(pem);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(s.property(key) + " " + e.getMessage());
        }
    }

    private static Duration positive(CarrierSettings s, String key, Duration fallback) {
        Duration d = s.duration(key, fallback);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(s.property(key) + " must be positive: " + d);
        }
        return d;
    }

    private static String path(CarrierSettings s, String key, String fallback, String placeholder) {
        String v = s.get(key, fallback);
        if (!v.startsWith("/") || !v.contains(placeholder)) {
            throw new IllegalArgumentException(s.property(key) + " must start with / and contain " + placeholder
                    + ": " + v);
        }
        return v;
    }

    @Override
    public String toString() {
        return "ConnectSettings[" + carrierId + ", " + baseUrl + ", auth=" + authMethod + ", api-version=" + apiVersion
                + "]";
    }
}
