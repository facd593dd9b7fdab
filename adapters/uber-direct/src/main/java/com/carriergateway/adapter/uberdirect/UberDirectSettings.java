package com.carriergateway.adapter.uberdirect;

import static com.carriergateway.adapter.SettingChecks.between;
import static com.carriergateway.adapter.SettingChecks.httpUrl;
import static com.carriergateway.adapter.SettingChecks.or;
import static com.carriergateway.adapter.SettingChecks.positive;
import static com.carriergateway.adapter.SettingChecks.required;

import com.carriergateway.adapter.CarrierStatusMap;
import com.carriergateway.adapter.CarrierAdapterProvider;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One Uber Direct instance's configuration ({@code gateway.carriers.<id>.*}), checked once at start-up so a bad value
 * fails fast naming its property. {@link #toString()} hides the client secret.
 *
 * @param scheduledWindowStart start of the dropoff window of an order booked for a later date, local to {@code zone}
 * @param signatureImageHosts the only hosts a signature image is fetched from (lower case)
 */
public record UberDirectSettings(
        String carrierId,
        String baseUrl,
        String tokenUrl,
        String clientId,
        String clientSecret,
        String customerId,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration tokenRefreshMargin,
        ZoneId zone,
        LocalTime scheduledWindowStart,
        LocalTime scheduledWindowEnd,
        String manifestItemName,
        String manifestItemSize,
        boolean manifestItemNames,
        int idCheckMinAge,
        boolean dropoffPinCode,
        int findPageSize,
        int findMaxPages,
        boolean fetchSignatureImage,
        Duration signatureImageTimeout,
        Set<String> signatureImageHosts,
        CarrierStatusMap statusMap) {

    public static final String DEFAULT_BASE_URL = "https://api.uber.com/v1";
    /** The host the auth OpenAPI and Uber's newest SDK use; the deliveries OpenAPI names auth.uber.com instead. */
    public static final String DEFAULT_TOKEN_URL = "https://login.uber.com/oauth/v2/token";
    /** The only scope the Direct API needs; {@code direct.organizations} is for the Organizations API. */
    public static final String SCOPE = "eats.deliveries";
    /** Uber's file host for proof images, as in its OpenAPI examples. */
    public static final List<String> DEFAULT_SIGNATURE_IMAGE_HOSTS = List.of("tb-static.uber.com");
    public static final Set<String> MANIFEST_ITEM_SIZES = Set.of("small", "medium", "large", "xlarge");

    /**
     * Checks the bound configuration and fills the defaults.
     *
     * @throws IllegalArgumentException naming the property of the first missing or wrong value
     */
    public static UberDirectSettings from(String carrierId, UberDirectProperties p) {
        UnaryOperator<String> property = key -> CarrierAdapterProvider.property(carrierId, key);
        LocalTime windowStart = localTime(property, "scheduled-window-start", or(p.scheduledWindowStart(), "09:00"));
        LocalTime windowEnd = localTime(property, "scheduled-window-end", or(p.scheduledWindowEnd(), "17:00"));
        if (Duration.between(windowStart, windowEnd).compareTo(DeliveryWindows.SHORTEST_WINDOW) < 0) {
            throw new IllegalArgumentException(property.apply("scheduled-window-end") + " must be at least "
                    + DeliveryWindows.SHORTEST_WINDOW.toMinutes() + " minutes after "
                    + property.apply("scheduled-window-start") + " (Uber's shortest pickup window plus the ride): "
                    + windowStart + "–" + windowEnd);
        }
        String size = or(p.manifestItemSize(), "small").toLowerCase(Locale.ROOT);
        if (!MANIFEST_ITEM_SIZES.contains(size)) {
            throw new IllegalArgumentException(property.apply("manifest-item-size")
                    + " must be small, medium, large or xlarge: " + size);
        }
        return new UberDirectSettings(
                carrierId,
                httpUrl(property, "base-url", or(p.baseUrl(), DEFAULT_BASE_URL)),
                httpUrl(property, "token-url", or(p.tokenUrl(), DEFAULT_TOKEN_URL)),
                required(property, "client-id", p.clientId()),
                required(property, "client-secret", p.clientSecret()),
                required(property, "customer-id", p.customerId()),
                positive(property, "connect-timeout", or(p.connectTimeout(), Duration.ofSeconds(2))),
                positive(property, "request-timeout", or(p.requestTimeout(), Duration.ofSeconds(10))),
                or(p.tokenRefreshMargin(), Duration.ofMinutes(5)),
                zone(property, or(p.timeZone(), "America/New_York")),
                windowStart,
                windowEnd,
                or(p.manifestItemName(), "Sealed pharmacy bag"),
                size,
                Boolean.TRUE.equals(p.manifestItemNames()),
                between(property, "id-check-min-age", p.idCheckMinAge() == null ? 18 : p.idCheckMinAge(), 1, 120),
                Boolean.TRUE.equals(p.dropoffPinCode()),
                between(property, "find-page-size", p.findPageSize() == null ? 50 : p.findPageSize(), 1, 1000),
                between(property, "find-max-pages", p.findMaxPages() == null ? 5 : p.findMaxPages(), 1, 100),
                Boolean.TRUE.equals(p.fetchSignatureImage()),
                positive(property, "signature-image-timeout", or(p.signatureImageTimeout(), Duration.ofSeconds(3))),
                hosts(p.signatureImageHosts()),
                UberDirectStatusMap.withOverrides(p.statusMap() == null ? Map.of() : p.statusMap(),
                        k -> property.apply("status-map." + k)));
    }

    /** {@code {base-url}/customers/{customer-id}/deliveries}: Create and List. */
    public String deliveriesUrl() {
        return baseUrl + "/customers/" + segment(customerId) + "/deliveries";
    }

    /** {@code …/deliveries/{deliveryId}}: Get. */
    public String deliveryUrl(String deliveryId) {
        return deliveriesUrl() + "/" + segment(deliveryId);
    }

    @Override
    public String toString() {
        return "UberDirectSettings[" + carrierId + ", baseUrl=" + baseUrl + ", tokenUrl=" + tokenUrl + ", clientId="
                + clientId + ", customerId=" + customerId + ", credentials=(hidden)]";
    }

    static String segment(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static ZoneId zone(UnaryOperator<String> property, String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(property.apply("time-zone")
                    + " must be a time zone id such as America/Chicago: " + value);
        }
    }

    private static LocalTime localTime(UnaryOperator<String> property, String key, String value) {
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(property.apply(key) + " must be a time of day such as 09:00: " + value);
        }
    }

    private static Set<String> hosts(List<String> configured) {
        List<String> hosts = configured == null || configured.isEmpty() ? DEFAULT_SIGNATURE_IMAGE_HOSTS : configured;
        Set<String> out = new LinkedHashSet<>();
        hosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).forEach(out::add);
        return Set.copyOf(out);
    }

}
