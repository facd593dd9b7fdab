package com.carriergateway.adapter.http;

import com.carriergateway.adapter.CarrierError.Category;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves bytes between an adapter and its carrier over real HTTP, and classifies what went wrong on the way
 * so adapters can tell "never sent" from "sent, answer lost". Bodies are never logged: they carry patient data.
 */
public final class CarrierHttp {

    private static final Logger log = LoggerFactory.getLogger(CarrierHttp.class);

    private final String carrierId;
    private final HttpClient client;
    private final Duration requestTimeout;

    public CarrierHttp(String carrierId, Duration connectTimeout, Duration requestTimeout) {
        this.carrierId = carrierId;
        this.requestTimeout = requestTimeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public String carrierId() {
        return carrierId;
    }

    /** A request builder with this carrier's per-request timeout already set. */
    public HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(java.net.URI.create(url)).timeout(requestTimeout);
    }

    /**
     * Sends the request and returns whatever the carrier answered, any status included.
     *
     * @throws CarrierCallException when no answer was read; it says whether the request may have arrived
     */
    public CarrierHttpResponse send(HttpRequest request) throws CarrierCallException {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (log.isDebugEnabled()) {
                log.debug("{} {} {} -> {} in {} ms", carrierId, request.method(), request.uri().getPath(),
                        response.statusCode(), (System.nanoTime() - start) / 1_000_000);
            }
            return new CarrierHttpResponse(response.statusCode(), response.headers(), response.body());
        } catch (HttpConnectTimeoutException e) {
            throw new CarrierCallException(Category.UNAVAILABLE, false, "connect timeout to " + hostOf(request), e);
        } catch (ConnectException e) {
            throw new CarrierCallException(Category.UNAVAILABLE, false, "connection refused by " + hostOf(request), e);
        } catch (HttpTimeoutException e) {
            throw new CarrierCallException(Category.TIMEOUT, true,
                    "no answer from " + hostOf(request) + " within " + requestTimeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new CarrierCallException(Category.UNAVAILABLE, true,
                    "connection to " + hostOf(request) + " failed: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CarrierCallException(Category.UNAVAILABLE, true, "interrupted", e);
        }
    }

    private static String hostOf(HttpRequest request) {
        return request.uri().getHost() + (request.uri().getPort() > 0 ? ":" + request.uri().getPort() : "");
    }
}
