package com.carriergateway.routes.bestrx;

import com.carriergateway.core.order.CancelOrderCommand;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A cancel outcome → BestRx CancelOrder {@code data}, echoing the request's ids as BestRx documents. */
public final class CancelOrderResponse {

    private CancelOrderResponse() {
    }

    public static ObjectNode data(CancelOrderCommand req, String providerOrderId, String trackingId, boolean cancelled,
                                  String reason) {
        ObjectNode d = BestRxJson.mapper().createObjectNode();
        d.put("bestrx_order_id", req.bestrxOrderId());
        d.put("bestrx_unique_order_id", req.bestrxUniqueOrderId());
        d.put("provider_order_id", req.providerOrderId() != null ? req.providerOrderId() : providerOrderId);
        d.put("tracking_id", req.trackingId() != null ? req.trackingId() : trackingId == null ? "" : trackingId);
        d.put("status", cancelled);
        d.put("status_reason", reason);
        return d;
    }
}
