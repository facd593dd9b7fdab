package com.carriergateway.core.carrier;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the gateway protects itself and pharmacies from a failing carrier ({@code gateway.resilience.*}):
 * a circuit breaker and a bulkhead per carrier instance (a pharmacy with its own carrier account is its own
 * instance), and retries only where a repeat cannot book twice. {@code carriers.<id>} overrides
 * {@code defaults} field by field.
 */
public class ResilienceProperties {

    private Policy defaults = Policy.builtIn();
    private Map<String, Policy> carriers = new LinkedHashMap<>();

    /** The policy of one carrier instance: its overrides over the defaults over the built-in values. */
    public Policy policyFor(String carrierId) {
        Policy p = carriers.get(carrierId);
        return (p == null ? new Policy() : p).over(defaults.over(Policy.builtIn()));
    }

    public static class Policy {
        /** Percentage of failed calls (5xx, connection failures, timeouts; never 4xx) that opens the circuit. */
        private Integer failureRateThreshold;
        /** Calls counted before the failure rate means anything. */
        private Integer minimumNumberOfCalls;
        /** Most recent calls the failure rate is computed over. */
        private Integer slidingWindowSize;
        /** How long an open circuit refuses calls before letting a few through to test the carrier. */
        private Duration waitDurationInOpenState;
        private Integer permittedCallsInHalfOpenState;
        /** Calls to this carrier in flight at once; more are refused at once (or after max-wait-for-call). */
        private Integer maxConcurrentCalls;
        private Duration maxWaitForCall;
        /** Attempts of an idempotent call (cancel by id, status, lookup, address) on a transient failure. */
        private Integer retryAttempts;
        /** Attempts of a create; a repeat is sent only after a lookup shows the carrier holds no order. */
        private Integer createAttempts;
        /** Pause before a repeat, multiplied by the attempt number. */
        private Duration retryBackoff;

        static Policy builtIn() {
            Policy p = new Policy();
            p.failureRateThreshold = 50;
            p.minimumNumberOfCalls = 10;
            p.slidingWindowSize = 20;
            p.waitDurationInOpenState = Duration.ofSeconds(30);
            p.permittedCallsInHalfOpenState = 3;
            p.maxConcurrentCalls = 100;
            p.maxWaitForCall = Duration.ZERO;
            p.retryAttempts = 2;
            p.createAttempts = 2;
            p.retryBackoff = Duration.ofMillis(200);
            return p;
        }

        /** This policy with its unset fields taken from {@code base}. */
        Policy over(Policy base) {
            Policy p = new Policy();
            p.failureRateThreshold = failureRateThreshold != null ? failureRateThreshold : base.failureRateThreshold;
            p.minimumNumberOfCalls = minimumNumberOfCalls != null ? minimumNumberOfCalls : base.minimumNumberOfCalls;
            p.slidingWindowSize = slidingWindowSize != null ? slidingWindowSize : base.slidingWindowSize;
            p.waitDurationInOpenState = waitDurationInOpenState != null ? waitDurationInOpenState : base.waitDurationInOpenState;
            p.permittedCallsInHalfOpenState = permittedCallsInHalfOpenState != null ? permittedCallsInHalfOpenState
                    : base.permittedCallsInHalfOpenState;
            p.maxConcurrentCalls = maxConcurrentCalls != null ? maxConcurrentCalls : base.maxConcurrentCalls;
            p.maxWaitForCall = maxWaitForCall != null ? maxWaitForCall : base.maxWaitForCall;
            p.retryAttempts = retryAttempts != null ? retryAttempts : base.retryAttempts;
            p.createAttempts = createAttempts != null ? createAttempts : base.createAttempts;
            p.retryBackoff = retryBackoff != null ? retryBackoff : base.retryBackoff;
            return p;
        }

        public Integer getFailureRateThreshold() { return failureRateThreshold; }
        public void setFailureRateThreshold(Integer v) { this.failureRateThreshold = v; }
        public Integer getMinimumNumberOfCalls() { return minimumNumberOfCalls; }
        public void setMinimumNumberOfCalls(Integer v) { this.minimumNumberOfCalls = v; }
        public Integer getSlidingWindowSize() { return slidingWindowSize; }
        public void setSlidingWindowSize(Integer v) { this.slidingWindowSize = v; }
        public Duration getWaitDurationInOpenState() { return waitDurationInOpenState; }
        public void setWaitDurationInOpenState(Duration v) { this.waitDurationInOpenState = v; }
        public Integer getPermittedCallsInHalfOpenState() { return permittedCallsInHalfOpenState; }
        public void setPermittedCallsInHalfOpenState(Integer v) { this.permittedCallsInHalfOpenState = v; }
        public Integer getMaxConcurrentCalls() { return maxConcurrentCalls; }
        public void setMaxConcurrentCalls(Integer v) { this.maxConcurrentCalls = v; }
        public Duration getMaxWaitForCall() { return maxWaitForCall; }
        public void setMaxWaitForCall(Duration v) { this.maxWaitForCall = v; }
        public Integer getRetryAttempts() { return retryAttempts; }
        public void setRetryAttempts(Integer v) { this.retryAttempts = v; }
        public Integer getCreateAttempts() { return createAttempts; }
        public void setCreateAttempts(Integer v) { this.createAttempts = v; }
        public Duration getRetryBackoff() { return retryBackoff; }
        public void setRetryBackoff(Duration v) { this.retryBackoff = v; }
    }

    public Policy getDefaults() { return defaults; }
    public void setDefaults(Policy defaults) { this.defaults = defaults; }
    public Map<String, Policy> getCarriers() { return carriers; }
    public void setCarriers(Map<String, Policy> carriers) { this.carriers = carriers; }
}
