package com.carriergateway.core.outbox;

import com.carriergateway.core.config.GatewayProperties;

/**
 * The edge that puts one status change in front of the pharmacy's system: writes it in that system's shape (BestRx's
 * UpdateOrderStatus), sends it with the ids that let the receiver de-duplicate and correlate it, and reads the answer
 * into a {@link CallbackResult}. Never throws for a failed send: the dispatcher decides what a failure means.
 */
public interface CallbackSender {

    /**
     * @param target the pharmacy's callback settings (URL, credential, timeout); never null
     * @param requestId the attempt's id, also in the gateway's logs
     */
    CallbackResult send(ClaimedCallback change, GatewayProperties.Callback target, String requestId);
}
