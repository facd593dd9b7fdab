package com.carriergateway.core.status;

/** How a carrier status reached the gateway. */
public enum StatusOrigin {
    /** The carrier pushed it. */
    WEBHOOK,
    /** The gateway asked for it. */
    POLL,
    /** The pharmacy cancelled the order and the carrier confirmed it (or it was never booked). */
    CANCELLATION
}
