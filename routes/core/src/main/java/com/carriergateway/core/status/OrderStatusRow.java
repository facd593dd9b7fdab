package com.carriergateway.core.status;

import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.core.store.OrderState;
import java.time.Instant;

/** The status half of an order row, read under its lock. */
public record OrderStatusRow(
        String providerOrderId,
        String pharmacyId,
        OrderState state,
        String carrierId,
        DeliveryStatus deliveryStatus,
        Instant statusAt,
        int furthestStage,
        long statusSeq) {

    public ProgressionRule.Current current() {
        return new ProgressionRule.Current(deliveryStatus, statusAt, furthestStage);
    }
}
