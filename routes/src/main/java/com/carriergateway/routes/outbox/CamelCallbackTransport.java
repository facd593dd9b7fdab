package com.carriergateway.routes.outbox;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpMethods;

/**
 * Sends callbacks through the {@link BestRxCallbackRoute}. Each exchange starts empty and carries only the
 * headers the callback needs, because camel-http turns message headers into HTTP headers. The timeout bounds
 * connecting and waiting for the answer; failures are answered, not thrown.
 */
public final class CamelCallbackTransport implements CallbackTransport {

    private final ProducerTemplate template;

    public CamelCallbackTransport(ProducerTemplate template) {
        this.template = template;
    }

    @Override
    public CallbackResult post(CallbackRequest request) {
        Exchange done;
        try {
            done = template.send(BestRxCallbackRoute.URI, ex -> {
                ex.setProperty(BestRxCallbackRoute.ENDPOINT, endpoint(request));
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
        return CallbackResult.fromResponse(status, answer.getBody(String.class), answer.getHeader("Retry-After", String.class));
    }

    /** The pharmacy's URL as a camel-http endpoint: no exception on 4xx/5xx, the timeout on connect and answer. */
    static String endpoint(CallbackRequest request) {
        long ms = Math.max(1, request.timeout().toMillis());
        String url = request.url().trim();
        return url + (url.contains("?") ? "&" : "?") + "throwExceptionOnFailure=false&followRedirects=false"
                + "&httpClientConfigurer=#" + BestRxCallbackRoute.CLIENT_SETTINGS
                + "&connectTimeout=" + Math.min(ms, 10_000) + "&responseTimeout=" + ms + "&soTimeout=" + ms
                + "&connectionRequestTimeout=" + ms;
    }
}
