package com.carriergateway.core.status;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counters of the status intake: webhook events and calls per carrier, polls per carrier, by outcome. */
public class StatusMetrics {

    private final MeterRegistry meters;

    public StatusMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** @param outcome applied, ignored or unknown_order */
    public void webhookEvent(String carrierId, String outcome) {
        Counter.builder("gateway.webhook.events").description("Carrier webhook status events by outcome")
                .tag("carrier", carrierId).tag("outcome", outcome).register(meters).increment();
    }

    /** @param outcome accepted, unauthorized, not_found, bad_request or failed */
    public void webhookCall(String carrierId, String outcome) {
        Counter.builder("gateway.webhook.requests").description("Carrier webhook calls by outcome")
                .tag("carrier", carrierId).tag("outcome", outcome).register(meters).increment();
    }

    /** @param outcome applied, unchanged, failed or retired */
    public void poll(String carrierId, String outcome) {
        Counter.builder("gateway.status.polls").description("Carrier status polls by outcome")
                .tag("carrier", carrierId).tag("outcome", outcome).register(meters).increment();
    }
}
