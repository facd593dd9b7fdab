package com.carriergateway.adapter.pitneybowes;

import com.carriergateway.adapter.CarrierSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
        PitneyBowesStatusMap statusMap,
        PitneyBowesErrors.Codes errorCodes) {

    public static final String BASE_URL = "base-url";
    public static final String TOKEN_URL = "token-url";
    public static final String API_KEY = "api-key";
    public static final String API_SECRET = "api-secret";
    public static final String CLIENT_ID = "client-id";
    public static final String CONNECT_TIMEOUT = "connect-timeout";
    public static final String REQUEST_TIMEOUT = "request-timeout";
    public static final String TOKEN_REFRESH_MARGIN = "token-refresh-margin";
    public static final String TOKEN_MAX_AGE = "token-max-age";
    public static final String CARRIER = "carrier";
    public static final String SERVICE_ID = "service-id";
    public static final String SERVICE_NAME = "service-name";
    public static final String SERVICE_LEVEL = "service-level";
    public static final String FROM_NODE = "from-node";
    public static final String RX_SKU = "rx-sku";
    public static final String TRACKING_URL_TEMPLATE = "tracking-url-template";
    public static final String MINIMAL_ADDRESS_VALIDATION = "minimal-address-validation";
    public static final String FIND_SEARCH_FIELD = "find-search-field";
    public static final String STATUS_MAP = "status-map";
    public static final String REFUSAL_CODES = "refusal-codes";
    public static final String ALREADY_CANCELLED_CODES = "already-cancelled-codes";
    public static final String DUPLICATE_ORDER_CODES = "duplicate-order-codes";
    public static final String ADDRESS_NOT_VERIFIED_CODES = "address-not-verified-codes";

    public static final String DEFAULT_BASE_URL = "https://shipping-api-sandbox.pitneybowes.com";
    /** Placeholders for PB's unpublished 80-prefix codes: shipped, released to the facility. */
    public static final String DEFAULT_REFUSAL_CODES = "8000105,8000106";
    public static final String DEFAULT_ALREADY_CANCELLED_CODES = "8000107";
    public static final String DEFAULT_DUPLICATE_ORDER_CODES = "8000102";
    /** The legacy key is documented; the unified numeric code is our placeholder. */
    public static final String DEFAULT_ADDRESS_NOT_VERIFIED_CODES = "address.not.verified,1002005";

    public static final String TRACKING_ID_PLACEHOLDER = "{trackingId}";

    public static PitneyBowesSettings from(CarrierSettings s) {
        String baseUrl = httpUrl(s, BASE_URL, s.get(BASE_URL, DEFAULT_BASE_URL));
        String tokenUrl = httpUrl(s, TOKEN_URL, s.get(TOKEN_URL, baseUrl + "/oauth/token"));
        String template = s.get(TRACKING_URL_TEMPLATE, null);
        if (template != null && !template.contains(TRACKING_ID_PLACEHOLDER)) {
            throw new IllegalArgumentException(s.property(TRACKING_URL_TEMPLATE) + " must contain "
                    + TRACKING_ID_PLACEHOLDER + ": " + template);
        }
        Map<String, String> byLevel = new LinkedHashMap<>();
        s.under(SERVICE_LEVEL).forEach((level, id) -> {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException(s.property(SERVICE_LEVEL + "." + level) + " must name a PB serviceId");
            }
            byLevel.put(level.trim().toLowerCase(Locale.ROOT), id.trim());
        });
        return new PitneyBowesSettings(
                s.carrierId(),
                baseUrl,
                tokenUrl,
                s.require(API_KEY),
                s.require(API_SECRET),
                s.require(CLIENT_ID),
                positive(s, CONNECT_TIMEOUT, s.duration(CONNECT_TIMEOUT, Duration.ofSeconds(2))),
                positive(s, REQUEST_TIMEOUT, s.duration(REQUEST_TIMEOUT, Duration.ofSeconds(10))),
                s.duration(TOKEN_REFRESH_MARGIN, Duration.ofMinutes(5)),
                positive(s, TOKEN_MAX_AGE, s.duration(TOKEN_MAX_AGE, Duration.ofHours(8))),
                s.get(CARRIER, "PITNEY BOWES"),
                s.get(SERVICE_ID, "NGSPS"),
                s.get(SERVICE_NAME, null),
                Map.copyOf(byLevel),
                s.get(FROM_NODE, null),
                s.get(RX_SKU, "RX-ITEM"),
                template,
                s.bool(MINIMAL_ADDRESS_VALIDATION, false),
                s.get(FIND_SEARCH_FIELD, "clientOrderIds"),
                PitneyBowesStatusMap.withOverrides(s.under(STATUS_MAP), k -> s.property(STATUS_MAP + "." + k)),
                new PitneyBowesErrors.Codes(
                        codes(s.get(REFUSAL_CODES, DEFAULT_REFUSAL_CODES)),
                        codes(s.get(ALREADY_CANCELLED_CODES, DEFAULT_ALREADY_CANCELLED_CODES)),
                        codes(s.get(DUPLICATE_ORDER_CODES, DEFAULT_DUPLICATE_ORDER_CODES)),
                        codes(s.get(ADDRESS_NOT_VERIFIED_CODES, DEFAULT_ADDRESS_NOT_VERIFIED_CODES))));
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

    private static String httpUrl(CarrierSettings s, String key, String value) {
        String v = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        try {
            URI uri = URI.create(v);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("not http(s)");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(s.property(key) + " must be an http(s) URL: " + value);
        }
        return v;
    }

    private static Duration positive(CarrierSettings s, String key, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(s.property(key) + " must be positive: " + d);
        }
        return d;
    }

    /** A comma-separated code list; {@code none} empties it. */
    private static Set<String> codes(String commaSeparated) {
        Set<String> out = new LinkedHashSet<>();
        if (commaSeparated.trim().equalsIgnoreCase("none")) {
            return out;
        }
        Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(c -> !c.isEmpty()).forEach(out::add);
        return out;
    }
}
