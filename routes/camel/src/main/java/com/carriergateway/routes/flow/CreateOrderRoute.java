package com.carriergateway.routes.flow;

import com.carriergateway.core.order.BookOrder;
import com.carriergateway.core.order.CreateOrderAnswer;
import com.carriergateway.core.order.CreateOrderCommand;
import com.carriergateway.routes.bestrx.AuthenticatedRequest;
import com.carriergateway.routes.bestrx.BestRxOperation;
import com.carriergateway.routes.bestrx.CreateOrderReader;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * BestRx CreateOrder: authenticate, read the order, book it (the {@link BookOrder} use case: exactly once per order,
 * a repeat gets the first answer), write the answer. Each step hands the next a typed body.
 */
public class CreateOrderRoute extends RouteBuilder {

    private final InboundRequest inbound;
    private final BookOrder bookOrder;
    private final AnswerWriter answers;
    private final Clock clock;

    public CreateOrderRoute(InboundRequest inbound, BookOrder bookOrder, AnswerWriter answers, Clock clock) {
        this.inbound = inbound;
        this.bookOrder = bookOrder;
        this.answers = answers;
        this.clock = clock;
    }

    @Override
    public void configure() {
        from(RouteIds.CREATE_ORDER_URI).routeId(RouteIds.CREATE_ORDER).routeConfigurationId(RouteIds.BESTRX_ERRORS)
                .process(RequestContext.begin(BestRxOperation.CREATE_ORDER))
                .process(inbound::authenticate).id("create-order-authenticate")
                .process(this::readOrder).id("read-order")
                .process(this::bookOrder).id("book-order")
                .process(this::writeAnswer).id("create-order-answer");
    }

    /** AuthenticatedRequest → CreateOrderCommand (400 naming every field at fault). */
    private void readOrder(Exchange e) {
        e.getIn().setBody(CreateOrderReader.read(e.getIn().getBody(AuthenticatedRequest.class), clock.instant()));
    }

    /** CreateOrderCommand → CreateOrderAnswer. */
    private void bookOrder(Exchange e) {
        e.getIn().setBody(bookOrder.book(e.getIn().getBody(CreateOrderCommand.class)));
    }

    /** The first answer, the same for every repeat, stamped with this request's id. */
    private void writeAnswer(Exchange e) {
        answers.stored(e, e.getIn().getBody(CreateOrderAnswer.class).answer());
    }
}
