package com.carriergateway.app.carriers;

import com.carriergateway.routes.carrier.CarrierRegistry;
import com.carriergateway.routes.carrier.CarrierResilience;
import com.carriergateway.routes.carrier.ResilienceProperties;
import com.carriergateway.routes.config.GatewayProperties;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the configured carrier instances from {@code gateway.carriers.*}, each behind its own circuit
 * breaker and bulkhead ({@code gateway.resilience.*}), with their state published as metrics.
 */
@Configuration(proxyBeanMethods = false)
public class CarrierConfiguration {

    @Bean
    CarrierResilience carrierResilience(ResilienceProperties props, MeterRegistry meters) {
        CarrierResilience resilience = new CarrierResilience(props);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(resilience.circuitBreakers()).bindTo(meters);
        TaggedBulkheadMetrics.ofBulkheadRegistry(resilience.bulkheads()).bindTo(meters);
        return resilience;
    }

    @Bean
    CarrierRegistry carrierRegistry(GatewayProperties props, CarrierResilience resilience, Clock clock) {
        return CarrierRegistry.fromConfiguration(props.getCarriers(), clock, resilience);
    }
}
