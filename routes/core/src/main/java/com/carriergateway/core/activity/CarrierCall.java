package com.carriergateway.core.activity;

import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.Operation;
import java.time.Instant;

/**
 * One call the gateway made to a carrier (one attempt: a repeated idempotent call is several), or one the circuit
 * breaker or the bulkhead refused to make. Ids, codes and timings only: never what was sent or answered.
 *
 * @param providerOrderId the gateway's order key the call concerned, or null (an address check)
 * @param category the failure's {@link CarrierError.Category}, or null on success
 * @param httpStatus the carrier's HTTP status of a failure, or null (success, no answer)
 */
public record CarrierCall(
        String carrierId,
        String providerOrderId,
        Operation operation,
        Outcome outcome,
        String category,
        String carrierCode,
        Integer httpStatus,
        long latencyMs,
        String requestId,
        Instant occurredAt) {

    /** How a call ended, as the carriers screen counts it. */
    public enum Outcome {
        SUCCESS,
        /** A business refusal: the carrier works, the request was declined. */
        REFUSED,
        TRANSIENT_FAILURE,
        PERMANENT_FAILURE,
        /** Not made: the circuit was open or the bulkhead full. */
        NOT_CALLED;

        /** Whether it says the carrier (or our access to it) is in trouble. */
        public boolean isError() {
            return this == TRANSIENT_FAILURE || this == PERMANENT_FAILURE || this == NOT_CALLED;
        }
    }

    public static CarrierCall of(String carrierId, String providerOrderId, Operation operation,
                                 CarrierResult<?> result, long latencyMs, String requestId, Instant occurredAt) {
        CarrierError error = result.failure().orElse(null);
        Outcome outcome;
        if (result instanceof CarrierResult.Success<?>) {
            outcome = Outcome.SUCCESS;
        } else if (result instanceof CarrierResult.Refused<?>) {
            outcome = Outcome.REFUSED;
        } else if (result instanceof CarrierResult.TransientFailure<?> t) {
            CarrierError.Category c = t.error().category();
            outcome = c == CarrierError.Category.CIRCUIT_OPEN || c == CarrierError.Category.BULKHEAD_FULL
                    ? Outcome.NOT_CALLED : Outcome.TRANSIENT_FAILURE;
        } else {
            outcome = Outcome.PERMANENT_FAILURE;
        }
        return new CarrierCall(carrierId, providerOrderId, operation, outcome,
                error == null ? null : error.category().name(), error == null ? null : error.carrierCode(),
                error == null || error.httpStatus() == 0 ? null : error.httpStatus(), latencyMs, requestId,
                occurredAt);
    }
}
