package com.carriergateway.adapter.pitneybowes;

import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.auth.AccessToken;
import com.carriergateway.adapter.auth.AccessTokenCache;
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
 * HTTP to PB: OAuth client-credentials tokens (cached until shortly before expiry), {@code Authorization: Bearer},
 * a fresh {@code X-PB-TransactionId} per attempt, and one token refresh and retry when PB answers 401.
 * Logs method, path, transaction id and status at debug; never bodies (they carry patient data).
 */
final class PitneyBowesClient {

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

    /** PB's answer and the transaction id of the attempt that got it (PB support traces calls by it). */
    record Answer(CarrierHttpResponse response, String transactionId) {

        int status() {
            return response.status();
        }

        String body() {
            return response.body();
        }
    }

    /**
     * The token endpoint refused the credentials or answered something unreadable, so the API call was never
     * sent. Unchecked because {@link AccessTokenCache.TokenSource} may only throw {@link CarrierCallException},
     * which always reads as transient, while rejected credentials are permanent.
     */
    static final class TokenUnavailable extends RuntimeException {

        private final transient PitneyBowesErrors.Failure failure;

        TokenUnavailable(PitneyBowesErrors.Failure failure) {
            super(failure.error().summary(), null, false, false);
            this.failure = failure;
        }

        PitneyBowesErrors.Failure failure() {
            return failure;
        }
    }

    private final PitneyBowesSettings settings;
    private final Clock clock;
    private final TransactionIds transactionIds;
    private final CarrierHttp http;
    private final AccessTokenCache tokens;
    private final String basicCredentials;

    PitneyBowesClient(PitneyBowesSettings settings, Clock clock, TransactionIds transactionIds) {
        this.settings = settings;
        this.clock = clock;
        this.transactionIds = transactionIds;
        this.http = new CarrierHttp(settings.carrierId(), settings.connectTimeout(), settings.requestTimeout());
        this.tokens = new AccessTokenCache(this::fetchToken, clock, settings.tokenRefreshMargin());
        this.basicCredentials = "Basic " + Base64.getEncoder().encodeToString(
                (settings.apiKey() + ":" + settings.apiSecret()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends the call with a valid token; on a 401 drops that token, fetches a new one and sends once more.
     * A second 401 is returned as PB's answer.
     *
     * @throws CarrierCallException when no answer was read (the message names the transaction id)
     * @throws TokenUnavailable when no token could be had; the call was not sent
     */
    Answer send(Call call) throws CarrierCallException {
        String token = token();
        Answer answer = attempt(call, token);
        if (answer.status() == 401) {
            log.debug("PB refused the token for {}; fetching a new one and retrying once", call.description());
            tokens.invalidate(token);
            answer = attempt(call, token());
        }
        return answer;
    }

    private String token() throws CarrierCallException {
        try {
            return tokens.token();
        } catch (CarrierCallException e) {
            // Only the token request failed: the API request never left, so nothing can have happened to an order.
            throw new CarrierCallException(e.category(), false, "token request: " + e.getMessage(), e);
        }
    }

    private Answer attempt(Call call, String token) throws CarrierCallException {
        String transactionId = transactionIds.next();
        CarrierRequest.Builder b = http.request(call.url())
                .header("Authorization", "Bearer " + token)
                .header("X-PB-TransactionId", transactionId)
                .header("Accept", "application/json");
        call.headers().forEach(b::header);
        if (call.jsonBody() != null) {
            b.header("Content-Type", "application/json")
                    .method(call.method(), call.jsonBody());
        } else {
            b.method(call.method(), null);
        }
        try {
            CarrierHttpResponse response = http.send(b.build());
            log.debug("PB {} {} X-PB-TransactionId={} -> HTTP {}", call.method(), pathOf(call.url()), transactionId,
                    response.status());
            return new Answer(response, transactionId);
        } catch (CarrierCallException e) {
            log.debug("PB {} {} X-PB-TransactionId={} -> {}", call.method(), pathOf(call.url()), transactionId,
                    e.getMessage());
            throw new CarrierCallException(e.category(), e.mayHaveArrived(),
                    call.description() + ": " + e.getMessage() + " (X-PB-TransactionId " + transactionId + ")", e);
        }
    }

    /** The token source behind the cache: {@code POST token-url} with Basic credentials. */
    private AccessToken fetchToken() throws CarrierCallException {
        Instant askedAt = clock.instant();
        CarrierRequest request = http.request(settings.tokenUrl())
                .header("Authorization", basicCredentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST("grant_type=client_credentials")
                .build();
        CarrierHttpResponse response = http.send(request);
        log.debug("PB POST {} (token) -> HTTP {}", pathOf(settings.tokenUrl()), response.status());
        if (!response.is2xx()) {
            throw new TokenUnavailable(PitneyBowesErrors.classifyToken(settings.carrierId(), response.status(),
                    response.body(), "the token request"));
        }
        return PitneyBowesResponses.accessToken(response.body(), askedAt, settings.tokenMaxAge())
                .orElseThrow(() -> new TokenUnavailable(new PitneyBowesErrors.Failure(PitneyBowesErrors.Kind.TRANSIENT,
                        new CarrierError(settings.carrierId(), Category.PROTOCOL, null, null, response.status(),
                                "PB token answer holds no access_token"), false)));
    }

    private static String pathOf(String url) {
        return URI.create(url).getPath();
    }
}
