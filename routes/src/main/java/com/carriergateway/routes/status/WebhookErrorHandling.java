package com.carriergateway.routes.status;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a carrier webhook call fails: a {@link WebhookProblem} (bad credential, unknown carrier, unreadable
 * body) is a 4xx with a JSON error and nothing stored; anything else (the database) is a 503, so the carrier
 * sends the call again; the events already recorded are then repeats and ignored.
 */
public class WebhookErrorHandling extends RouteConfigurationBuilder {

    public static final String ID = "webhook-errors";

    private static final Logger log = LoggerFactory.getLogger(WebhookErrorHandling.class);

    private final StatusMetrics metrics;

    public WebhookErrorHandling(StatusMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(WebhookProblem.class).handled(true)
                .process(this::answerProblem)
                .end()
                .onException(Exception.class).handled(true)
                .process(this::answerFailure)
                .end();
    }

    private void answerProblem(Exchange exchange) {
        WebhookProblem p = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, WebhookProblem.class);
        boolean known = exchange.getProperty(WebhookExchange.ENTRY) != null || p.httpStatus() == 401;
        String carrier = known ? WebhookExchange.carrierId(exchange) : "unknown";
        metrics.webhookCall(carrier, p.error());
        log.info("{} webhook answered {} {}", carrier, p.httpStatus(), p.error());
        WebhookExchange.problem(exchange, p.httpStatus(), p.error(), p.getMessage());
    }

    private void answerFailure(Exchange exchange) {
        Throwable t = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String carrier = exchange.getProperty(WebhookExchange.ENTRY) != null ? WebhookExchange.carrierId(exchange)
                : "unknown";
        metrics.webhookCall(carrier, "failed");
        log.error("{} webhook failed inside the gateway: {}", carrier, t.getClass().getName());
        WebhookExchange.problem(exchange, 503, "unavailable",
                "The gateway could not record this call; send it again.");
    }
}
