package com.carriergateway.adapter.model;

/** How the gateway points at an order already booked with a carrier. */
public record CarrierOrderRef(String carrierOrderId, String orderKey, String trackingId) {
}
