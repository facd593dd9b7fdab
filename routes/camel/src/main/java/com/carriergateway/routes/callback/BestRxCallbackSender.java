package com.carriergateway.routes.callback;

import com.carriergateway.adapter.credential.BasicCredential;
import com.carriergateway.core.config.GatewayProperties;
import com.carriergateway.core.outbox.CallbackResult;
import com.carriergateway.core.outbox.CallbackSender;
import com.carriergateway.core.outbox.ClaimedCallback;
import com.carriergateway.routes.bestrx.BestRxCallbackWriter;
import java.time.Duration;
import java.util.Map;

/**
 * A status change to BestRx: its UpdateOrderStatus body, Basic authentication with the pharmacy's callback credential,
 * {@code Idempotency-Key: <order>-<seq>} (the same on every send of the change, so BestRx can drop a resend) and the
 * attempt's {@code X-Request-ID}, posted through camel-http; BestRx's answer read by {@link
 * com.carriergateway.routes.bestrx.CallbackAnswer}.
 */
public final class BestRxCallbackSender implements CallbackSender {

    private final BestRxCallbackWriter writer;
    private final CallbackTransport transport;

    public BestRxCallbackSender(BestRxCallbackWriter writer, CallbackTransport transport) {
        this.writer = writer;
        this.transport = transport;
    }

    @Override
    public CallbackResult send(ClaimedCallback change, GatewayProperties.Callback target, String requestId) {
        String body;
        try {
            body = writer.write(change);
        } catch (RuntimeException e) {
            // a configuration gap (status code table) or an unreadable stored proof: retried, then dead-lettered
            return new CallbackResult(CallbackResult.Kind.NOT_CONFIGURED, 0, e.getMessage(), null);
        }
        Duration timeout = target.getTimeout() == null ? Duration.ofSeconds(30) : target.getTimeout();
        return transport.post(new CallbackRequest(target.getUrl(), authorization(target), timeout, body,
                Map.of("Idempotency-Key", change.providerOrderId() + "-" + change.seq(), "X-Request-ID", requestId)));
    }

    private static String authorization(GatewayProperties.Callback c) {
        if (c.getUsername() == null || c.getUsername().isBlank()) {
            return null;
        }
        return new BasicCredential(c.getUsername(), c.getPassword() == null ? "" : c.getPassword()).header();
    }
}
