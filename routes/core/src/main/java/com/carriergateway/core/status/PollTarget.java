package com.carriergateway.core.status;

import com.carriergateway.adapter.model.CarrierOrderRef;
import java.time.Instant;

/** An open order whose status poll this instance has leased. */
public record PollTarget(String providerOrderId, String carrierOrderId, String trackingId, Instant createdAt) {

    public CarrierOrderRef ref() {
        return new CarrierOrderRef(carrierOrderId, providerOrderId, trackingId);
    }
}
