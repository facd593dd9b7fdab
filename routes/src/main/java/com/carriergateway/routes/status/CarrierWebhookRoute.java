package com.carriergateway.routes.status;

import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.CarrierStatusEvent;
import com.carriergateway.adapter.WebhookRequest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A carrier's status push: authenticate the carrier, let its adapter read the call into status events, record
 * each (durably, before answering), answer 200 with a tally. Bad credentials or an unreadable body are a 4xx
 * and store nothing (see {@link WebhookErrorHandling}).
 */
public class CarrierWebhookRoute extends RouteBuilder {

    public static final String ROUTE_ID = "carrier-webhook";
    public static final String URI = "direct:" + ROUTE_ID;
    private static final String EVENTS = "cg.webhook.events";
    private static final Logger log = LoggerFactory.getLogger(CarrierWebhookRoute.class);

    private final WebhookDirectory directory;
    private final WebhookIntake intake;
    private final StatusMetrics metrics;

    public CarrierWebhookRoute(WebhookDirectory directory, WebhookIntake intake, StatusMetrics metrics) {
        this.directory = directory;
        this.intake = intake;
        this.metrics = metrics;
    }

    @Override
    public void configure() {
        from(URI).routeId(ROUTE_ID).routeConfigurationId(WebhookErrorHandling.ID)
                .process(WebhookExchange::begin)
                .process(this::authenticate)
                .process(this::readEvents)
                .process(this::recordAndAnswer);
    }

    private void authenticate(Exchange e) {
        e.setProperty(WebhookExchange.ENTRY, directory.authenticate(WebhookExchange.carrierId(e),
                e.getIn().getHeader("Authorization", String.class)));
    }

    private void readEvents(Exchange e) {
        WebhookDirectory.Entry entry = e.getProperty(WebhookExchange.ENTRY, WebhookDirectory.Entry.class);
        WebhookRequest request = new WebhookRequest(WebhookExchange.httpHeaders(e), e.getIn().getBody(String.class));
        CarrierResult<List<CarrierStatusEvent>> read = entry.carrier().parseWebhook(request);
        if (read instanceof CarrierResult.Success<List<CarrierStatusEvent>> ok) {
            if (!ok.warnings().isEmpty()) {
                log.info("{} webhook: {} event(s) skipped by the adapter: {}", entry.carrier().carrierId(),
                        ok.warnings().size(), ok.warnings());
            }
            e.setProperty(EVENTS, ok.value());
            return;
        }
        if (read instanceof CarrierResult.NotSupported<?>) {
            throw WebhookProblem.notFound("Carrier '" + entry.carrier().carrierId() + "' does not read webhooks.");
        }
        String why = read.failure().map(f -> f.detail() != null ? f.detail() : f.summary()).orElse("unreadable");
        throw WebhookProblem.badRequest("The body is not a " + entry.carrier().carrierId() + " webhook the gateway "
                + "can read: " + why + ".");
    }

    @SuppressWarnings("unchecked")
    private void recordAndAnswer(Exchange e) {
        String carrierId = WebhookExchange.carrierId(e);
        List<CarrierStatusEvent> events = e.getProperty(EVENTS, List.class);
        WebhookIntake.Tally tally = intake.record(carrierId, events);
        metrics.webhookCall(carrierId, "accepted");
        log.info("{} webhook: {} event(s), {} applied, {} ignored, {} for unknown orders", carrierId,
                tally.received(), tally.applied(), tally.ignored(), tally.unknownOrders());
        ObjectNode body = WebhookExchange.JSON.createObjectNode();
        body.put("received", tally.received());
        body.put("applied", tally.applied());
        body.put("ignored", tally.ignored());
        body.put("unknown_orders", tally.unknownOrders());
        WebhookExchange.answer(e, 200, body);
    }
}
