package com.carriergateway.routes.status;

import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.routes.store.OrderState;
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
