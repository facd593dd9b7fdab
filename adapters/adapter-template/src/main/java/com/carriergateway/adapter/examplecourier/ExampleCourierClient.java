package com.carriergateway.adapter.examplecourier;

import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.auth.AccessToken;
import com.carriergateway.adapter.auth.AccessTokenCache;
import com.carriergateway.adapter.auth.TokenRefused;
import com.carriergateway.adapter.auth.AuthorizedHttp;
import com.carriergateway.adapter.auth.AuthorizedHttp.Exchange;
import com.carriergateway.adapter.http.CarrierCallException;
import com.carriergateway.adapter.http.CarrierHttp;
import com.carriergateway.adapter.http.CarrierHttpResponse;
import com.carriergateway.adapter.http.CarrierRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP to Example Courier on the client protocol every OAuth carrier shares ({@link AuthorizedHttp}): a bearer token
 * from the cache on every call, one fresh token and one retry when the carrier answers 401, every HTTP answer a
 * success for the adapter to read, "no answer" and "no token" as typed failures. The carrier's own part is the token
 * request. Logs method, path and status at debug; never bodies (patient data).
 */
final class ExampleCourierClient {

    private static final Logger log = LoggerFactory.getLogger(ExampleCourierClient.class);

    /**
     * One API call. {@code jsonBody} null sends none.
     *
     * @param write true when the call may change the carrier's state: a failure may then leave the outcome unknown
     */
    record Call(String description, String method, String url, String jsonBody, boolean write) {

        static Call read(String description, String url) {
            return new Call(description, "GET", url, null, false);
        }

        static Call write(String description, String method, String url, String jsonBody) {
            return new Call(description, method, url, jsonBody, true);
        }
    }

    private final ExampleCourierSettings settings;
    private final Clock clock;
    private final AuthorizedHttp http;

    ExampleCourierClient(ExampleCourierSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        CarrierHttp transport = new CarrierHttp(settings.carrierId(), settings.connectTimeout(),
                settings.requestTimeout());
        // TODO(carrier): the header the carrier's support traces a call by (PB's X-PB-TransactionId), else null
        this.http = new AuthorizedHttp(transport,
                new AccessTokenCache(this::fetchToken, clock, settings.tokenRefreshMargin()), null);
    }

    /** Sends the call with a valid token. Any HTTP answer is a success: the adapter maps its status. */
    CarrierResult<Exchange> send(Call call) {
        CarrierResult<Exchange> result = http.send(call.description(), token -> request(call, token), call.write());
        if (log.isDebugEnabled() && result instanceof CarrierResult.Success<Exchange> s) {
            log.debug("{} {} {} -> HTTP {}", settings.carrierId(), call.method(), URI.create(call.url()).getPath(),
                    s.value().status());
        }
        return result;
    }

    private CarrierRequest request(Call call, String token) {
        CarrierRequest.Builder b = http.http().request(call.url())
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        // TODO(carrier): headers every call needs (an API version, an account id)
        if (call.jsonBody() != null) {
            b.header("Content-Type", "application/json");
        }
        return b.method(call.method(), call.jsonBody()).build();
    }

    /**
     * The token source behind the cache: OAuth 2 client credentials, the client authenticated with HTTP Basic (RFC 6749
     * §2.3.1, each half form-encoded). TODO(carrier): the carrier's token request (client id and secret in the form,
     * a scope or audience, a signed JWT as Connect's).
     */
    private AccessToken fetchToken() throws CarrierCallException, TokenRefused {
        String credentials = form(settings.clientId()) + ":" + form(settings.clientSecret());
        CarrierRequest request = http.http().request(settings.tokenUrl())
                .header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST("grant_type=client_credentials")
                .build();
        CarrierHttpResponse response = http.http().send(request);
        log.debug("{} POST {} (token) -> HTTP {}", settings.carrierId(), URI.create(settings.tokenUrl()).getPath(),
                response.status());
        if (!response.is2xx()) {
            CarrierError error = ExampleCourierErrors.tokenError(settings.carrierId(), response);
            if (error.category() == Category.AUTHENTICATION) {
                throw new TokenRefused(error);
            }
            throw new CarrierCallException(error.category(), false, error.summary(), null);
        }
        return ExampleCourierResponses.accessToken(response.body(), clock.instant())
                .orElseThrow(() -> new CarrierCallException(Category.PROTOCOL, false,
                        "token endpoint answered HTTP " + response.status() + " without a bearer token", null));
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
