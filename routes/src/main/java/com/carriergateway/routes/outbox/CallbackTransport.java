package com.carriergateway.routes.outbox;

/** Sends a callback and says how it ended; never throws for a failed send. */
public interface CallbackTransport {

    CallbackResult post(CallbackRequest request);
}
