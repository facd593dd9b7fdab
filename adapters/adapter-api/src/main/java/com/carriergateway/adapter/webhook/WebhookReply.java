package com.carriergateway.adapter.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the gateway answers a webhook call: status, headers, and a JSON body (null for none). */
public record WebhookReply(int status, Map<String, String> headers, String body) {

    public WebhookReply {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** The gateway's usual acknowledgement: {@code {"received":…,"applied":…,"ignored":…,"unknown_orders":…}}. */
    public static WebhookReply tally(int status, WebhookTally t, Map<String, String> headers) {
        return new WebhookReply(status, new LinkedHashMap<>(headers), "{\"received\":" + t.received() + ",\"applied\":"
                + t.applied() + ",\"ignored\":" + t.ignored() + ",\"unknown_orders\":" + t.unknownOrders() + "}");
    }
}
