package com.carriergateway.routes.bestrx;

import com.carriergateway.adapter.model.DeliveryOrder;
import com.carriergateway.routes.api.Message;
import java.util.List;

/**
 * A CreateOrder request after reading: BestRx's ids, the canonical order, and warnings about what the
 * gateway assumed. {@code amountsAddUp} is false when the totals disagree (recorded for the operator).
 */
public record CreateOrderRequest(
        long bestrxOrderId,
        long bestrxUniqueOrderId,
        String pharmacyId,
        DeliveryOrder order,
        boolean amountsAddUp,
        List<Message> warnings) {
}
