package com.carriergateway.routes.api;

import com.carriergateway.routes.bestrx.BestRxOperation;
import com.carriergateway.routes.bestrx.CreateOrderReader;
import com.carriergateway.routes.bestrx.CreateOrderRequest;
import com.carriergateway.routes.bestrx.CreateOrderResponse;
import com.carriergateway.routes.order.BookedOrder;
import com.carriergateway.routes.order.BookingClaim;
import com.carriergateway.routes.order.OrderBooking;
import com.carriergateway.routes.order.RequestFingerprint;
import com.carriergateway.routes.routing.CarrierRouter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** BestRx CreateOrder: authenticate, read, claim the order key, book with the routed carrier, answer. */
public class CreateOrderRoute extends RouteBuilder {

    private static final Logger log = LoggerFactory.getLogger(CreateOrderRoute.class);

    private final InboundRequest inbound;
    private final OrderBooking booking;
    private final CarrierRouter router;
    private final CreateOrderResponse response;
    private final AnswerWriter answers;
    private final Clock clock;

    public CreateOrderRoute(InboundRequest inbound, OrderBooking booking, CarrierRouter router,
                            CreateOrderResponse response, AnswerWriter answers, Clock clock) {
        this.inbound = inbound;
        this.booking = booking;
        this.router = router;
        this.response = response;
        this.answers = answers;
        this.clock = clock;
    }

    @Override
    public void configure() {
        from(RouteIds.CREATE_ORDER_URI).routeId(RouteIds.CREATE_ORDER).routeConfigurationId(RouteIds.BESTRX_ERRORS)
                .process(e -> RequestContext.begin(e, BestRxOperation.CREATE_ORDER))
                .process(inbound::authenticate)
                .process(inbound::readJson)
                .process(this::readOrder)
                .process(this::claimOrderKey)
                .choice()
                    .when(this::isRepeat).process(this::replayFirstAnswer)
                    .otherwise()
                        .process(this::chooseCarrier)
                        .process(this::bookWithCarrier)
                        .process(this::recordAndAnswer)
                .end();
    }

    private void readOrder(Exchange e) {
        CreateOrderRequest req = CreateOrderReader.read(InboundRequest.json(e),
                InboundRequest.pharmacy(e).pharmacyId(), clock.instant());
        e.setProperty(ExchangeKeys.REQUEST, req);
        e.setProperty(ExchangeKeys.FINGERPRINT, RequestFingerprint.of(InboundRequest.json(e)));
    }

    private void claimOrderKey(Exchange e) {
        e.setProperty(ExchangeKeys.CLAIM, booking.claim(request(e), e.getProperty(ExchangeKeys.FINGERPRINT, String.class)));
    }

    private boolean isRepeat(Exchange e) {
        return e.getProperty(ExchangeKeys.CLAIM, BookingClaim.class).isReplay();
    }

    private void replayFirstAnswer(Exchange e) {
        log.info("CreateOrder for order {} repeated: replaying the first answer", request(e).order().orderKey());
        answers.replay(e, e.getProperty(ExchangeKeys.CLAIM, BookingClaim.class).replay());
    }

    private void chooseCarrier(Exchange e) {
        e.setProperty(ExchangeKeys.CARRIER, router.carrierFor(InboundRequest.pharmacy(e), request(e).order()));
    }

    private void bookWithCarrier(Exchange e) {
        e.setProperty(ExchangeKeys.BOOKED, booking.book(request(e), e.getProperty(ExchangeKeys.CARRIER, String.class),
                e.getProperty(ExchangeKeys.CLAIM, BookingClaim.class), InboundRequest.pharmacy(e).failoverCarrier()));
    }

    private void recordAndAnswer(Exchange e) {
        CreateOrderRequest req = request(e);
        BookedOrder booked = e.getProperty(ExchangeKeys.BOOKED, BookedOrder.class);
        ObjectNode data = response.data(req, booked.order(), clock.instant());
        List<Message> messages = new ArrayList<>(req.warnings());
        if (booked.failedOverFrom() != null) {
            messages.add(new Message(MessageCode.CARRIER_FAILOVER, MessageType.WARNING, "Carrier "
                    + booked.failedOverFrom() + " is not answering; the order was booked with the pharmacy's "
                    + "failover carrier " + booked.carrierId() + ".", null, booked.carrierId(), null));
        }
        booking.record(req.order().orderKey(), booked, answers.storable(e, true, data, messages));
        log.info("CreateOrder booked order {} with {} as {}", req.order().orderKey(), booked.carrierId(),
                booked.order().carrierOrderId());
        answers.answer(e, 200, true, data, messages);
    }

    private static CreateOrderRequest request(Exchange e) {
        return e.getProperty(ExchangeKeys.REQUEST, CreateOrderRequest.class);
    }
}
