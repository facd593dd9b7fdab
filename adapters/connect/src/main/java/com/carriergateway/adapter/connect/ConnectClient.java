package com.carriergateway.adapter.connect;

import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.auth.AccessTokenCache;
import com.carriergateway.adapter.http.CarrierCallException;
import com.carriergateway.adapter.auth.AuthorizedHttp;
import com.carriergateway.adapter.http.CarrierHttp;
import com.carriergateway.adapter.http.CarrierHttpResponse;
import com.carriergateway.adapter.http.CarrierRequest;
import com.carriergateway.adapter.http.Origin;
import java.net.URI;
import java.util.function.Function;

/**
 * Moves bytes to and from the Connect API on the client protocol every OAuth adapter shares ({@link AuthorizedHttp}):
 * bearer token, one token refresh plus retry when Connect answers 401, every HTTP answer a success (the caller maps
 * statuses), failures only "no answer" and "no token". Connect's own part: {@code X-API-VERSION} and its JSON
 * content type, and following a {@code Location} only on base-url's origin.
 */
final class ConnectClient {

    static final String JSON = "application/json;charset=UTF-8";

    private final ConnectSettings settings;
    private final AuthorizedHttp http;
    private final URI base;

    ConnectClient(ConnectSettings settings, CarrierHttp http, AccessTokenCache tokens) {
        this.settings = settings;
        this.http = new AuthorizedHttp(http, tokens, null);
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
        if (target == null || !Origin.same(base, target)) {
            return CarrierResult.permanentFailure(CarrierError.of(settings.carrierId, Category.PROTOCOL,
                    "Connect returned a Location that is not on base-url's host; not following it with our token"));
        }
        return getUri(target);
    }

    private CarrierResult<CarrierHttpResponse> getUri(URI uri) {
        return exchange(token -> http.http().request(uri.toString())
                .header("Authorization", "Bearer " + token)
                .header("X-API-VERSION", settings.apiVersion)
                .header("Accept", "application/json")
                .GET()
                .build(), false);
    }

    /** POST a JSON body to a path under base-url. A POST's failure may have taken effect: outcome unknown. */
    CarrierResult<CarrierHttpResponse> postJson(String path, String json) {
        return exchange(token -> http.http().request(settings.baseUrl + path)
                .header("Authorization", "Bearer " + token)
                .header("X-API-VERSION", settings.apiVersion)
                .header("Content-Type", JSON)
                .header("Accept", "application/json")
                .POST(json)
                .build(), true);
    }

    private CarrierResult<CarrierHttpResponse> exchange(Function<String, CarrierRequest> build, boolean writes) {
        return http.send(writes ? "Connect write" : "Connect read", build, writes).map(AuthorizedHttp.Exchange::response);
    }
}
