package com.carriergateway.adapter.pitneybowes;

import static com.carriergateway.adapter.SettingChecks.blankToNull;
import static com.carriergateway.adapter.SettingChecks.httpUrl;
import static com.carriergateway.adapter.SettingChecks.or;
import static com.carriergateway.adapter.SettingChecks.positive;
import static com.carriergateway.adapter.SettingChecks.required;

import com.carriergateway.adapter.CarrierStatusMap;
import com.carriergateway.adapter.DeliveryCapability;
import com.carriergateway.adapter.CarrierAdapterProvider;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One PB instance's configuration ({@code gateway.carriers.<id>.*}), checked once at start-up so a bad value
 * fails fast naming its property. {@link #toString()} hides the credentials.
 *
 * @param serviceIdByLevel PB {@code serviceId} per canonical service level (lower case), overriding {@code serviceId}
 * @param trackingUrlTemplate null when unset; otherwise contains {@code {trackingId}}
 * @param fromNode PB warehouse facility id, null when unset (PB then chooses)
 */
public record PitneyBowesSettings(
        String carrierId,
        String baseUrl,
        String tokenUrl,
        String apiKey,
        String apiSecret,
        String clientId,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration tokenRefreshMargin,
        Duration tokenMaxAge,
        String shippingCarrier,
        String serviceId,
        String serviceName,
        Map<String, String> serviceIdByLevel,
        String fromNode,
        String rxSku,
        String trackingUrlTemplate,
        boolean minimalAddressValidation,
        String findSearchField,
        CarrierStatusMap statusMap,
        PitneyBowesErrors.Codes errorCodes,
        Set<DeliveryCapability> deliveryCapabilities) {

    public static final String TRACKING_URL_TEMPLATE = "tracking-url-template";
    public static final String DEFAULT_BASE_URL = "https://shipping-api-sandbox.pitneybowes.com";
    /** Placeholders for PB's unpublished 80-prefix codes: shipped, released to the facility. */
    public static final List<String> DEFAULT_REFUSAL_CODES = List.of("8000105", "8000106");
    public static final List<String> DEFAULT_ALREADY_CANCELLED_CODES = List.of("8000107");
    public static final List<String> DEFAULT_DUPLICATE_ORDER_CODES = List.of("8000102");
    /** The legacy key is documented; the unified numeric code is our placeholder. */
    public static final List<String> DEFAULT_ADDRESS_NOT_VERIFIED_CODES = List.of("address.not.verified", "1002005");

    public static final String TRACKING_ID_PLACEHOLDER = "{trackingId}";

    /**
     * PB's delivered events carry {@code signedBy}, so its carriers collect signatures; the order's
     * {@code signatureRequired} travels to PB as an order reference. Whether every PB service acts on that reference
     * is unconfirmed (pitney-bowes.md): an account without signature service sets {@code delivery-capabilities} empty.
     */
    public static final Set<DeliveryCapability> DEFAULT_DELIVERY_CAPABILITIES = Set.of(DeliveryCapability.SIGNATURE);

    /**
     * Checks the bound configuration and fills the defaults.
     *
     * @throws IllegalArgumentException naming the property of the first missing or wrong value
     */
    public static PitneyBowesSettings from(String carrierId, PitneyBowesProperties p) {
        UnaryOperator<String> property = key -> CarrierAdapterProvider.property(carrierId, key);
        String baseUrl = httpUrl(property, "base-url", or(p.baseUrl(), DEFAULT_BASE_URL));
        String tokenUrl = httpUrl(property, "token-url", or(p.tokenUrl(), baseUrl + "/oauth/token"));
        String template = blankToNull(p.trackingUrlTemplate());
        if (template != null && !template.contains(TRACKING_ID_PLACEHOLDER)) {
            throw new IllegalArgumentException(property.apply(TRACKING_URL_TEMPLATE) + " must contain "
                    + TRACKING_ID_PLACEHOLDER + ": " + template);
        }
        Map<String, String> byLevel = new LinkedHashMap<>();
        (p.serviceLevel() == null ? Map.<String, String>of() : p.serviceLevel()).forEach((level, id) -> {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException(property.apply("service-level." + level) + " must name a PB serviceId");
            }
            byLevel.put(level.trim().toLowerCase(Locale.ROOT), id.trim());
        });
        return new PitneyBowesSettings(
                carrierId,
                baseUrl,
                tokenUrl,
                required(property, "api-key", p.apiKey()),
                required(property, "api-secret", p.apiSecret()),
                required(property, "client-id", p.clientId()),
                positive(property, "connect-timeout", or(p.connectTimeout(), Duration.ofSeconds(2))),
                positive(property, "request-timeout", or(p.requestTimeout(), Duration.ofSeconds(10))),
                or(p.tokenRefreshMargin(), Duration.ofMinutes(5)),
                positive(property, "token-max-age", or(p.tokenMaxAge(), Duration.ofHours(8))),
                or(p.carrier(), "PITNEY BOWES"),
                or(p.serviceId(), "NGSPS"),
                blankToNull(p.serviceName()),
                Map.copyOf(byLevel),
                blankToNull(p.fromNode()),
                or(p.rxSku(), "RX-ITEM"),
                template,
                p.minimalAddressValidation() != null && p.minimalAddressValidation(),
                or(p.findSearchField(), "clientOrderIds"),
                PitneyBowesStatusMap.withOverrides(p.statusMap() == null ? Map.of() : p.statusMap(),
                        k -> property.apply("status-map." + k)),
                new PitneyBowesErrors.Codes(
                        codes(p.refusalCodes(), DEFAULT_REFUSAL_CODES),
                        codes(p.alreadyCancelledCodes(), DEFAULT_ALREADY_CANCELLED_CODES),
                        codes(p.duplicateOrderCodes(), DEFAULT_DUPLICATE_ORDER_CODES),
                        codes(p.addressNotVerifiedCodes(), DEFAULT_ADDRESS_NOT_VERIFIED_CODES)),
                p.deliveryCapabilities() == null ? DEFAULT_DELIVERY_CAPABILITIES
                        : Set.copyOf(p.deliveryCapabilities()));
    }

    /** A Fulfillment API URL: {@code {base-url}/shippingservices/fulfillment/v1} + {@code pathAndQuery}. */
    public String fulfillmentUrl(String pathAndQuery) {
        return baseUrl + "/shippingservices/fulfillment/v1" + pathAndQuery;
    }

    /** A Shipping API address URL: {@code {base-url}/shippingservices/v1/addresses} + {@code pathAndQuery}. */
    public String addressUrl(String pathAndQuery) {
        return baseUrl + "/shippingservices/v1/addresses" + pathAndQuery;
    }

    /** The PB serviceId for a canonical service level: the per-level entry when configured, else the default. */
    public String serviceIdFor(String serviceLevel) {
        if (serviceLevel == null) {
            return serviceId;
        }
        return serviceIdByLevel.getOrDefault(serviceLevel.trim().toLowerCase(Locale.ROOT), serviceId);
    }

    @Override
    public String toString() {
        return "PitneyBowesSettings[" + carrierId + ", baseUrl=" + baseUrl + ", tokenUrl=" + tokenUrl
                + ", clientId=" + clientId + ", credentials=(hidden)]";
    }

    /** A code list; {@code none} empties it. */
    private static Set<String> codes(List<String> configured, List<String> fallback) {
        List<String> codes = configured == null || configured.isEmpty() ? fallback : configured;
        Set<String> out = new LinkedHashSet<>();
        if (codes.size() == 1 && codes.get(0).trim().equalsIgnoreCase("none")) {
            return out;
        }
        codes.stream().map(String::trim).filter(c -> !c.isEmpty()).forEach(out::add);
        return out;
    }
}
