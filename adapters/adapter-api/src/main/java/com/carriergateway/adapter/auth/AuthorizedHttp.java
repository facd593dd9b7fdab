package com.carriergateway.adapter.auth;

import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.http.CarrierCallException;
import com.carriergateway.adapter.http.CarrierHttp;
import com.carriergateway.adapter.http.CarrierHttpResponse;
import com.carriergateway.adapter.http.CarrierRequest;
import java.util.function.Function;

/**
 * The client protocol every OAuth carrier shares: each call goes out with a bearer token from the cache; a {@code 401}
 * makes the cache forget that token, and the call is sent once more with a new one (a second 401 is the carrier's
 * answer). Every outcome is typed, nothing is thrown:
 * <ul>
 *   <li>an HTTP answer, whatever its status, is a success: the adapter maps statuses with its own error table;</li>
 *   <li>no token: permanent when the token endpoint refused the credentials, else transient; the call was not sent,
 *       so the outcome is never unknown;</li>
 *   <li>no answer: transient, with the outcome unknown only for a {@code write} that may have arrived.</li>
 * </ul>
 * A failure's detail names the call and, when the adapter gives a {@code traceHeader} (PB's
 * {@code X-PB-TransactionId}), its value on the attempt that failed, so the carrier's support can find it.
 */
public final class AuthorizedHttp {

    /** One attempt: what was sent and what came back. */
    public record Exchange(CarrierRequest request, CarrierHttpResponse response) {

        public int status() {
            return response.status();
        }

        public String body() {
            return response.body();
        }
    }

    private final CarrierHttp http;
    private final AccessTokenCache tokens;
    private final String traceHeader;

    public AuthorizedHttp(CarrierHttp http, AccessTokenCache tokens, String traceHeader) {
        this.http = http;
        this.tokens = tokens;
        this.traceHeader = traceHeader;
    }

    public CarrierHttp http() {
        return http;
    }

    /**
     * @param description what the call does, for failure details ("create order")
     * @param withToken builds the request around a token; called once per attempt (a fresh trace id each time)
     * @param write true when the call may change the carrier's state
     */
    public CarrierResult<Exchange> send(String description, Function<String, CarrierRequest> withToken, boolean write) {
        String token;
        try {
            token = tokens.token();
        } catch (TokenRefused e) {
            return CarrierResult.permanentFailure(e.error());
        } catch (CarrierCallException e) {
            return CarrierResult.transientFailure(CarrierError.of(http.carrierId(), e.category(),
                    description + ": no access token: " + e.getMessage()), false);
        }
        CarrierResult<Exchange> first = attempt(description, withToken.apply(token), write);
        if (!(first instanceof CarrierResult.Success<Exchange> s) || s.value().status() != 401) {
            return first;
        }
        // the token was revoked or expired early: one fresh token, one more attempt; a second 401 is final
        tokens.invalidate(token);
        try {
            token = tokens.token();
        } catch (TokenRefused e) {
            return CarrierResult.permanentFailure(e.error());
        } catch (CarrierCallException e) {
            return CarrierResult.transientFailure(CarrierError.of(http.carrierId(), e.category(),
                    description + ": no access token: " + e.getMessage()), false);
        }
        return attempt(description, withToken.apply(token), write);
    }

    private CarrierResult<Exchange> attempt(String description, CarrierRequest request, boolean write) {
        try {
            return CarrierResult.success(new Exchange(request, http.send(request)));
        } catch (CarrierCallException e) {
            return CarrierResult.transientFailure(CarrierError.of(http.carrierId(), e.category(),
                    description + ": " + e.getMessage() + trace(request)), write && e.mayHaveArrived());
        }
    }

    /** " (X-PB-TransactionId …)" for the request, or "" when the adapter traces nothing. */
    public String trace(CarrierRequest request) {
        String value = traceHeader == null ? null : request.header(traceHeader);
        return value == null ? "" : " (" + traceHeader + " " + value + ")";
    }
}
