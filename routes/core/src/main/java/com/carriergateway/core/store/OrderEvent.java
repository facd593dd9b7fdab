package com.carriergateway.core.store;

import com.carriergateway.adapter.model.DeliveryStatus;
import java.time.Instant;

/** One entry of an order's history. {@code detail} is for operators and never holds patient data. */
public record OrderEvent(
        long id,
        String providerOrderId,
        OrderEventKind kind,
        DeliveryStatus deliveryStatus,
        String carrierId,
        String carrierCode,
        String detail,
        String requestId,
        Instant occurredAt,
        Instant recordedAt) {

    public static OrderEvent of(String providerOrderId, OrderEventKind kind, String carrierId, String detail) {
        return new OrderEvent(0, providerOrderId, kind, null, carrierId, null, detail, null, null, null);
    }

    public OrderEvent withStatus(DeliveryStatus status, Instant occurredAt) {
        return new OrderEvent(id, providerOrderId, kind, status, carrierId, carrierCode, detail, requestId, occurredAt, recordedAt);
    }

    public OrderEvent withCarrierCode(String code) {
        return new OrderEvent(id, providerOrderId, kind, deliveryStatus, carrierId, code, detail, requestId, occurredAt, recordedAt);
    }
}
