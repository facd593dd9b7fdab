package com.carriergateway.app.carriers;

import com.carriergateway.routes.carrier.CarrierRegistry;
import com.carriergateway.routes.config.GatewayProperties;
import java.time.Clock;
import java.util.function.UnaryOperator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the configured carrier instances from {@code gateway.carriers.*}. */
@Configuration(proxyBeanMethods = false)
public class CarrierConfiguration {

    @Bean
    CarrierRegistry carrierRegistry(GatewayProperties props, Clock clock) {
        return CarrierRegistry.fromConfiguration(props.getCarriers(), clock, UnaryOperator.identity());
    }
}
