package com.carriergateway.core.store;

/** Where an order stands in the gateway (not the delivery: that is its DeliveryStatus). */
public enum OrderState {
    /** A request holds the booking lease and is talking to the carrier. */
    BOOKING,
    /** The carrier booked it. */
    BOOKED,
    /** Nothing is booked; a repeat CreateOrder may try again. */
    FAILED,
    /** Cancelled with the carrier (or before anything was booked). */
    CANCELLED
}
