package com.carriergateway.routes.carrier;

import com.carriergateway.adapter.CarrierAdapter;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.function.UnaryOperator;

/** Builds each carrier instance's circuit breaker and bulkhead from {@link ResilienceProperties}. */
public final class CarrierResilience implements UnaryOperator<CarrierAdapter> {

    private final ResilienceProperties props;
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    private final BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();

    public CarrierResilience(ResilienceProperties props) {
        this.props = props;
    }

    @Override
    public CarrierAdapter apply(CarrierAdapter carrier) {
        String id = carrier.carrierId();
        ResilienceProperties.Policy p = props.policyFor(id);
        CircuitBreaker breaker = breakers.circuitBreaker(id, CircuitBreakerConfig.custom()
                .failureRateThreshold(p.getFailureRateThreshold())
                .minimumNumberOfCalls(p.getMinimumNumberOfCalls())
                .slidingWindowSize(p.getSlidingWindowSize())
                .waitDurationInOpenState(p.getWaitDurationInOpenState())
                .permittedNumberOfCallsInHalfOpenState(p.getPermittedCallsInHalfOpenState())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build());
        Bulkhead bulkhead = bulkheads.bulkhead(id, BulkheadConfig.custom()
                .maxConcurrentCalls(p.getMaxConcurrentCalls())
                .maxWaitDuration(p.getMaxWaitForCall())
                .build());
        return new ResilientCarrierAdapter(carrier, breaker, bulkhead, p);
    }

    public CircuitBreakerRegistry circuitBreakers() {
        return breakers;
    }

    public BulkheadRegistry bulkheads() {
        return bulkheads;
    }

    public ResilienceProperties.Policy policyFor(String carrierId) {
        return props.policyFor(carrierId);
    }
}
