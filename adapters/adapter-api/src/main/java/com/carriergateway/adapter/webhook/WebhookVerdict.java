package com.carriergateway.adapter.webhook;

/**
 * Whether a webhook call is the carrier's. A refusal's reason is for the caller and the logs: it names what is
 * missing or wrong, never a secret or what was received.
 */
public record WebhookVerdict(boolean accepted, String reason) {

    public static WebhookVerdict accept() {
        return new WebhookVerdict(true, null);
    }

    public static WebhookVerdict refuse(String reason) {
        return new WebhookVerdict(false, reason);
    }
}
