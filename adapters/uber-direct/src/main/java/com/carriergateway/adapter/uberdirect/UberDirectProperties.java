package com.carriergateway.adapter.uberdirect;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code gateway.carriers.<id>.*} of an Uber Direct instance as the operator writes it, bound by the gateway (relaxed
 * names, durations, comma lists); {@link UberDirectSettings#from} checks it and fills the defaults. Every key is
 * documented in {@code src/site/markdown/carriers/uber-direct.md}. Null means "not set".
 *
 * @param customerId Uber's organisation id in every path ({@code /customers/{customer_id}/…}); one per pharmacy
 *     organisation, while the client credentials are the account's
 * @param scheduledWindowStart local time ({@code HH:mm}) a delivery booked for a later date may start, in
 *     {@code time-zone}
 * @param manifestItemNames true to name OTC items in the courier app (never prescriptions)
 * @param dropoffPinCode true to make every recipient give Uber's 4-digit PIN at the door
 * @param statusMap overrides of the Uber status map ({@code status-map.pickup=IN_TRANSIT})
 */
public record UberDirectProperties(
        String baseUrl,
        String tokenUrl,
        String clientId,
        String clientSecret,
        String customerId,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration tokenRefreshMargin,
        String timeZone,
        String scheduledWindowStart,
        String scheduledWindowEnd,
        String manifestItemName,
        String manifestItemSize,
        Boolean manifestItemNames,
        Integer idCheckMinAge,
        Boolean dropoffPinCode,
        Integer findPageSize,
        Integer findMaxPages,
        Boolean fetchSignatureImage,
        Duration signatureImageTimeout,
        List<String> signatureImageHosts,
        Map<String, String> statusMap) {

    /** Never the client secret. */
    @Override
    public String toString() {
        return "UberDirectProperties[baseUrl=" + baseUrl + ", clientId=" + clientId + ", customerId=" + customerId
                + ", credentials=(hidden)]";
    }
}
