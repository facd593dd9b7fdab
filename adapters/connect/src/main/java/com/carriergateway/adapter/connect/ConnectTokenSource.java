package com.carriergateway.adapter.connect;

import com.carriergateway.adapter.json.CarrierJson;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.auth.AccessToken;
import com.carriergateway.adapter.auth.AccessTokenCache;
import com.carriergateway.adapter.auth.TokenRefused;
import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.http.CarrierCallException;
import com.carriergateway.adapter.http.CarrierHttp;
import com.carriergateway.adapter.http.CarrierHttpResponse;
import com.carriergateway.adapter.http.CarrierRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Mints Connect access tokens at Superloop's Keycloak token endpoint with the client-credentials grant.
 * The exchange parameters are Unconfirmed; this follows RFC 6749/7523 as Keycloak expects:
 * <ul>
 *   <li>{@code private_key_jwt} (documented): form fields {@code grant_type=client_credentials},
 *       {@code client_id}, {@code client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer},
 *       {@code client_assertion=<signed JWT>};</li>
 *   <li>{@code client_secret} (not documented by Superloop): HTTP Basic with the form-encoded client id and
 *       secret (RFC 6749 §2.3.1) and the single form field {@code grant_type=client_credentials}.</li>
 * </ul>
 */
final class ConnectTokenSource implements AccessTokenCache.TokenSource {

    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /** When the token endpoint omits {@code expires_in}; short, so a wrong guess costs one extra token call. */
    static final long DEFAULT_EXPIRES_IN_SECONDS = 300;

    private final ConnectSettings settings;
    private final CarrierHttp http;
    private final Clock clock;
    private final ClientAssertion assertion;

    ConnectTokenSource(ConnectSettings settings, CarrierHttp http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
        this.assertion = settings.authMethod == ConnectSettings.AuthMethod.PRIVATE_KEY_JWT
                ? new ClientAssertion(settings.clientId, settings.tokenUrl, settings.keyId, settings.privateKey,
                        settings.assertionLifetime)
                : null;
    }

    @Override
    public AccessToken fetch() throws CarrierCallException, TokenRefused {
        CarrierRequest.Builder request = http.request(settings.tokenUrl)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        if (assertion == null) {
            String credentials = encode(settings.clientId) + ":" + encode(settings.clientSecret);
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        } else {
            form.put("client_id", settings.clientId);
            form.put("client_assertion_type", ASSERTION_TYPE);
            form.put("client_assertion", assertion.sign(Instant.now(clock)));
        }
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        CarrierHttpResponse response = http.send(request.POST(body).build());
        return read(response);
    }

    private AccessToken read(CarrierHttpResponse response) throws CarrierCallException, TokenRefused {
        int status = response.status();
        if (status == 429) {
            throw new CarrierCallException(Category.RATE_LIMITED, false, "token endpoint asked us to slow down", null);
        }
        if (status >= 500) {
            throw new CarrierCallException(Category.UNAVAILABLE, false,
                    "token endpoint failed with HTTP " + status, null);
        }
        if (status >= 400) {
            // 400 invalid_client/unauthorized_client and 401 are Keycloak's answers to bad credentials.
            ConnectErrors.ErrorBody refusal = ConnectErrors.parse(response.body());
            throw new TokenRefused(new CarrierError(settings.carrierId, Category.AUTHENTICATION, refusal.code(),
                    refusal.message(), status, "token endpoint refused client " + settings.clientId + " (HTTP "
                    + status + ")"));
        }
        Optional<JsonNode> json = response.is2xx() ? CarrierJson.read(response.body()) : Optional.empty();
        String token = json.map(j -> CarrierJson.text(j, "access_token")).orElse(null);
        String type = json.map(j -> CarrierJson.text(j, "token_type")).orElse(null);
        if (token == null || (type != null && !type.equalsIgnoreCase("bearer"))) {
            throw new CarrierCallException(Category.PROTOCOL, false,
                    "token endpoint answered HTTP " + status + " without a readable bearer token", null);
        }
        String expiresIn = json.map(j -> CarrierJson.text(j, "expires_in")).orElse(null);
        long seconds = expiresIn != null && expiresIn.matches("[0-9]{1,9}")
                ? Long.parseLong(expiresIn)
                : DEFAULT_EXPIRES_IN_SECONDS;
        return new AccessToken(token, Instant.now(clock).plusSeconds(seconds));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
