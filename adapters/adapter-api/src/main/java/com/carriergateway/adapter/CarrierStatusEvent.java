package com.carriergateway.adapter;

import com.carriergateway.adapter.model.StatusUpdate;

/**
 * A status change a carrier pushed for one of its orders. The order is identified by whatever the carrier
 * sent: its order id, the tracking number, or our order key; at least one is present.
 *
 * @param eventId the carrier's id for this event when it has one, for de-duplication; may be null
 */
public record CarrierStatusEvent(
        String carrierOrderId, String trackingId, String orderKey, String eventId, StatusUpdate update) {
}
