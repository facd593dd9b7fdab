package com.carriergateway.routes.flow;

import com.carriergateway.core.answer.GatewayProblem;
import com.carriergateway.core.answer.Message;

import com.carriergateway.routes.bestrx.EnvelopeWriter;
import com.carriergateway.routes.http.RequestIds;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.apache.camel.Exchange;

/**
 * Puts a BestRx envelope on the exchange as the HTTP answer. Request headers are dropped first: the HTTP
 * binding would otherwise echo them (Authorization included) back to the caller.
 */
public final class AnswerWriter {

    private final EnvelopeWriter envelopes;

    public AnswerWriter(EnvelopeWriter envelopes) {
        this.envelopes = envelopes;
    }

    public void answer(Exchange exchange, int status, boolean valid, JsonNode data, List<Message> messages) {
        String body = envelopes.write(RequestContext.operation(exchange), valid, data, messages,
                RequestContext.requestId(exchange));
        respond(exchange, status, body);
    }

    /** A stored envelope (the first answer of an order, kept without a request id), stamped with this request's id. */
    public void stored(Exchange exchange, String storedEnvelope) {
        respond(exchange, 200, envelopes.withRequestId(storedEnvelope, RequestContext.requestId(exchange)));
    }

    public void problem(Exchange exchange, GatewayProblem problem) {
        answer(exchange, problem.httpStatus(), false, null, problem.messages());
        if (problem.retryAfterSeconds() != null) {
            exchange.getMessage().setHeader("Retry-After", problem.retryAfterSeconds());
        }
    }

    private static void respond(Exchange exchange, int status, String body) {
        var msg = exchange.getMessage();
        msg.removeHeaders("*");
        msg.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        msg.setHeader(Exchange.CONTENT_TYPE, "application/json");
        msg.setHeader(RequestIds.HEADER, RequestContext.requestId(exchange));
        msg.setBody(body);
    }
}
