package com.carriergateway.app.console;

import com.carriergateway.adapter.AccessTokenState;
import com.carriergateway.core.activity.CarrierCall;
import com.carriergateway.core.activity.CarrierCallStats;
import java.util.List;

/**
 * One carrier instance as the carriers screen shows it: its circuit breaker as resilience4j holds it on this
 * instance, its recent calls as the activity record holds them (all instances), and its token cache.
 *
 * @param circuit CLOSED, OPEN, HALF_OPEN… or {@code n/a} for a carrier without a breaker
 * @param breakerFailureRate the breaker's own failure rate over its window, or -1 until it has enough calls
 * @param token the token cache's state, or null when the adapter holds no token
 */
public record CarrierHealth(String carrierId, List<String> operations, String circuit, float breakerFailureRate,
                     int breakerBufferedCalls, CarrierCallStats recent, AccessTokenState token,
                     List<CarrierCall> lastCalls) {

    public boolean circuitOpen() {
        return "OPEN".equals(circuit) || "FORCED_OPEN".equals(circuit);
    }
}
