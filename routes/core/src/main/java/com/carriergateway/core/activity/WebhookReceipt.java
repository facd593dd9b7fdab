package com.carriergateway.core.activity;

import java.time.Instant;

/**
 * One call a carrier made to its webhook and how it ended. Never the body: a carrier's event can name the recipient
 * or the signer.
 *
 * @param reason why it was refused or ignored, in the gateway's words, or null
 * @param providerOrderId the order its events concerned when they concerned exactly one known order, else null
 */
public record WebhookReceipt(
        String carrierId,
        Outcome outcome,
        int httpStatus,
        String reason,
        int events,
        int applied,
        int ignored,
        int unknownOrders,
        String providerOrderId,
        String requestId,
        Instant receivedAt) {

    public enum Outcome {
        /** At least one status change was applied. */
        ACCEPTED,
        /** Every event was a repeat of the order's current status: acknowledged, nothing changed. */
        DUPLICATE,
        /** Nothing applied: late, backwards or terminal events, or orders the gateway does not know. */
        IGNORED,
        /** A URL verification the carrier's protocol answered. */
        CHALLENGE,
        /** 4xx: wrong credential, no webhook for that carrier, unreadable body. Nothing was stored. */
        REFUSED,
        /** 503: the gateway could not record it; the carrier sends it again. */
        FAILED
    }
}
