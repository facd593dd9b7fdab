package com.carriergateway.adapter.pitneybowes;

import com.carriergateway.adapter.DeliveryCapability;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code gateway.carriers.<id>.*} of a PB instance as the operator writes it, bound by the gateway (relaxed names,
 * durations, comma lists); {@link PitneyBowesSettings#from} checks it and fills the defaults. Every key is documented
 * in {@code src/site/markdown/carriers/pitney-bowes.md}. Null means "not set".
 *
 * @param serviceLevel PB {@code serviceId} per canonical service level ({@code service-level.same_day=…})
 * @param statusMap overrides of the PB status and event code map ({@code status-map.PCK=PICKED_UP})
 * @param refusalCodes PB error codes read as a business refusal; {@code none} for none
 * @param deliveryCapabilities what this PB account's services honour at the door (default: a signature)
 */
public record PitneyBowesProperties(
        String baseUrl,
        String tokenUrl,
        String apiKey,
        String apiSecret,
        String clientId,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration tokenRefreshMargin,
        Duration tokenMaxAge,
        String carrier,
        String serviceId,
        String serviceName,
        Map<String, String> serviceLevel,
        String fromNode,
        String rxSku,
        String trackingUrlTemplate,
        Boolean minimalAddressValidation,
        String findSearchField,
        Map<String, String> statusMap,
        List<String> refusalCodes,
        List<String> alreadyCancelledCodes,
        List<String> duplicateOrderCodes,
        List<String> addressNotVerifiedCodes,
        List<DeliveryCapability> deliveryCapabilities) {

    /** Never the credentials. */
    @Override
    public String toString() {
        return "PitneyBowesProperties[baseUrl=" + baseUrl + ", clientId=" + clientId + ", credentials=(hidden)]";
    }
}
