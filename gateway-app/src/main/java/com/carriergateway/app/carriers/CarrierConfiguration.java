package com.carriergateway.app.carriers;

import com.carriergateway.core.carrier.CarrierCallMetrics;
import com.carriergateway.core.activity.ActivityLog;
import com.carriergateway.core.carrier.CarrierRegistry;
import com.carriergateway.core.carrier.CarrierResilience;
import com.carriergateway.core.carrier.ResilienceProperties;
import com.carriergateway.core.config.GatewayProperties;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Builds the configured carrier instances from {@code gateway.carriers.*}, each behind its own circuit
 * breaker and bulkhead ({@code gateway.resilience.*}), with their state published as metrics and each call they
 * make timed (gateway.carrier.calls) and told to the activity record.
 */
@Configuration(proxyBeanMethods = false)
public class CarrierConfiguration {

    @Bean
    CarrierResilience carrierResilience(ResilienceProperties props, MeterRegistry meters, ActivityLog activity) {
        CarrierResilience resilience = new CarrierResilience(props,
                new CarrierCallMetrics(meters).andThen(activity::carrierCall));
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(resilience.circuitBreakers()).bindTo(meters);
        TaggedBulkheadMetrics.ofBulkheadRegistry(resilience.bulkheads()).bindTo(meters);
        return resilience;
    }

    @Bean
    CarrierRegistry carrierRegistry(ConfigurableEnvironment env, GatewayProperties props, CarrierResilience resilience,
                                    Clock clock) {
        return CarrierInstances.build(env, props.getCarriers().keySet(), clock, resilience);
    }
}
