package com.carriergateway.routes.api;

import com.carriergateway.routes.bestrx.BestRxOperation;
import com.carriergateway.routes.bestrx.CancelOrderReader;
import com.carriergateway.routes.bestrx.CancelOrderRequest;
import com.carriergateway.routes.bestrx.CancelOrderResponse;
import com.carriergateway.routes.order.CancelAnswer;
import com.carriergateway.routes.order.OrderCancellation;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * BestRx CancelOrder: authenticate, read, cancel with the carrier that holds the order, answer. A refusal is
 * answered 200 with {@code status: false} and the reason: the request was valid, the cancel was not possible.
 */
public class CancelOrderRoute extends RouteBuilder {

    private final InboundRequest inbound;
    private final OrderCancellation cancellation;
    private final AnswerWriter answers;

    public CancelOrderRoute(InboundRequest inbound, OrderCancellation cancellation, AnswerWriter answers) {
        this.inbound = inbound;
        this.cancellation = cancellation;
        this.answers = answers;
    }

    @Override
    public void configure() {
        from(RouteIds.CANCEL_ORDER_URI).routeId(RouteIds.CANCEL_ORDER).routeConfigurationId(RouteIds.BESTRX_ERRORS)
                .process(e -> RequestContext.begin(e, BestRxOperation.CANCEL_ORDER))
                .process(inbound::authenticate)
                .process(inbound::readJson)
                .process(this::readCancel)
                .process(this::cancelWithCarrier);
    }

    private void readCancel(Exchange e) {
        e.setProperty(ExchangeKeys.REQUEST,
                CancelOrderReader.read(InboundRequest.json(e), InboundRequest.pharmacy(e).pharmacyId()));
    }

    private void cancelWithCarrier(Exchange e) {
        CancelOrderRequest req = e.getProperty(ExchangeKeys.REQUEST, CancelOrderRequest.class);
        CancelAnswer outcome = cancellation.cancel(req);
        answers.answer(e, 200, true, CancelOrderResponse.data(req, outcome.order().providerOrderId(),
                outcome.order().trackingId(), outcome.cancelled(), outcome.reason()), outcome.messages());
    }
}
