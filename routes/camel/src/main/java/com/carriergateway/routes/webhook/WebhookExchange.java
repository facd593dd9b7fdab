package com.carriergateway.routes.webhook;

import com.carriergateway.adapter.webhook.WebhookReply;
import com.carriergateway.adapter.webhook.WebhookRequest;
import com.carriergateway.routes.http.RequestIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.MDC;

/**
 * The HTTP side of a carrier webhook call: its request id ({@link RequestIds}, in the logging context while the call
 * runs), the request as the carrier's protocol sees it (method, headers, the body's raw
 * bytes, read once), and the answer the protocol chose, with the request id added.
 */
final class WebhookExchange {

    /** The webhooks' own JSON: their answers and errors (never a BestRx envelope: the caller is a carrier). */
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CARRIER_ID_HEADER = CarrierWebhookRoute.CARRIER_ID_HEADER;
    static final String REQUEST = "cg.webhook.request";
    static final String REQUEST_ID = "cg.webhook.requestId";

    private WebhookExchange() {
    }

    static void begin(Exchange exchange) {
        String id = RequestIds.of(exchange.getIn().getHeader(RequestIds.HEADER, String.class));
        exchange.setProperty(REQUEST_ID, id);
        MDC.put(RequestIds.MDC_KEY, id);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                MDC.remove(RequestIds.MDC_KEY);
            }
        });
    }

    static String requestId(Exchange exchange) {
        return exchange.getProperty(REQUEST_ID, String.class);
    }

    static String carrierId(Exchange exchange) {
        return exchange.getIn().getHeader(CARRIER_ID_HEADER, String.class);
    }

    /**
     * The call as received: method, the HTTP headers (without Camel's own and the path parameter) and the body's
     * bytes exactly as they arrived, which a signature is computed over. Read once, then kept with the exchange.
     */
    static WebhookRequest request(Exchange exchange) {
        WebhookRequest known = exchange.getProperty(REQUEST, WebhookRequest.class);
        if (known != null) {
            return known;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getIn().getHeaders().forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("camel") || name.equals(CARRIER_ID_HEADER) || value == null) {
                return;
            }
            List<String> values = new ArrayList<>();
            if (value instanceof Iterable<?> many) {
                many.forEach(v -> values.add(String.valueOf(v)));
            } else {
                values.add(String.valueOf(value));
            }
            headers.put(name, values);
        });
        String method = exchange.getIn().getHeader(Exchange.HTTP_METHOD, String.class);
        WebhookRequest request = new WebhookRequest(method, headers, exchange.getIn().getBody(byte[].class));
        exchange.setProperty(REQUEST, request);
        return request;
    }

    /** The protocol's answer, with the request id in the header and, when the body is a JSON object, in it. */
    static void answer(Exchange exchange, WebhookReply reply) {
        String requestId = exchange.getProperty(REQUEST_ID, String.class);
        String body = reply.body();
        if (body != null) {
            try {
                JsonNode node = JSON.readTree(body);
                if (node instanceof ObjectNode object) {
                    object.put("request_id", requestId);
                    body = JSON.writeValueAsString(object);
                }
            } catch (Exception e) {
                // the protocol's body is sent as it is
            }
        }
        var msg = exchange.getMessage();
        // the HTTP binding would otherwise echo every request header, a credential or a signature included
        msg.removeHeaders("*");
        reply.headers().forEach(msg::setHeader);
        msg.setHeader(Exchange.HTTP_RESPONSE_CODE, reply.status());
        msg.setHeader(Exchange.CONTENT_TYPE, "application/json");
        msg.setHeader(RequestIds.HEADER, requestId);
        msg.setBody(body == null ? "" : body);
    }

    /** A JSON error: {@code {"error": …, "message": …}}, with the headers the carrier's protocol echoes. */
    static void problem(Exchange exchange, int status, String error, String message, Map<String, String> echoed) {
        ObjectNode body = JSON.createObjectNode();
        body.put("error", error);
        body.put("message", message);
        Map<String, String> headers = new LinkedHashMap<>(echoed);
        if (status == 401) {
            headers.put("WWW-Authenticate", "Basic realm=\"carrier-gateway-webhooks\"");
        }
        answer(exchange, new WebhookReply(status, headers, body.toString()));
    }
}
