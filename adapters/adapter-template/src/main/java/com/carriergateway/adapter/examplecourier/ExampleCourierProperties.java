package com.carriergateway.adapter.examplecourier;

import java.time.Duration;
import java.util.Map;

/**
 * {@code gateway.carriers.<id>.*} of an Example Courier instance as the operator writes it, bound by the gateway
 * (relaxed names, durations such as {@code 10s}, maps); {@link ExampleCourierSettings#from} checks it and fills the
 * defaults. Null means "not set".
 *
 * <p>TODO(carrier): one component per configuration key the carrier needs (an account number, a region, a service
 * code…), and the same key in {@link ExampleCourierSettings}, its test and the carrier's page under
 * {@code src/site/markdown/carriers/}.
 *
 * @param serviceLevel the courier's service code per canonical service level ({@code service-level.same_day=rush})
 * @param statusMap overrides of the status map ({@code status-map.picked_up=IN_TRANSIT}, or {@code NONE})
 */
public record ExampleCourierProperties(
        String baseUrl,
        String tokenUrl,
        String clientId,
        String clientSecret,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration tokenRefreshMargin,
        String service,
        Map<String, String> serviceLevel,
        Map<String, String> statusMap) {

    /** Never the secret. */
    @Override
    public String toString() {
        return "ExampleCourierProperties[baseUrl=" + baseUrl + ", clientId=" + clientId + ", clientSecret=(hidden)]";
    }
}
