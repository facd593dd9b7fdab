package com.carriergateway.routes.webhook;

import com.carriergateway.core.activity.WebhookReceipt;
import com.carriergateway.core.status.StatusMetrics;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
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

    private final WebhookDirectory directory;
    private final StatusMetrics metrics;
    private final Consumer<WebhookReceipt> receipts;

    public WebhookErrorHandling(WebhookDirectory directory, StatusMetrics metrics) {
        this(directory, metrics, r -> { });
    }

    /** @param receipts told of each refused or failed call (the operators' record of inbound webhooks) */
    public WebhookErrorHandling(WebhookDirectory directory, StatusMetrics metrics, Consumer<WebhookReceipt> receipts) {
        this.directory = directory;
        this.metrics = metrics;
        this.receipts = receipts;
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
        String carrier = known(exchange) ? WebhookExchange.carrierId(exchange) : "unknown";
        metrics.webhookCall(carrier, p.error());
        log.info("{} webhook answered {} {}", carrier, p.httpStatus(), p.error());
        receipts.accept(refusal(exchange, WebhookReceipt.Outcome.REFUSED, p.httpStatus(), p.error() + ": "
                + p.getMessage()));
        WebhookExchange.problem(exchange, p.httpStatus(), p.error(), p.getMessage(), echoed(exchange));
    }

    private void answerFailure(Exchange exchange) {
        Throwable t = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String carrier = known(exchange) ? WebhookExchange.carrierId(exchange) : "unknown";
        metrics.webhookCall(carrier, "failed");
        log.error("{} webhook failed inside the gateway: {}", carrier, t.getClass().getName());
        receipts.accept(refusal(exchange, WebhookReceipt.Outcome.FAILED, 503, "unavailable: "
                + t.getClass().getSimpleName()));
        WebhookExchange.problem(exchange, 503, "unavailable",
                "The gateway could not record this call; send it again.", echoed(exchange));
    }

    /** A carrier with an open webhook (metrics name it; an unknown path segment is not a carrier). */
    private boolean known(Exchange exchange) {
        return directory.isOpen(WebhookExchange.carrierId(exchange));
    }

    /** The headers the carrier's protocol echoes, on refusals too. */
    private Map<String, String> echoed(Exchange exchange) {
        if (!known(exchange)) {
            return Map.of();
        }
        try {
            return directory.entry(WebhookExchange.carrierId(exchange)).protocol()
                    .echoed(WebhookExchange.request(exchange));
        } catch (RuntimeException e) {
            return Map.of(); // the body could not be read: answer without echo
        }
    }

    /** The path's carrier id as sent (an unknown one too: probing for webhooks is worth seeing), never the body. */
    private static WebhookReceipt refusal(Exchange exchange, WebhookReceipt.Outcome outcome, int status,
                                          String reason) {
        String carrier = WebhookExchange.carrierId(exchange);
        return new WebhookReceipt(carrier == null ? "?" : carrier.replaceAll("[^A-Za-z0-9._-]", "?"), outcome, status,
                reason, 0, 0, 0, 0, null, WebhookExchange.requestId(exchange), Instant.now());
    }
}
