package com.carriergateway.routes.callback;

import com.carriergateway.core.outbox.CallbackResult;

/** Sends a callback and says how it ended; never throws for a failed send. */
public interface CallbackTransport {

    CallbackResult post(CallbackRequest request);
}
