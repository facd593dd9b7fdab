package com.carriergateway.adapter.connect;

import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.auth.AccessTokenCache;
import com.carriergateway.adapter.http.CarrierCallException;
import com.carriergateway.adapter.http.CarrierHttp;
import com.carriergateway.adapter.http.CarrierHttpResponse;
import com.carriergateway.adapter.http.CarrierRequest;
import java.net.URI;
import java.util.function.Function;

/**
 * Moves bytes to and from the Connect API: bearer token, {@code X-API-VERSION}, JSON content type, and one
 * token refresh plus retry when Connect answers 401. It returns every HTTP answer as a success (the caller
 * maps statuses); failures are only "no answer" and "no token".
 */
final class ConnectClient {

    static final String JSON = "application/json;charset=UTF-8";

    private final ConnectSettings settings;
    private final CarrierHttp http;
    private final AccessTokenCache tokens;
    private final URI base;

    ConnectClient(ConnectSettings settings, CarrierHttp http, AccessTokenCache tokens) {
        this.settings = settings;
        this.http = http;
        this.tokens = tokens;
        this.base = URI.create(settings.baseUrl + "/");
    }

    /** GET a path under base-url, e.g. {@code /api/connect/orders/1}. */
    CarrierResult<CarrierHttpResponse> get(String path) {
        return getUri(URI.create(settings.baseUrl + path));
    }

    /**
     * GET a {@code Location} Connect returned, resolved as HTTP does (against the API host). Only followed
     * on base-url's own origin: the bearer token must not travel to another host.
     */
    CarrierResult<CarrierHttpResponse> getLocation(String location) {
        URI target;
        try {
            target = base.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            target = null;
        }
        if (target == null || !sameOrigin(base, target)) {
            return CarrierResult.permanentFailure(CarrierError.of(settings.carrierId, Category.PROTOCOL,
                    "Connect returned a Location that is not on base-url's host; not following it with our token"));
        }
        return getUri(target);
    }

    private CarrierResult<CarrierHttpResponse> getUri(URI uri) {
        return exchange(token -> http.request(uri.toString())
                .header("Authorization", "Bearer " + token)
                .header("X-API-VERSION", settings.apiVersion)
                .header("Accept", "application/json")
                .GET()
                .build(), false);
    }

    /** POST a JSON body to a path under base-url. A POST's failure may have taken effect: outcome unknown. */
    CarrierResult<CarrierHttpResponse> postJson(String path, String json) {
        return exchange(token -> http.request(settings.baseUrl + path)
                .header("Authorization", "Bearer " + token)
                .header("X-API-VERSION", settings.apiVersion)
                .header("Content-Type", JSON)
                .header("Accept", "application/json")
                .POST(json)
                .build(), true);
    }

    private CarrierResult<CarrierHttpResponse> exchange(Function<String, CarrierRequest> build, boolean writes) {
        String token;
        try {
            token = tokens.token();
        } catch (CarrierCallException e) {
            return tokenFailure(e);
        }
        CarrierHttpResponse response;
        try {
            response = http.send(build.apply(token));
            if (response.status() != 401) {
                return CarrierResult.success(response);
            }
        } catch (CarrierCallException e) {
            return noAnswer(e, writes);
        }
        // 401: the token was revoked or expired early. One fresh token, one retry; a second 401 is final.
        tokens.invalidate(token);
        try {
            token = tokens.token();
        } catch (CarrierCallException e) {
            return tokenFailure(e);
        }
        try {
            return CarrierResult.success(http.send(build.apply(token)));
        } catch (CarrierCallException e) {
            return noAnswer(e, writes);
        }
    }

    private <T> CarrierResult<T> noAnswer(CarrierCallException e, boolean writes) {
        // A read that got no answer changed nothing; a write may have arrived.
        return CarrierResult.transientFailure(CarrierError.of(settings.carrierId, e.category(), e.getMessage()),
                writes && e.mayHaveArrived());
    }

    /** No token means no API call was made, so the outcome is never unknown. */
    private <T> CarrierResult<T> tokenFailure(CarrierCallException e) {
        if (e.category() == Category.AUTHENTICATION) {
            ConnectErrors.ErrorBody body = e.getCause() instanceof ConnectTokenSource.Refusal r
                    ? r.body : ConnectErrors.ErrorBody.NONE;
            int status = e.getCause() instanceof ConnectTokenSource.Refusal r ? r.status : 0;
            return CarrierResult.permanentFailure(new CarrierError(settings.carrierId, Category.AUTHENTICATION,
                    body.code(), body.message(), status, e.getMessage()));
        }
        return CarrierResult.transientFailure(CarrierError.of(settings.carrierId, e.category(),
                "no Connect access token: " + e.getMessage()), false);
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
