package com.carriergateway.routes.webhook;

import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.CarrierStatusEvent;
import com.carriergateway.adapter.webhook.WebhookReply;
import com.carriergateway.adapter.webhook.WebhookRequest;
import com.carriergateway.adapter.webhook.WebhookTally;
import com.carriergateway.core.activity.WebhookReceipt;
import com.carriergateway.core.status.StatusMetrics;
import com.carriergateway.core.status.CarrierStatusIntake;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A carrier's status push: the carrier's own protocol verifies the sender on the raw request (before anything is
 * parsed), answers a URL challenge if that is what the call is, or its adapter reads the events, the gateway records
 * each (durably, before answering) and the protocol writes the acknowledgement. A refused sender or an unreadable
 * body is a 4xx and stores nothing (see {@link WebhookErrorHandling}). How each call ended (never its body) goes to
 * the {@code receipts} listener, the operators' record of inbound webhooks.
 */
public class CarrierWebhookRoute extends RouteBuilder {

    public static final String ROUTE_ID = "carrier-webhook";
    public static final String URI = "direct:" + ROUTE_ID;
    /** The path parameter naming the carrier ({@code /webhooks/{carrierId}}). */
    public static final String CARRIER_ID_HEADER = "carrierId";
    private static final Logger log = LoggerFactory.getLogger(CarrierWebhookRoute.class);

    /** What the adapter read from a verified call. */
    record ReadEvents(WebhookDirectory.Entry entry, List<CarrierStatusEvent> events) {
    }

    private final WebhookDirectory directory;
    private final CarrierStatusIntake intake;
    private final StatusMetrics metrics;
    private final Consumer<WebhookReceipt> receipts;

    public CarrierWebhookRoute(WebhookDirectory directory, CarrierStatusIntake intake, StatusMetrics metrics) {
        this(directory, intake, metrics, r -> { });
    }

    public CarrierWebhookRoute(WebhookDirectory directory, CarrierStatusIntake intake, StatusMetrics metrics,
                               Consumer<WebhookReceipt> receipts) {
        this.directory = directory;
        this.intake = intake;
        this.metrics = metrics;
        this.receipts = receipts;
    }

    @Override
    public void configure() {
        from(URI).routeId(ROUTE_ID).routeConfigurationId(WebhookErrorHandling.ID)
                .process(WebhookExchange::begin)
                .process(this::verifySender)
                .process(this::answerChallengeOrReadEvents)
                .filter(body().isInstanceOf(ReadEvents.class))
                    .process(this::recordAndAcknowledge)
                .end();
    }

    /** Body: the carrier's directory entry, once its protocol accepted the caller. */
    private void verifySender(Exchange e) {
        e.getIn().setBody(directory.authenticate(WebhookExchange.carrierId(e), WebhookExchange.request(e)));
    }

    /** A URL challenge is answered at once (nothing recorded); otherwise body: the events the adapter read. */
    private void answerChallengeOrReadEvents(Exchange e) {
        WebhookDirectory.Entry entry = e.getIn().getBody(WebhookDirectory.Entry.class);
        WebhookRequest request = WebhookExchange.request(e);
        Optional<WebhookReply> challenge = entry.protocol().challenge(request);
        if (challenge.isPresent()) {
            metrics.webhookCall(entry.carrier().carrierId(), "challenge");
            receipts.accept(new WebhookReceipt(entry.carrier().carrierId(), WebhookReceipt.Outcome.CHALLENGE,
                    challenge.get().status(), null, 0, 0, 0, 0, null, WebhookExchange.requestId(e), Instant.now()));
            WebhookExchange.answer(e, challenge.get());
            return;
        }
        CarrierResult<List<CarrierStatusEvent>> read = entry.carrier().parseWebhook(request);
        if (read instanceof CarrierResult.Success<List<CarrierStatusEvent>> ok) {
            if (!ok.warnings().isEmpty()) {
                log.info("{} webhook: {} event(s) skipped by the adapter: {}", entry.carrier().carrierId(),
                        ok.warnings().size(), ok.warnings());
            }
            e.getIn().setBody(new ReadEvents(entry, ok.value()));
            return;
        }
        if (read instanceof CarrierResult.NotSupported<?>) {
            throw WebhookProblem.notFound("Carrier '" + entry.carrier().carrierId() + "' does not read webhooks.");
        }
        String why = read.failure().map(f -> f.detail() != null ? f.detail() : f.summary()).orElse("unreadable");
        throw WebhookProblem.badRequest("The body is not a " + entry.carrier().carrierId() + " webhook the gateway "
                + "can read: " + why + ".");
    }

    private void recordAndAcknowledge(Exchange e) {
        ReadEvents read = e.getIn().getBody(ReadEvents.class);
        String carrierId = read.entry().carrier().carrierId();
        CarrierStatusIntake.Received received = intake.receive(carrierId, read.events());
        WebhookTally tally = received.tally();
        metrics.webhookCall(carrierId, "accepted");
        receipts.accept(receipt(carrierId, received, WebhookExchange.requestId(e)));
        log.info("{} webhook: {} event(s), {} applied, {} ignored, {} for unknown orders", carrierId,
                tally.received(), tally.applied(), tally.ignored(), tally.unknownOrders());
        WebhookExchange.answer(e, read.entry().protocol().acknowledge(WebhookExchange.request(e), tally));
    }

    /** How the call ended for the operators' record: applied, only repeats, or nothing applied and why. */
    static WebhookReceipt receipt(String carrierId, CarrierStatusIntake.Received received, String requestId) {
        WebhookTally t = received.tally();
        WebhookReceipt.Outcome outcome;
        String reason;
        if (t.applied() > 0) {
            outcome = WebhookReceipt.Outcome.ACCEPTED;
            reason = t.applied() == t.received() ? null : (t.received() - t.applied()) + " of " + t.received()
                    + " event(s) not applied (see the order's history)";
        } else if (t.received() > 0 && received.repeats() == t.received()) {
            outcome = WebhookReceipt.Outcome.DUPLICATE;
            reason = "every event repeats the order's current status";
        } else {
            outcome = WebhookReceipt.Outcome.IGNORED;
            reason = t.received() == 0 ? "no events" : ignoredBecause(t, received.repeats());
        }
        return new WebhookReceipt(carrierId, outcome, 200, reason, t.received(), t.applied(), t.ignored(),
                t.unknownOrders(), received.onlyOrder(), requestId, Instant.now());
    }

    private static String ignoredBecause(WebhookTally t, int repeats) {
        StringBuilder why = new StringBuilder();
        if (repeats > 0) {
            why.append(repeats).append(" repeat(s)");
        }
        int otherIgnored = t.ignored() - repeats;
        if (otherIgnored > 0) {
            why.append(why.length() > 0 ? ", " : "").append(otherIgnored)
                    .append(" late, backwards or after a final status");
        }
        if (t.unknownOrders() > 0) {
            why.append(why.length() > 0 ? ", " : "").append(t.unknownOrders()).append(" for an unknown order");
        }
        return why.toString();
    }
}
