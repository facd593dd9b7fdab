package com.carriergateway.routes.outbox;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpClientConfigurer;

/**
 * The UpdateOrderStatus POST itself, through camel-http (the project's HTTP stack): pooled connections, and the
 * call visible as route {@code bestrx-callback} in Camel's metrics. The target endpoint (pharmacy URL with its
 * timeout) comes with the exchange. No error handler: a failure goes back to the dispatcher, which decides the
 * retry; nothing here logs the exchange (its body is health data).
 */
public class BestRxCallbackRoute extends RouteBuilder {

    public static final String ROUTE_ID = "bestrx-callback";
    public static final String URI = "direct:" + ROUTE_ID;
    /** Exchange property holding the camel-http endpoint URI to call. */
    public static final String ENDPOINT = "cg.callbackEndpoint";
    /** Registry name of the HTTP client settings of callback endpoints. */
    public static final String CLIENT_SETTINGS = "bestrxCallbackHttpClient";

    @Override
    public void configure() {
        // HttpClient 5 would silently repeat a POST answered 429/503 (and wait out any Retry-After): only the
        // outbox decides retries, with its backoff and the claim lease
        HttpClientConfigurer noAutomaticRetries = builder -> builder.disableAutomaticRetries();
        getCamelContext().getRegistry().bind(CLIENT_SETTINGS, HttpClientConfigurer.class, noAutomaticRetries);
        from(URI).routeId(ROUTE_ID)
                .errorHandler(noErrorHandler())
                .toD("${exchangeProperty." + ENDPOINT + "}");
    }
}
