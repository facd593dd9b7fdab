package com.carriergateway.adapter.pitneybowes;

import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.auth.AccessToken;
import com.carriergateway.adapter.auth.AccessTokenCache;
import com.carriergateway.adapter.AccessTokenState;
import com.carriergateway.adapter.auth.TokenRefused;
import com.carriergateway.adapter.auth.AuthorizedHttp;
import com.carriergateway.adapter.auth.AuthorizedHttp.Exchange;
import com.carriergateway.adapter.http.CarrierCallException;
import com.carriergateway.adapter.http.CarrierHttp;
import com.carriergateway.adapter.http.CarrierHttpResponse;
import com.carriergateway.adapter.http.CarrierRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP to PB, on the client protocol every OAuth adapter shares ({@link AuthorizedHttp}): OAuth client-credentials
 * tokens (cached until shortly before expiry), {@code Authorization: Bearer}, one token refresh and retry when PB
 * answers 401, typed outcomes. PB's own part: a fresh {@code X-PB-TransactionId} per attempt, named in every failure so
 * PB support can find the call. Logs method, path, transaction id and status at debug; never bodies (patient data).
 */
final class PitneyBowesClient {

    static final String TRANSACTION_ID = "X-PB-TransactionId";
    private static final Logger log = LoggerFactory.getLogger(PitneyBowesClient.class);

    /** One PB API request. {@code jsonBody} null sends no body (PB's cancel wants an empty one). */
    record Call(String description, String method, String url, String jsonBody, Map<String, String> headers) {

        static Call get(String description, String url) {
            return new Call(description, "GET", url, null, Map.of());
        }

        static Call post(String description, String url, String jsonBody) {
            return new Call(description, "POST", url, jsonBody, Map.of());
        }

        static Call put(String description, String url, String jsonBody) {
            return new Call(description, "PUT", url, jsonBody, Map.of());
        }

        Call withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Call(description, method, url, jsonBody, Map.copyOf(h));
        }
    }

    private final PitneyBowesSettings settings;
    private final Clock clock;
    private final TransactionIds transactionIds;
    private final AuthorizedHttp http;
    private final AccessTokenCache tokens;
    private final String basicCredentials;

    PitneyBowesClient(PitneyBowesSettings settings, Clock clock, TransactionIds transactionIds) {
        this.settings = settings;
        this.clock = clock;
        this.transactionIds = transactionIds;
        CarrierHttp transport = new CarrierHttp(settings.carrierId(), settings.connectTimeout(), settings.requestTimeout());
        this.tokens = new AccessTokenCache(this::fetchToken, clock, settings.tokenRefreshMargin());
        this.http = new AuthorizedHttp(transport, tokens, TRANSACTION_ID);
        this.basicCredentials = "Basic " + Base64.getEncoder().encodeToString(
                (settings.apiKey() + ":" + settings.apiSecret()).getBytes(StandardCharsets.UTF_8));
    }

    AccessTokenState tokenState() {
        return tokens.state();
    }

    /**
     * Sends the call with a valid token (a new transaction id per attempt). Any HTTP answer is a success; the caller
     * maps its status.
     *
     * @param write true when the call may change PB's state (a failure may then leave the outcome unknown)
     */
    CarrierResult<Exchange> send(Call call, boolean write) {
        CarrierResult<Exchange> result = http.send(call.description(), token -> request(call, token), write);
        if (log.isDebugEnabled() && result instanceof CarrierResult.Success<Exchange> s) {
            log.debug("PB {} {} {}={} -> HTTP {}", call.method(), pathOf(call.url()), TRANSACTION_ID,
                    s.value().request().header(TRANSACTION_ID), s.value().status());
        }
        return result;
    }

    /** " (X-PB-TransactionId …)" of an attempt, for failure details. */
    String trace(Exchange exchange) {
        return http.trace(exchange.request());
    }

    private CarrierRequest request(Call call, String token) {
        CarrierRequest.Builder b = http.http().request(call.url())
                .header("Authorization", "Bearer " + token)
                .header(TRANSACTION_ID, transactionIds.next())
                .header("Accept", "application/json");
        call.headers().forEach(b::header);
        if (call.jsonBody() != null) {
            b.header("Content-Type", "application/json").method(call.method(), call.jsonBody());
        } else {
            b.method(call.method(), null);
        }
        return b.build();
    }

    /** The token source behind the cache: {@code POST token-url} with Basic credentials. */
    private AccessToken fetchToken() throws CarrierCallException, TokenRefused {
        Instant askedAt = clock.instant();
        CarrierRequest request = http.http().request(settings.tokenUrl())
                .header("Authorization", basicCredentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST("grant_type=client_credentials")
                .build();
        CarrierHttpResponse response = http.http().send(request);
        log.debug("PB POST {} (token) -> HTTP {}", pathOf(settings.tokenUrl()), response.status());
        if (!response.is2xx()) {
            PitneyBowesErrors.Failure failure = PitneyBowesErrors.classifyToken(settings.carrierId(), response.status(),
                    response.body(), "the token request");
            if (failure.kind() == PitneyBowesErrors.Kind.TRANSIENT) {
                throw new CarrierCallException(failure.error().category(), false, failure.error().summary(), null);
            }
            throw new TokenRefused(failure.error());
        }
        return PitneyBowesResponses.accessToken(response.body(), askedAt, settings.tokenMaxAge())
                .orElseThrow(() -> new CarrierCallException(Category.PROTOCOL, false,
                        "PB token answer holds no access_token (HTTP " + response.status() + ")", null));
    }

    private static String pathOf(String url) {
        return URI.create(url).getPath();
    }
}
