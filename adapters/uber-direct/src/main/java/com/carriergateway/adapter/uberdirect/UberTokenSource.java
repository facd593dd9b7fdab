package com.carriergateway.adapter.uberdirect;

import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.auth.AccessToken;
import com.carriergateway.adapter.auth.AccessTokenCache;
import com.carriergateway.adapter.auth.TokenRefused;
import com.carriergateway.adapter.http.CarrierCallException;
import com.carriergateway.adapter.http.CarrierHttp;
import com.carriergateway.adapter.http.CarrierHttpResponse;
import com.carriergateway.adapter.json.CarrierJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Mints Uber access tokens with the client-credentials grant: {@code POST token-url}, a form with {@code client_id},
 * {@code client_secret}, {@code grant_type=client_credentials} and {@code scope=eats.deliveries} (Uber's auth OpenAPI
 * and Authentication guide). Uber defines no refresh token: a new token is asked for the same way.
 *
 * <p>Uber does not document the token endpoint's errors. A 4xx is read as a refusal of the credentials (permanent,
 * until an operator fixes them), except 408 and 429; a 5xx, or an OAuth {@code server_error} /
 * {@code temporarily_unavailable}, is "try later". The answer's {@code error}/{@code error_description} (OAuth's words,
 * as a 2023 copy of Uber's docs lists them) or {@code code}/{@code message} are kept; the secret never is.
 */
final class UberTokenSource implements AccessTokenCache.TokenSource {

    /** When Uber's answer has no usable {@code expires_in}; Uber's documented lifetime is 30 days. */
    static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    private static final Set<String> TRANSIENT_OAUTH_ERRORS = Set.of("server_error", "temporarily_unavailable");

    private final UberDirectSettings settings;
    private final CarrierHttp http;
    private final Clock clock;

    UberTokenSource(UberDirectSettings settings, CarrierHttp http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public AccessToken fetch() throws CarrierCallException, TokenRefused {
        Instant askedAt = clock.instant();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", settings.clientId());
        form.put("client_secret", settings.clientSecret());
        form.put("grant_type", "client_credentials");
        form.put("scope", UberDirectSettings.SCOPE);
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        CarrierHttpResponse response = http.send(http.request(settings.tokenUrl())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(body)
                .build());
        return read(settings.carrierId(), settings.clientId(), response, askedAt);
    }

    /**
     * The token in Uber's answer. Expiry counts from when we asked, on our clock: never later than Uber's own, and
     * immune to clock skew.
     */
    static AccessToken read(String carrierId, String clientId, CarrierHttpResponse response, Instant askedAt)
            throws CarrierCallException, TokenRefused {
        int status = response.status();
        if (!response.is2xx()) {
            UberDirectErrors.UberError e = UberDirectErrors.parse(response.body());
            String code = e.code() == null ? "" : e.code();
            if (status == 429) {
                throw new CarrierCallException(Category.RATE_LIMITED, false,
                        "Uber's token endpoint asked us to slow down (HTTP 429)", null);
            }
            if (status >= 500 || status == 408 || TRANSIENT_OAUTH_ERRORS.contains(code)) {
                throw new CarrierCallException(Category.UNAVAILABLE, false,
                        "Uber's token endpoint failed with HTTP " + status, null);
            }
            if (status >= 400) {
                throw new TokenRefused(new CarrierError(carrierId, Category.AUTHENTICATION, e.code(), e.message(),
                        status, "Uber's token endpoint refused client " + clientId + " (HTTP " + status
                        + "); check client-id and client-secret"));
            }
            throw new CarrierCallException(Category.PROTOCOL, false,
                    "Uber's token endpoint answered an unexpected HTTP " + status, null);
        }
        JsonNode json = CarrierJson.read(response.body()).filter(JsonNode::isObject).orElse(null);
        String token = CarrierJson.text(json, "access_token");
        String type = CarrierJson.text(json, "token_type");
        if (token == null || (type != null && !type.equalsIgnoreCase("bearer"))) {
            throw new CarrierCallException(Category.PROTOCOL, false,
                    "Uber's token endpoint answered HTTP " + status + " without a readable bearer token", null);
        }
        Duration lifetime = DEFAULT_LIFETIME;
        JsonNode expiresIn = CarrierJson.field(json, "expires_in");
        if (expiresIn != null && (expiresIn.isNumber() || expiresIn.asText().matches("[0-9]{1,10}(\\.[0-9]+)?"))) {
            long seconds = (long) expiresIn.asDouble();
            if (seconds > 0) {
                lifetime = Duration.ofSeconds(seconds);
            }
        }
        return new AccessToken(token, askedAt.plus(lifetime));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
