package com.carriergateway.core.carrier;

import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.CarrierResult;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import com.carriergateway.core.activity.CarrierCall;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Builds each carrier instance's circuit breaker, bulkhead and retry (resilience4j) from {@link ResilienceProperties},
 * with the carrier's typed results classified by predicates: which count against the carrier, which are worth a repeat.
 */
public final class CarrierResilience implements UnaryOperator<CarrierAdapter> {

    private final ResilienceProperties props;
    private final Consumer<CarrierCall> calls;
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    private final BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();

    public CarrierResilience(ResilienceProperties props) {
        this(props, c -> { });
    }

    /** @param calls told of every carrier call each instance makes (the console's activity record) */
    public CarrierResilience(ResilienceProperties props, Consumer<CarrierCall> calls) {
        this.props = props;
        this.calls = calls;
    }

    @Override
    public CarrierAdapter apply(CarrierAdapter carrier) {
        String id = carrier.carrierId();
        ResilienceProperties.Policy p = props.policyFor(id);
        CircuitBreaker breaker = breakers.circuitBreaker(id, CircuitBreakerConfig.custom()
                // only carrier trouble counts: a transient failure the carrier caused (5xx, no answer, unreadable);
                // never a refusal, a rejected request, or a call the breaker or bulkhead itself did not make
                .recordResult(ResilientCarrierAdapter::carrierTrouble)
                .ignoreExceptions(BulkheadFullException.class)
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
        Retry retry = Retry.of(id, RetryConfig.<CarrierResult<?>>custom()
                .maxAttempts(Math.max(1, p.getRetryAttempts()))
                // the pause grows with the attempt: backoff, 2 × backoff, …
                .intervalFunction(IntervalFunction.of(p.getRetryBackoff(), interval -> interval + p.getRetryBackoff().toMillis()))
                .retryOnResult(ResilientCarrierAdapter::worthRepeating)
                .retryOnException(e -> false)
                .failAfterMaxAttempts(false)
                .build());
        return new ResilientCarrierAdapter(carrier, breaker, bulkhead, retry, p, calls);
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
