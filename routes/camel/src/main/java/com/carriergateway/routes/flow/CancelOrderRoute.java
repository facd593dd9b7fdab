package com.carriergateway.routes.flow;

import com.carriergateway.core.order.CancelAnswer;
import com.carriergateway.core.order.CancelOrder;
import com.carriergateway.core.order.CancelOrderCommand;
import com.carriergateway.routes.bestrx.AuthenticatedRequest;
import com.carriergateway.routes.bestrx.BestRxOperation;
import com.carriergateway.routes.bestrx.CancelOrderReader;
import com.carriergateway.routes.bestrx.CancelOrderResponse;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * BestRx CancelOrder: authenticate, read, cancel with the carrier that holds the order (the {@link CancelOrder} use
 * case), write the answer. A refusal is answered 200 with {@code status: false} and the reason: the request was valid,
 * the cancel was not possible.
 */
public class CancelOrderRoute extends RouteBuilder {

    private final InboundRequest inbound;
    private final CancelOrder cancelOrder;
    private final AnswerWriter answers;

    public CancelOrderRoute(InboundRequest inbound, CancelOrder cancelOrder, AnswerWriter answers) {
        this.inbound = inbound;
        this.cancelOrder = cancelOrder;
        this.answers = answers;
    }

    @Override
    public void configure() {
        from(RouteIds.CANCEL_ORDER_URI).routeId(RouteIds.CANCEL_ORDER).routeConfigurationId(RouteIds.BESTRX_ERRORS)
                .process(RequestContext.begin(BestRxOperation.CANCEL_ORDER))
                .process(inbound::authenticate).id("cancel-order-authenticate")
                .process(this::readCancel).id("read-cancel")
                .process(this::cancelOrder).id("cancel-with-carrier")
                .process(this::writeAnswer).id("cancel-order-answer");
    }

    /** AuthenticatedRequest → CancelOrderCommand. */
    private void readCancel(Exchange e) {
        e.getIn().setBody(CancelOrderReader.read(e.getIn().getBody(AuthenticatedRequest.class)));
    }

    /** CancelOrderCommand → (command, CancelAnswer): the answer echoes the command's ids. */
    private void cancelOrder(Exchange e) {
        CancelOrderCommand command = e.getIn().getBody(CancelOrderCommand.class);
        e.getIn().setBody(new Cancelled(command, cancelOrder.cancel(command)));
    }

    private void writeAnswer(Exchange e) {
        Cancelled c = e.getIn().getBody(Cancelled.class);
        CancelAnswer outcome = c.answer();
        answers.answer(e, 200, true, CancelOrderResponse.data(c.command(), outcome.order().providerOrderId(),
                outcome.order().trackingId(), outcome.cancelled(), outcome.reason()), outcome.messages());
    }

    /** A cancel and how it ended. */
    record Cancelled(CancelOrderCommand command, CancelAnswer answer) {
    }
}
