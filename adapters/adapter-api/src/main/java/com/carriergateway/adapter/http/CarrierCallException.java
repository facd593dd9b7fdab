package com.carriergateway.adapter.http;

import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;

/**
 * No usable answer came back from a carrier call.
 * {@code mayHaveArrived} is false only when the request provably never left (connection refused).
 */
public final class CarrierCallException extends Exception {

    private final Category category;
    private final boolean mayHaveArrived;

    public CarrierCallException(Category category, boolean mayHaveArrived, String message, Throwable cause) {
        super(message, cause);
        this.category = category;
        this.mayHaveArrived = mayHaveArrived;
    }

    public Category category() {
        return category;
    }

    public boolean mayHaveArrived() {
        return mayHaveArrived;
    }

    /** The typed outcome for this failure: transient, with the outcome unknown when the request may have arrived. */
    public <T> CarrierResult<T> toResult(String carrierId) {
        return CarrierResult.transientFailure(CarrierError.of(carrierId, category, getMessage()), mayHaveArrived);
    }
}
