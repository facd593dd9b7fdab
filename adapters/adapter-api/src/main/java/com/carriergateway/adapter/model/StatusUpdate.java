package com.carriergateway.adapter.model;

import java.time.Instant;

/**
 * One observation of an order's delivery status, from a carrier answer, a poll or a webhook.
 *
 * @param reason human-readable clarification, e.g. "recipient not home"; never patient data
 * @param carrierCode the carrier's own status or event code, kept for operators
 * @param proof proof of delivery when the carrier gives it, else null
 */
public record StatusUpdate(
        DeliveryStatus status, String reason, Instant occurredAt, String carrierCode, ProofOfDelivery proof) {

    public static StatusUpdate of(DeliveryStatus status, Instant occurredAt, String carrierCode) {
        return new StatusUpdate(status, null, occurredAt, carrierCode, null);
    }
}
