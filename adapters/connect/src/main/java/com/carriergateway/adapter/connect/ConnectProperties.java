package com.carriergateway.adapter.connect;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code gateway.carriers.<id>.*} of a Connect instance as the operator writes it, bound by the gateway (relaxed names,
 * durations, comma lists; map keys kept as written, so {@code order-defaults.sourceType} stays Connect's field name);
 * {@link ConnectSettings#from} checks it and fills the defaults. Every key and default is listed in
 * {@code src/site/markdown/carriers/connect.md}. Null means "not set".
 */
public record ConnectProperties(
        String baseUrl,
        String tokenUrl,
        String clientId,
        String authMethod,
        String clientSecret,
        String privateKey,
        String privateKeyFile,
        String keyId,
        Duration assertionLifetime,
        String apiVersion,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration tokenRefreshMargin,
        Duration cancelWindow,
        String cancelWindowBoundary,
        List<String> appointmentInactiveStatuses,
        Duration pollInitialDelay,
        Duration pollMaxDelay,
        Duration pollDeadline,
        Map<String, String> orderDefaults,
        Map<String, String> serviceLevel,
        String findPath,
        String orderPath,
        Map<String, String> statusMap) {

    /** Never the secrets. */
    @Override
    public String toString() {
        return "ConnectProperties[baseUrl=" + baseUrl + ", clientId=" + clientId + ", authMethod=" + authMethod + "]";
    }
}
