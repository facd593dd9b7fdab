package com.carriergateway.adapter.examplecourier;

import static com.carriergateway.adapter.SettingChecks.httpUrl;
import static com.carriergateway.adapter.SettingChecks.or;
import static com.carriergateway.adapter.SettingChecks.positive;
import static com.carriergateway.adapter.SettingChecks.required;

import com.carriergateway.adapter.CarrierStatusMap;
import com.carriergateway.adapter.CarrierAdapterProvider;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One Example Courier instance's configuration ({@code gateway.carriers.<id>.*}), checked once at start-up so that
 * a missing or wrong value stops the gateway naming its property. {@link #toString()} hides the secret.
 *
 * @param serviceByLevel the courier's service code per canonical service level (keys lower case)
 */
public record ExampleCourierSettings(
        String carrierId,
        String baseUrl,
        String tokenUrl,
        String clientId,
        String clientSecret,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration tokenRefreshMargin,
        String service,
        Map<String, String> serviceByLevel,
        CarrierStatusMap statusMap) {

    /**
     * Checks the bound configuration and fills the defaults.
     *
     * @throws IllegalArgumentException naming the property of the first missing or wrong value
     */
    public static ExampleCourierSettings from(String carrierId, ExampleCourierProperties p) {
        UnaryOperator<String> property = key -> CarrierAdapterProvider.property(carrierId, key);
        // TODO(carrier): a default base-url (the carrier's production API) once it is known; required until then, so
        // that nobody calls a made-up host.
        String baseUrl = httpUrl(property, "base-url", required(property, "base-url", p.baseUrl()));
        Map<String, String> byLevel = new LinkedHashMap<>();
        if (p.serviceLevel() != null) {
            p.serviceLevel().forEach((level, code) -> byLevel.put(level.trim().toLowerCase(Locale.ROOT),
                    required(property, "service-level." + level, code)));
        }
        return new ExampleCourierSettings(
                carrierId,
                baseUrl,
                httpUrl(property, "token-url", or(p.tokenUrl(), baseUrl + "/oauth/token")),
                required(property, "client-id", p.clientId()),
                required(property, "client-secret", p.clientSecret()),
                positive(property, "connect-timeout", or(p.connectTimeout(), Duration.ofSeconds(2))),
                positive(property, "request-timeout", or(p.requestTimeout(), Duration.ofSeconds(10))),
                or(p.tokenRefreshMargin(), Duration.ofSeconds(60)),
                or(p.service(), "standard"),
                Map.copyOf(byLevel),
                ExampleCourierStatusMap.withOverrides(p.statusMap() == null ? Map.of() : p.statusMap(),
                        code -> property.apply("status-map." + code)));
    }

    /** An API URL: base-url + {@code pathAndQuery}. */
    public String apiUrl(String pathAndQuery) {
        return baseUrl + pathAndQuery;
    }

    /** The courier's service code for a canonical service level: the configured one, else {@code service}. */
    public String serviceFor(String serviceLevel) {
        return serviceLevel == null ? service
                : serviceByLevel.getOrDefault(serviceLevel.trim().toLowerCase(Locale.ROOT), service);
    }

    @Override
    public String toString() {
        return "ExampleCourierSettings[" + carrierId + ", baseUrl=" + baseUrl + ", clientId=" + clientId
                + ", clientSecret=(hidden)]";
    }

}
