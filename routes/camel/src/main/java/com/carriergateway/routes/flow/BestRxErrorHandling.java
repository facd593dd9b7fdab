package com.carriergateway.routes.flow;

import com.carriergateway.core.answer.GatewayProblem;
import com.carriergateway.core.answer.MessageCode;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a BestRx flow's failure becomes an answer. A {@link GatewayProblem} is the client's or the
 * carrier's story, told in its envelope. Anything else is our bug: logged with its type and the request id
 * (never its message, which might quote patient data), answered 500 with the request id, no stack trace.
 */
public class BestRxErrorHandling extends RouteConfigurationBuilder {

    private static final Logger log = LoggerFactory.getLogger(BestRxErrorHandling.class);

    private final AnswerWriter answers;

    public BestRxErrorHandling(AnswerWriter answers) {
        this.answers = answers;
    }

    @Override
    public void configuration() {
        routeConfiguration(RouteIds.BESTRX_ERRORS)
                .onException(GatewayProblem.class).handled(true)
                .process(this::answerProblem)
                .end()
                .onException(Exception.class).handled(true)
                .process(this::answerInternalError)
                .end();
    }

    private void answerProblem(Exchange exchange) {
        GatewayProblem p = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, GatewayProblem.class);
        if (p.httpStatus() >= 500) {
            log.warn("{} answered {} {}", RequestContext.operation(exchange), p.httpStatus(),
                    p.messages().isEmpty() ? "" : p.messages().get(0).code().code());
        } else {
            log.info("{} answered {} {}", RequestContext.operation(exchange), p.httpStatus(),
                    p.messages().isEmpty() ? "" : p.messages().get(0).code().code());
        }
        answers.problem(exchange, p);
    }

    private void answerInternalError(Exchange exchange) {
        Throwable t = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        StackTraceElement where = t.getStackTrace().length > 0 ? t.getStackTrace()[0] : null;
        log.error("{} failed inside the gateway: {} at {}", RequestContext.operation(exchange),
                t.getClass().getName(), where);
        answers.problem(exchange, new GatewayProblem(MessageCode.INTERNAL_ERROR,
                "The gateway failed to process this request. Quote request id " + RequestContext.requestId(exchange)
                        + " to the gateway operator."));
    }
}
