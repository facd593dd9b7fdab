package com.carriergateway.adapter.connect;

import static com.carriergateway.adapter.SettingChecks.blankToNull;
import static com.carriergateway.adapter.SettingChecks.httpUrl;
import static com.carriergateway.adapter.SettingChecks.or;
import static com.carriergateway.adapter.SettingChecks.positive;
import static com.carriergateway.adapter.SettingChecks.required;

import com.carriergateway.adapter.CarrierAdapterProvider;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
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
    static final List<String> DEFAULT_INACTIVE_APPOINTMENT_STATUSES = List.of("cancelled", "canceled", "completed",
            "complete");

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

    private ConnectSettings(String carrierId, ConnectProperties p) {
        UnaryOperator<String> property = key -> CarrierAdapterProvider.property(carrierId, key);
        this.carrierId = carrierId;
        baseUrl = httpUrl(property, "base-url", or(p.baseUrl(), DEFAULT_BASE_URL));
        tokenUrl = httpUrl(property, "token-url", or(p.tokenUrl(), DEFAULT_TOKEN_URL));
        clientId = required(property, "client-id", p.clientId());
        authMethod = authMethod(property, or(p.authMethod(), "private_key_jwt"));
        if (authMethod == AuthMethod.CLIENT_SECRET) {
            clientSecret = required(property, "client-secret", p.clientSecret());
            privateKey = null;
            keyId = null;
        } else {
            clientSecret = null;
            privateKey = privateKey(property, p);
            keyId = required(property, "key-id", p.keyId());
        }
        assertionLifetime = positive(property, "assertion-lifetime", or(p.assertionLifetime(), Duration.ofSeconds(60)));
        apiVersion = or(p.apiVersion(), "7");
        if (!apiVersion.matches("[0-9]{1,3}")) {
            throw new IllegalArgumentException(property.apply("api-version") + " must be a version number such as 7: "
                    + apiVersion);
        }
        connectTimeout = positive(property, "connect-timeout", or(p.connectTimeout(), Duration.ofSeconds(2)));
        requestTimeout = positive(property, "request-timeout", or(p.requestTimeout(), Duration.ofSeconds(10)));
        tokenRefreshMargin = or(p.tokenRefreshMargin(), Duration.ofSeconds(60));
        cancelWindow = positive(property, "cancel-window", or(p.cancelWindow(), Duration.ofHours(26)));
        String boundary = or(p.cancelWindowBoundary(), "allow").toLowerCase(Locale.ROOT);
        if (!boundary.equals("allow") && !boundary.equals("refuse")) {
            throw new IllegalArgumentException(property.apply("cancel-window-boundary") + " must be allow or refuse: "
                    + boundary);
        }
        refuseAtWindowBoundary = boundary.equals("refuse");
        inactiveAppointmentStatuses = (p.appointmentInactiveStatuses() == null || p.appointmentInactiveStatuses().isEmpty()
                ? DEFAULT_INACTIVE_APPOINTMENT_STATUSES : p.appointmentInactiveStatuses()).stream()
                .map(v -> v.trim().toLowerCase(Locale.ROOT))
                .filter(v -> !v.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        pollInitialDelay = positive(property, "poll-initial-delay", or(p.pollInitialDelay(), Duration.ofSeconds(2)));
        pollMaxDelay = positive(property, "poll-max-delay", or(p.pollMaxDelay(), Duration.ofSeconds(60)));
        pollDeadline = positive(property, "poll-deadline", or(p.pollDeadline(), Duration.ofSeconds(30)));
        if (pollMaxDelay.compareTo(pollInitialDelay) < 0) {
            throw new IllegalArgumentException(property.apply("poll-max-delay") + " must not be shorter than "
                    + property.apply("poll-initial-delay"));
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("sourceType", "nbn");
        defaults.put("aggregationMethod", "L2TP");
        if (p.orderDefaults() != null) {
            defaults.putAll(p.orderDefaults());
        }
        orderDefaults = Map.copyOf(defaults);
        Map<String, String> plans = new LinkedHashMap<>();
        if (p.serviceLevel() != null) {
            p.serviceLevel().forEach((level, plan) -> plans.put(level.trim().toLowerCase(Locale.ROOT), plan.trim()));
        }
        planByServiceLevel = Map.copyOf(plans);
        findPath = path(property, "find-path", or(p.findPath(), DEFAULT_FIND_PATH), "{orderKey}");
        orderPath = path(property, "order-path", or(p.orderPath(), DEFAULT_ORDER_PATH), "{id}");
        statusMap = ConnectStatusMap.withOverrides(p.statusMap() == null ? Map.of() : p.statusMap(),
                key -> property.apply("status-map." + key));
    }

    /** @throws IllegalArgumentException naming the property when a value is missing or wrong */
    static ConnectSettings from(String carrierId, ConnectProperties properties) {
        return new ConnectSettings(carrierId, properties);
    }

    private static AuthMethod authMethod(UnaryOperator<String> property, String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return switch (v) {
            case "private_key_jwt" -> AuthMethod.PRIVATE_KEY_JWT;
            case "client_secret" -> AuthMethod.CLIENT_SECRET;
            default -> throw new IllegalArgumentException(property.apply("auth-method")
                    + " must be private_key_jwt or client_secret: " + v);
        };
    }

    private static PrivateKey privateKey(UnaryOperator<String> property, ConnectProperties p) {
        String pem = blankToNull(p.privateKey());
        String key = "private-key";
        if (pem == null) {
            String file = blankToNull(p.privateKeyFile());
            if (file == null) {
                throw new IllegalArgumentException(property.apply("private-key") + " or "
                        + property.apply("private-key-file") + " is required for auth-method private_key_jwt");
            }
            key = "private-key-file";
            try {
                pem = Files.readString(Path.of(file));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException(property.apply(key) + " cannot be read: "
                        + e.getClass().getSimpleName());
            }
        }
        try {
            return PemPrivateKey.parse(pem);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property.apply(key) + " " + e.getMessage());
        }
    }

    private static String path(UnaryOperator<String> property, String key, String v, String placeholder) {
        if (!v.startsWith("/") || !v.contains(placeholder)) {
            throw new IllegalArgumentException(property.apply(key) + " must start with / and contain " + placeholder
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
