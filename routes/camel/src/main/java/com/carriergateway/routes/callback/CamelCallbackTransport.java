package com.carriergateway.routes.callback;

import com.carriergateway.core.outbox.CallbackResult;
import com.carriergateway.routes.bestrx.CallbackAnswer;

import com.carriergateway.routes.callback.CallbackTransport;
import com.carriergateway.routes.callback.CallbackRequest;
import com.carriergateway.core.outbox.CallbackResult;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.component.http.HttpMethods;

/**
 * Sends callbacks through camel-http (the project's HTTP stack: pooled connections, Apache HttpClient 5). Each
 * exchange starts empty and carries only the headers the callback needs, because camel-http turns message headers
 * into HTTP headers. The timeout bounds connecting and waiting for the answer; failures are answered, not thrown.
 *
 * <p>The exchange goes straight to the pharmacy's camel-http endpoint, resolved once per URL and timeout. It went
 * through a {@code direct:} route with a dynamic {@code toD} before: Camel parsed and normalised the endpoint URI
 * on every callback, and the route's engine steps cost about a third of the send (benchmark profile,
 * performance.md).
 */
public final class CamelCallbackTransport implements CallbackTransport {

    /** Registry name of the HTTP client settings of callback endpoints. */
    static final String CLIENT_SETTINGS = "bestrxCallbackHttpClient";

    private final CamelContext camel;
    private final ProducerTemplate template;
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();

    public CamelCallbackTransport(ProducerTemplate template) {
        this.template = template;
        this.camel = template.getCamelContext();
        // HttpClient 5 would silently repeat a POST answered 429/503 (and wait out any Retry-After): only the
        // outbox decides retries, with its backoff and the claim lease. A callback needs no cookies, compression
        // or redirects either: fewer steps in the client's chain for every send.
        HttpClientConfigurer plainPosts = builder -> builder.disableAutomaticRetries().disableCookieManagement()
                .disableContentCompression().disableRedirectHandling();
        camel.getRegistry().bind(CLIENT_SETTINGS, HttpClientConfigurer.class, plainPosts);
    }

    @Override
    public CallbackResult post(CallbackRequest request) {
        Exchange done;
        try {
            Endpoint target = endpoints.computeIfAbsent(endpoint(request), camel::getEndpoint);
            done = template.send(target, ex -> {
                var m = ex.getIn();
                // the enum, not the string "POST": camel-http converts a string through the type-converter registry on
                // every send (11 % of the gateway's CPU while pushing statuses, in the benchmark's profile)
                m.setHeader(Exchange.HTTP_METHOD, HttpMethods.POST);
                m.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=UTF-8");
                m.setHeader("Accept", "application/json");
                if (request.authorization() != null) {
                    m.setHeader("Authorization", request.authorization());
                }
                request.headers().forEach(m::setHeader);
                m.setBody(request.body());
            });
        } catch (RuntimeException e) {
            return CallbackResult.fromFailure(e);
        }
        if (done.getException() != null) {
            return CallbackResult.fromFailure(done.getException());
        }
        var answer = done.getMessage();
        Integer status = answer.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status == null) {
            return CallbackResult.fromFailure(new IllegalStateException("no HTTP status"));
        }
        return CallbackAnswer.read(status, answer.getBody(String.class), answer.getHeader("Retry-After", String.class));
    }

    /** The pharmacy's URL as a camel-http endpoint: no exception on 4xx/5xx, the timeout on connect and answer. */
    static String endpoint(CallbackRequest request) {
        long ms = Math.max(1, request.timeout().toMillis());
        String url = request.url().trim();
        return url + (url.contains("?") ? "&" : "?") + "throwExceptionOnFailure=false&followRedirects=false"
                + "&httpClientConfigurer=#" + CLIENT_SETTINGS
                + "&connectTimeout=" + Math.min(ms, 10_000) + "&responseTimeout=" + ms + "&soTimeout=" + ms
                + "&connectionRequestTimeout=" + ms;
    }
}
