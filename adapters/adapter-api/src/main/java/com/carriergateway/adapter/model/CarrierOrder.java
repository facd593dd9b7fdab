package com.carriergateway.adapter.model;

/**
 * What a carrier booked for a {@link DeliveryOrder}.
 *
 * @param carrierOrderId the carrier's id, used for every later call (PB {@code orderId}, Connect order id)
 * @param trackingId the tracking number; adapters fall back to the carrier order id when none exists yet
 * @param label null when the carrier issues none
 * @param manifest null when the carrier issues none
 */
public record CarrierOrder(
        String carrierOrderId,
        String trackingId,
        String trackingUrl,
        Document label,
        Document manifest,
        StatusUpdate status) {
}
