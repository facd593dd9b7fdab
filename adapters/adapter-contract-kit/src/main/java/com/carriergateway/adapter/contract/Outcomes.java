package com.carriergateway.adapter.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;

/** Assertions on typed outcomes, with messages that show the whole outcome when they fail. */
public final class Outcomes {

    private Outcomes() {
    }

    @SuppressWarnings("unchecked")
    public static <T> T assertSuccess(CarrierResult<?> result) {
        assertThat(result).as("outcome").isInstanceOf(CarrierResult.Success.class);
        return (T) result.value();
    }

    public static CarrierError assertRefused(CarrierResult<?> result, Category category, String carrierCode) {
        assertThat(result).as("outcome").isInstanceOf(CarrierResult.Refused.class);
        return assertError(((CarrierResult.Refused<?>) result).error(), category, carrierCode);
    }

    public static CarrierError assertPermanentFailure(CarrierResult<?> result, Category category, String carrierCode) {
        assertThat(result).as("outcome").isInstanceOf(CarrierResult.PermanentFailure.class);
        return assertError(((CarrierResult.PermanentFailure<?>) result).error(), category, carrierCode);
    }

    public static CarrierError assertTransientFailure(CarrierResult<?> result, Category category, boolean outcomeUnknown) {
        assertThat(result).as("outcome").isInstanceOf(CarrierResult.TransientFailure.class);
        CarrierResult.TransientFailure<?> t = (CarrierResult.TransientFailure<?>) result;
        assertThat(t.outcomeUnknown()).as("outcomeUnknown of " + result).isEqualTo(outcomeUnknown);
        return assertError(t.error(), category, null);
    }

    private static CarrierError assertError(CarrierError error, Category category, String carrierCode) {
        assertThat(error.category()).as("category of " + error).isEqualTo(category);
        if (carrierCode != null) {
            assertThat(error.carrierCode()).as("carrier code of " + error).isEqualTo(carrierCode);
        }
        return error;
    }
}
