package com.carriergateway.routes.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.MDC;

/**
 * The HTTP side of a carrier webhook call: its request id (honoured from {@code X-Request-ID} when sane, in the
 * logging context while the call runs), the headers handed to the adapter, and the JSON answer with the
 * headers the carrier wants echoed (PB: {@code X-PB-ReferenceId}).
 */
final class WebhookExchange {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String CARRIER_ID_HEADER = "carrierId";
    static final String ENTRY = "cg.webhook.entry";
    static final String REQUEST_ID = "cg.webhook.requestId";
    private static final Pattern SANE = Pattern.compile("^[A-Za-z0-9._:-]{1,64}$");
    private static final List<String> DEFAULT_ECHO = new WebhookSettings().getEchoHeaders();

    private WebhookExchange() {
    }

    static void begin(Exchange exchange) {
        String incoming = exchange.getIn().getHeader("X-Request-ID", String.class);
        String id = incoming != null && SANE.matcher(incoming).matches() ? incoming : "wh_" + UUID.randomUUID();
        exchange.setProperty(REQUEST_ID, id);
        MDC.put("requestId", id);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                MDC.remove("requestId");
            }
        });
    }

    static String carrierId(Exchange exchange) {
        return exchange.getIn().getHeader(CARRIER_ID_HEADER, String.class);
    }

    /** The HTTP request headers, without Camel's own, the path parameter and the credential. */
    static Map<String, List<String>> httpHeaders(Exchange exchange) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getIn().getHeaders().forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("camel") || lower.equals("authorization") || name.equals(CARRIER_ID_HEADER)
                    || value == null) {
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
        return headers;
    }

    static void answer(Exchange exchange, int status, ObjectNode body) {
        WebhookDirectory.Entry entry = exchange.getProperty(ENTRY, WebhookDirectory.Entry.class);
        List<String> echo = entry == null ? DEFAULT_ECHO : entry.echoHeaders();
        var msg = exchange.getMessage();
        Map<String, String> echoed = new LinkedHashMap<>();
        for (String name : echo) {
            String value = exchange.getIn().getHeader(name, String.class);
            if (value != null && value.length() <= 200) {
                echoed.put(name, value);
            }
        }
        String requestId = exchange.getProperty(REQUEST_ID, String.class);
        body.put("request_id", requestId);
        // the HTTP binding would otherwise echo every request header, the credential included
        msg.removeHeaders("*");
        echoed.forEach(msg::setHeader);
        msg.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        msg.setHeader(Exchange.CONTENT_TYPE, "application/json");
        msg.setHeader("X-Request-ID", requestId);
        if (status == 401) {
            msg.setHeader("WWW-Authenticate", "Basic realm=\"carrier-gateway-webhooks\"");
        }
        try {
            msg.setBody(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("webhook answer cannot be written", e);
        }
    }

    static void problem(Exchange exchange, int status, String error, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("error", error);
        body.put("message", message);
        answer(exchange, status, body);
    }
}
