package com.carriergateway.adapter.webhook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How one carrier calls the gateway's webhook, owned by its adapter: who the caller is (checked on the raw request
 * before anything is parsed), how it validates the URL, and what it wants back. The gateway records the events in
 * between; nothing carrier-specific about the HTTP exchange lives outside the adapter.
 *
 * <p>The default for a carrier that needs nothing else is {@link BasicAuthWebhook}: HTTP Basic with the credential
 * configured for it, a JSON tally as the answer.
 */
public interface WebhookProtocol {

    /** Whether this call comes from the carrier. Must not parse the body; must compare secrets in constant time. */
    WebhookVerdict verify(WebhookRequest request);

    /** How {@link #verify} recognises the carrier, as the gateway's API document tells the carrier. */
    WebhookAuthentication authentication();

    /**
     * The answer to a URL-validation challenge (e.g. a GET that asks the receiver to echo a token), when this call is
     * one. It is answered after {@link #verify} accepted it, and nothing is recorded.
     */
    default Optional<WebhookReply> challenge(WebhookRequest request) {
        return Optional.empty();
    }

    /** The answer to a verified call whose events were all recorded. */
    default WebhookReply acknowledge(WebhookRequest request, WebhookTally tally) {
        return WebhookReply.tally(200, tally, Map.of());
    }

    /** Headers of the request to echo in every answer (including refusals), e.g. a reference the carrier traces. */
    default Map<String, String> echoed(WebhookRequest request) {
        return new LinkedHashMap<>();
    }
}
