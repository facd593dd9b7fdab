package com.carriergateway.adapter.uberdirect;

import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.AccessTokenState;
import com.carriergateway.adapter.auth.AccessTokenCache;
import com.carriergateway.adapter.auth.AuthorizedHttp;
import com.carriergateway.adapter.auth.AuthorizedHttp.Exchange;
import com.carriergateway.adapter.http.CarrierHttp;
import com.carriergateway.adapter.http.CarrierRequest;
import java.net.URI;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP to the Uber Direct API on the client protocol every OAuth adapter shares ({@link AuthorizedHttp}):
 * client-credentials tokens cached until shortly before {@code expires_in}, {@code Authorization: Bearer}, one token
 * refresh and retry when Uber answers 401, typed outcomes. Uber documents no request id to trace, so none is sent.
 * Logs method, path and status at debug; never bodies (patient data) or tokens.
 */
final class UberDirectClient {

    private static final Logger log = LoggerFactory.getLogger(UberDirectClient.class);

    private final AuthorizedHttp http;
    private final AccessTokenCache tokens;

    UberDirectClient(UberDirectSettings settings, Clock clock) {
        CarrierHttp transport = new CarrierHttp(settings.carrierId(), settings.connectTimeout(),
                settings.requestTimeout());
        this.tokens = new AccessTokenCache(new UberTokenSource(settings, transport, clock), clock,
                settings.tokenRefreshMargin());
        this.http = new AuthorizedHttp(transport, tokens, null);
    }

    /** Whether a token is held and until when (never the token), for the operators' carriers screen. */
    AccessTokenState tokenState() {
        return tokens.state();
    }

    /** A read. Any HTTP answer is a success; the caller maps its status. */
    CarrierResult<Exchange> get(String description, String url) {
        return send(description, "GET", url, null, false);
    }

    /** A JSON POST that changes Uber's state: a failure after sending leaves the outcome unknown. */
    CarrierResult<Exchange> postJson(String description, String url, String json) {
        return send(description, "POST", url, json, true);
    }

    /** A POST without a body (Cancel Delivery), so without a Content-Type. */
    CarrierResult<Exchange> post(String description, String url) {
        return send(description, "POST", url, null, true);
    }

    private CarrierResult<Exchange> send(String description, String method, String url, String json, boolean write) {
        CarrierResult<Exchange> result = http.send(description, token -> {
            CarrierRequest.Builder b = http.http().request(url)
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json");
            if (json != null) {
                b.header("Content-Type", "application/json");
            }
            return b.method(method, json).build();
        }, write);
        if (log.isDebugEnabled() && result instanceof CarrierResult.Success<Exchange> s) {
            log.debug("Uber {} {} -> HTTP {}", method, URI.create(url).getPath(), s.value().status());
        }
        return result;
    }
}
