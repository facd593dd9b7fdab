package com.carriergateway.app;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.Map;

/** Carrier webhooks in, BestRx callbacks out: the status side of a running gateway, over HTTP. */
final class StatusTraffic {

    static final String PB_WEBHOOK = "/webhooks/pitney-bowes";
    static final String PB_WEBHOOK_AUTH = GatewayHttp.basic("demo-pb-webhook", "demo-pb-webhook-secret");
    static final String ADMIN_AUTH = GatewayHttp.basic("demo-admin", "demo-admin-secret");
    static final String CALLBACK_AUTH = GatewayHttp.basic("demo-bestrx", "demo-bestrx-secret");
    private static final ObjectMapper JSON = new ObjectMapper();

    private StatusTraffic() {
    }

    /** One PB tracking event, as PB's webhook sends it (an array of these). */
    static ObjectNode pbEvent(String trackingNumber, String code, String eventDate, String signedBy) {
        ObjectNode e = JSON.createObjectNode();
        e.put("trackingNumber", trackingNumber);
        e.put("eventDate", eventDate);
        e.put("eventCode", code);
        e.put("StandardizedEventCode", code);
        e.put("StandardizedEventDescription", switch (code) {
            case "PSR" -> "Tracking details uploaded";
            case "TRD" -> "In Transit";
            case "OFD" -> "Out for Delivery";
            case "DLD" -> "Delivered";
            default -> code;
        });
        if (signedBy != null) {
            e.put("signedBy", signedBy);
        }
        return e;
    }

    static String batch(ObjectNode... events) {
        ArrayNode a = JSON.createArrayNode();
        for (ObjectNode e : events) {
            a.add(e);
        }
        return a.toString();
    }

    static GatewayHttp.Answer pbWebhook(GatewayHttp gateway, String body) {
        return gateway.post(PB_WEBHOOK, body, PB_WEBHOOK_AUTH, Map.of("X-PB-ReferenceId", "pb-ref-123"));
    }

    /** Every UpdateOrderStatus the BestRx sandbox received for the order, oldest first. */
    static List<LoggedRequest> callbacks(WireMockServer bestRx, String providerOrderId) {
        List<LoggedRequest> all = new java.util.ArrayList<>(bestRx.findAll(postRequestedFor(urlPathEqualTo(
                "/Order/UpdateOrderStatus")).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock
                .matchingJsonPath("$.provider_order_id", equalTo(providerOrderId)))));
        all.sort(java.util.Comparator.comparing(LoggedRequest::getLoggedDate)
                .thenComparing(r -> seq(r)));
        return all;
    }

    /** The change's sequence number, from the Idempotency-Key header ({@code <order>-<seq>}). */
    static long seq(LoggedRequest r) {
        String key = r.getHeader("Idempotency-Key");
        return Long.parseLong(key.substring(key.lastIndexOf('-') + 1));
    }

    static JsonNode json(LoggedRequest r) {
        try {
            return JSON.readTree(r.getBodyAsString());
        } catch (Exception e) {
            throw new AssertionError("callback body is not JSON", e);
        }
    }

    static List<String> codes(List<LoggedRequest> callbacks) {
        return callbacks.stream().map(r -> json(r).at("/order_status/status_code").asText()).toList();
    }
}
