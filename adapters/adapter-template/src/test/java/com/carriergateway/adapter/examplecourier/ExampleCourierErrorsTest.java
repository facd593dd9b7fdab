package com.carriergateway.adapter.examplecourier;

import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.contract.Outcomes;
import com.carriergateway.adapter.examplecourier.ExampleCourierErrors.ErrorBody;
import com.carriergateway.adapter.http.CarrierHttpResponse;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExampleCourierErrorsTest {

    static final String ID = "example-courier";

    @Test
    void readsEachErrorShape() {
        assertThat(ExampleCourierErrors.parse("{\"error\":{\"code\":\"c1\",\"message\":\"m1\",\"field\":\"f\"}}"))
                .isEqualTo(new ErrorBody("c1", "f: m1"));
        assertThat(ExampleCourierErrors.parse("{\"code\":\"c2\",\"message\":\"m2\"}")).isEqualTo(new ErrorBody("c2", "m2"));
        assertThat(ExampleCourierErrors.parse("{\"error\":\"invalid_client\",\"error_description\":\"no\"}"))
                .isEqualTo(new ErrorBody("invalid_client", "no"));
        assertThat(ExampleCourierErrors.parse("<html>Bad gateway</html>")).isEqualTo(ErrorBody.NONE);
        assertThat(ExampleCourierErrors.parse(null)).isEqualTo(ErrorBody.NONE);
    }

    /** status, write, outcome, category, outcome unknown. */
    @ParameterizedTest
    @CsvSource({
            "400, true,  PermanentFailure, VALIDATION,     false",
            "422, true,  PermanentFailure, VALIDATION,     false",
            "401, false, PermanentFailure, AUTHENTICATION, false",
            "403, true,  PermanentFailure, AUTHENTICATION, false",
            "404, false, PermanentFailure, NOT_FOUND,      false",
            "409, true,  Refused,          CONFLICT,       false",
            "408, true,  TransientFailure, TIMEOUT,        true",
            "408, false, TransientFailure, TIMEOUT,        false",
            "429, true,  TransientFailure, RATE_LIMITED,   false",
            "503, true,  TransientFailure, UNAVAILABLE,    false",
            "500, true,  TransientFailure, UNAVAILABLE,    true",
            "502, false, TransientFailure, UNAVAILABLE,    false",
            "302, true,  TransientFailure, PROTOCOL,       true"})
    void theStatusDecidesTheOutcome(int status, boolean write, String outcome, Category category, boolean unknown) {
        CarrierResult<Object> r = ExampleCourierErrors.failure(ID, "create delivery CG-1", write,
                answer(status, Map.of(), "{\"error\":{\"code\":\"x\",\"message\":\"y\"}}"));
        assertThat(r.getClass().getSimpleName()).isEqualTo(outcome);
        CarrierError e = r.failure().orElseThrow();
        assertThat(e.category()).isEqualTo(category);
        assertThat(e.carrierCode()).isEqualTo("x");
        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(e.detail()).contains("HTTP " + status, "create delivery CG-1");
        if (r instanceof CarrierResult.TransientFailure<Object> t) {
            assertThat(t.outcomeUnknown()).isEqualTo(unknown);
        }
    }

    @Test
    void anUndeliverableAddressIsARefusal() {
        Outcomes.assertRefused(ExampleCourierErrors.failure(ID, "create", true, answer(422, Map.of(),
                "{\"error\":{\"code\":\"address_undeliverable\"}}")), Category.UNDELIVERABLE_ADDRESS,
                "address_undeliverable");
    }

    @Test
    void theCarriersRetryAfterIsKeptInSecondsOnly() {
        CarrierResult<Object> r = ExampleCourierErrors.failure(ID, "get", false, answer(503,
                Map.of("Retry-After", List.of("120")), ""));
        assertThat(r.failure().orElseThrow().retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(ExampleCourierErrors.retryAfter("Wed, 21 Oct 2026 07:28:00 GMT")).isNull();
        assertThat(ExampleCourierErrors.retryAfter(null)).isNull();
    }

    @Test
    void theTokenEndpointRefusesCredentialsOnlyWithA4xx() {
        assertThat(ExampleCourierErrors.tokenError(ID, answer(401, Map.of(), "{\"error\":\"invalid_client\"}"))
                .category()).isEqualTo(Category.AUTHENTICATION);
        assertThat(ExampleCourierErrors.tokenError(ID, answer(400, Map.of(), "")).category())
                .isEqualTo(Category.AUTHENTICATION);
        assertThat(ExampleCourierErrors.tokenError(ID, answer(429, Map.of(), "")).category())
                .isEqualTo(Category.RATE_LIMITED);
        assertThat(ExampleCourierErrors.tokenError(ID, answer(502, Map.of(), "")).category())
                .isEqualTo(Category.UNAVAILABLE);
    }

    private static CarrierHttpResponse answer(int status, Map<String, List<String>> headers, String body) {
        return new CarrierHttpResponse(status, HttpHeaders.of(headers, (k, v) -> true), body);
    }
}
