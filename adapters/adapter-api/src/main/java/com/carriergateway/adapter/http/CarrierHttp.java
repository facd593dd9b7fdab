package com.carriergateway.adapter.http;

import com.carriergateway.adapter.CarrierError.Category;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves bytes between an adapter and its carrier over real HTTP, and classifies what went wrong on the way
 * so adapters can tell "never sent" from "sent, answer lost". Bodies are never logged: they carry patient data.
 *
 * <p>Blocking HTTP/1.1 on the caller's thread (Apache HttpClient, classic API) over a pool of keep-alive
 * connections. The JDK's HttpClient, used before, hands every exchange to its selector thread and back through
 * an executor: under CreateOrder load that cost the gateway and the carrier noticeably more CPU per call (see
 * performance.md). No automatic retries (a create must never be sent twice behind the adapter's back), no
 * redirects, cookies or compression.
 */
public final class CarrierHttp {

    private static final Logger log = LoggerFactory.getLogger(CarrierHttp.class);

    /** As many as the default bulkhead lets through to one carrier (max-concurrent-calls, 100). */
    static final int MAX_CONNECTIONS = 100;
    /** A pooled connection idle this long is checked before use: the carrier may have closed it meanwhile. */
    private static final TimeValue VALIDATE_AFTER_IDLE = TimeValue.ofMilliseconds(500);

    private final String carrierId;
    private final Duration requestTimeout;
    private final CloseableHttpClient client;

    public CarrierHttp(String carrierId, Duration connectTimeout, Duration requestTimeout) {
        this.carrierId = carrierId;
        this.requestTimeout = requestTimeout;
        ConnectionConfig connections = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(connectTimeout))
                .setSocketTimeout(Timeout.of(requestTimeout))
                .setValidateAfterInactivity(VALIDATE_AFTER_IDLE)
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(MAX_CONNECTIONS)
                        .setMaxConnPerRoute(MAX_CONNECTIONS)
                        .setDefaultConnectionConfig(connections)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(connectTimeout))
                        .setResponseTimeout(Timeout.of(requestTimeout))
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching()
                .build();
    }

    public String carrierId() {
        return carrierId;
    }

    /** A request to {@code url}; this carrier's timeouts apply when it is sent. */
    public CarrierRequest.Builder request(String url) {
        return CarrierRequest.to(url);
    }

    /**
     * Sends the request and returns whatever the carrier answered, any status included.
     *
     * @throws CarrierCallException when no answer was read; it says whether the request may have arrived
     */
    public CarrierHttpResponse send(CarrierRequest request) throws CarrierCallException {
        long start = System.nanoTime();
        HttpUriRequestBase wire = new HttpUriRequestBase(request.method(), URI.create(request.url()));
        for (CarrierRequest.Header h : request.headers()) {
            wire.addHeader(h.name(), h.value());
        }
        if (request.body() != null) {
            // no content type on the entity: the adapter's own Content-Type header says it
            wire.setEntity(new ByteArrayEntity(request.body().getBytes(StandardCharsets.UTF_8), null));
        }
        try {
            CarrierHttpResponse response = client.execute(wire, answer -> new CarrierHttpResponse(answer.getCode(),
                    headersOf(answer.getHeaders()),
                    answer.getEntity() == null ? "" : EntityUtils.toString(answer.getEntity(), StandardCharsets.UTF_8)));
            if (log.isDebugEnabled()) {
                log.debug("{} {} {} -> {} in {} ms", carrierId, request.method(), wire.getPath(),
                        response.status(), (System.nanoTime() - start) / 1_000_000);
            }
            return response;
        } catch (ConnectTimeoutException e) {
            throw new CarrierCallException(Category.UNAVAILABLE, false, "connect timeout to " + hostOf(request), e);
        } catch (ConnectionRequestTimeoutException e) {
            throw new CarrierCallException(Category.UNAVAILABLE, false,
                    "all " + MAX_CONNECTIONS + " connections to " + hostOf(request) + " busy", e);
        } catch (ConnectException e) {
            throw new CarrierCallException(Category.UNAVAILABLE, false, "connection refused by " + hostOf(request), e);
        } catch (UnknownHostException e) {
            throw new CarrierCallException(Category.UNAVAILABLE, false, "unknown host " + hostOf(request), e);
        } catch (SocketTimeoutException e) {
            throw new CarrierCallException(Category.TIMEOUT, true,
                    "no answer from " + hostOf(request) + " within " + requestTimeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new CarrierCallException(Category.UNAVAILABLE, true,
                    "connection to " + hostOf(request) + " failed: " + e.getClass().getSimpleName(), e);
        }
    }

    private static HttpHeaders headersOf(Header[] headers) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header h : headers) {
            map.computeIfAbsent(h.getName(), n -> new ArrayList<>(1)).add(h.getValue());
        }
        return HttpHeaders.of(map, (name, value) -> true);
    }

    private static String hostOf(CarrierRequest request) {
        URI uri = URI.create(request.url());
        return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }
}
