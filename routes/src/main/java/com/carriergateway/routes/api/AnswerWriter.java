package com.carriergateway.routes.api;

import com.carriergateway.routes.bestrx.BestRxJson;
import com.carriergateway.routes.bestrx.EnvelopeWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /** The envelope without a request id: what is stored and replayed to repeats. */
    public String storable(Exchange exchange, boolean valid, JsonNode data, List<Message> messages) {
        return envelopes.write(RequestContext.operation(exchange), valid, data, messages, null);
    }

    /** Replays a stored envelope, stamped with this request's id. */
    public void replay(Exchange exchange, String stored) {
        String body = stored;
        try {
            ObjectNode node = (ObjectNode) BestRxJson.mapper().readTree(stored);
            node.put("request_id", RequestContext.requestId(exchange));
            body = BestRxJson.mapper().writeValueAsString(node);
        } catch (Exception e) {
            // a stored answer always parses; if it ever did not, replaying it verbatim is still right
        }
        respond(exchange, 200, body);
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
        msg.setHeader(RequestContext.HEADER, RequestContext.requestId(exchange));
        msg.setBody(body);
    }
}
