package com.carriergateway.routes.status;

/** How a carrier status reached the gateway. */
public enum StatusOrigin {
    /** The carrier pushed it. */
    WEBHOOK,
    /** The gateway asked for it. */
    POLL
}
