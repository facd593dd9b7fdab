package com.carriergateway.adapter.uberdirect;

import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.uberdirect.UberDirectErrors.Call;
import com.carriergateway.adapter.uberdirect.UberDirectErrors.Failure;
import com.carriergateway.adapter.uberdirect.UberDirectErrors.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UberDirectErrorsTest {

    /**
     * Every code of Uber's error table (spec §8, OpenAPI {@code components.examples}), under the status Uber files it,
     * on the call it belongs to: the kind of outcome, its category, and whether the outcome is unknown.
     */
    @ParameterizedTest(name = "{0} {1} on {2}")
    @CsvSource({
            "400, invalid_params,                          CREATE, PERMANENT,          VALIDATION,           false",
            "400, address_undeliverable,                   CREATE, PERMANENT,          UNDELIVERABLE_ADDRESS, false",
            "400, unknown_location,                        CREATE, PERMANENT,          UNDELIVERABLE_ADDRESS, false",
            "400, address_undeliverable_limited_couriers,  CREATE, TRANSIENT,          UNAVAILABLE,          false",
            "422, address_undeliverable_limited_couriers,  CREATE, TRANSIENT,          UNAVAILABLE,          false",
            "400, pickup_window_too_small,                 CREATE, PERMANENT,          VALIDATION,           false",
            "400, dropoff_deadline_too_early,              CREATE, PERMANENT,          VALIDATION,           false",
            "400, dropoff_deadline_before_pickup_deadline, CREATE, PERMANENT,          VALIDATION,           false",
            "400, dropoff_ready_after_pickup_deadline,     CREATE, PERMANENT,          VALIDATION,           false",
            "400, pickup_ready_too_early,                  CREATE, PERMANENT,          VALIDATION,           false",
            "400, pickup_deadline_too_early,               CREATE, PERMANENT,          VALIDATION,           false",
            "400, pickup_ready_too_late,                   CREATE, PERMANENT,          VALIDATION,           false",
            "400, request_timeout,                         CREATE, TRANSIENT,          TIMEOUT,              true",
            "400, expired_quote,                           CREATE, PERMANENT,          VALIDATION,           false",
            "400, used_quote,                              CREATE, PERMANENT,          VALIDATION,           false",
            "400, mismatched_price_quote,                  CREATE, PERMANENT,          VALIDATION,           false",
            "400, missing_payment,                         CREATE, PERMANENT,          AUTHENTICATION,       false",
            "400, not_allowed,                             CREATE, PERMANENT,          VALIDATION,           false",
            "400, noncancelable_delivery,                  CANCEL, REFUSED,            CONFLICT,             false",
            "400, max_tip_exceeded,                        GET,    PERMANENT,          VALIDATION,           false",
            "400, tip_already_recorded_error,              GET,    PERMANENT,          VALIDATION,           false",
            "400, no_tip,                                  GET,    PERMANENT,          VALIDATION,           false",
            "400, invalid_tipping_state,                   GET,    PERMANENT,          VALIDATION,           false",
            "401, unauthorized,                            CREATE, PERMANENT,          AUTHENTICATION,       false",
            "402, customer_suspended,                      CREATE, PERMANENT,          AUTHENTICATION,       false",
            "403, customer_blocked,                        CREATE, PERMANENT,          AUTHENTICATION,       false",
            "404, customer_not_found,                      LIST,   PERMANENT,          AUTHENTICATION,       false",
            "404, delivery_not_found,                      GET,    PERMANENT,          NOT_FOUND,            false",
            "404, delivery_not_found,                      CANCEL, PERMANENT,          NOT_FOUND,            false",
            "408, request_timeout,                         GET,    TRANSIENT,          TIMEOUT,              false",
            "408, request_timeout,                         CANCEL, TRANSIENT,          TIMEOUT,              true",
            "409, duplicate_delivery,                      CREATE, DUPLICATE_DELIVERY, CONFLICT,             false",
            "429, customer_limited,                        CREATE, TRANSIENT,          RATE_LIMITED,         false",
            "400, customer_limited,                        CREATE, TRANSIENT,          RATE_LIMITED,         false",
            "500, internal_server_error,                   CREATE, TRANSIENT,          UNAVAILABLE,          true",
            "500, internal_server_error,                   GET,    TRANSIENT,          UNAVAILABLE,          false",
            "500, unknown_error,                           CANCEL, TRANSIENT,          UNAVAILABLE,          true",
            "503, couriers_busy,                           CREATE, TRANSIENT,          UNAVAILABLE,          false",
            "503, robo_couriers_busy,                      CREATE, TRANSIENT,          UNAVAILABLE,          false",
            "503, service_unavailable,                     LIST,   TRANSIENT,          UNAVAILABLE,          false"})
    void everyDocumentedCodeHasItsOutcome(int status, String code, Call call, Kind kind, Category category,
                                          boolean unknown) {
        Failure f = UberDirectErrors.classify("uber-direct", call, status,
                "{\"code\": \"" + code + "\", \"message\": \"Uber's words\", \"kind\": \"error\"}", null);
        assertThat(f.kind()).isEqualTo(kind);
        assertThat(f.outcomeUnknown()).isEqualTo(unknown);
        assertThat(f.error()).isEqualTo(new CarrierError("uber-direct", category, code, "Uber's words", status,
                f.error().detail()));
        assertThat(f.error().detail()).startsWith("Uber answered HTTP " + status + " to " + call.description + ": ")
                .contains(UberDirectErrors.CODES.get(code).meaning());
        CarrierResult<Object> result = f.toResult();
        switch (kind) {
            case REFUSED, DUPLICATE_DELIVERY -> assertThat(result).isInstanceOf(CarrierResult.Refused.class);
            case PERMANENT -> assertThat(result).isInstanceOf(CarrierResult.PermanentFailure.class);
            case TRANSIENT -> assertThat(result).isInstanceOf(CarrierResult.TransientFailure.class);
        }
    }

    @Test
    void everyErrorCodeInUbersOpenApiExamplesHasARule() throws Exception {
        JsonNode spec;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("uber-openapi/deliveries-openapi.yaml")) {
            spec = new YAMLMapper().readTree(in);
        }
        Set<String> documented = new TreeSet<>();
        spec.path("components").path("examples").forEach(e -> documented.add(e.path("value").path("code").asText()));
        assertThat(documented).hasSizeGreaterThan(30).contains("duplicate_delivery", "robo_couriers_busy");
        assertThat(UberDirectErrors.CODES.keySet()).containsAll(documented);
    }

    @Test
    void accountErrorsSayWhichAccountProblemItIs() {
        assertThat(detail(402, "customer_suspended")).contains("suspended");
        assertThat(detail(403, "customer_blocked")).contains("may not create deliveries");
        assertThat(detail(400, "missing_payment")).contains("billing");
        assertThat(detail(404, "customer_not_found")).contains("customer-id");
    }

    @Test
    void invalidParamsNamesTheMetadataFieldsNeverTheirValues() {
        Failure f = UberDirectErrors.classify("uber-direct", Call.CREATE, 400, """
                {"code": "invalid_params", "message": "The parameters of your request were invalid.", "kind": "error",
                 "metadata": {"dropoff_phone_number": "+1555 is not valid for 500 Second Ave",
                              "param_details": "No geocoding result found"}}""", null);
        assertThat(f.error().detail()).endsWith("metadata fields: dropoff_phone_number, param_details");
        assertThat(f.error().toString()).doesNotContain("+1555").doesNotContain("Second Ave")
                .doesNotContain("geocoding");
    }

    @Test
    void aDuplicateNamesTheExistingDelivery() {
        Failure f = UberDirectErrors.classify("uber-direct", Call.CREATE, 409, """
                {"code": "duplicate_delivery", "message": "An active delivery like this already exists.",
                 "kind": "error", "metadata": {"delivery_id": "del_4y-aAymET6KH9TGTJ-ydxx"}}""", null);
        assertThat(f.deliveryId()).isEqualTo("del_4y-aAymET6KH9TGTJ-ydxx");
    }

    @Test
    void retryAfterIsHonouredOnTransientFailuresOnly() {
        Duration wait = Duration.ofSeconds(30);
        assertThat(UberDirectErrors.classify("uber-direct", Call.CREATE, 429,
                "{\"code\": \"customer_limited\"}", wait).error().retryAfter()).isEqualTo(wait);
        assertThat(UberDirectErrors.classify("uber-direct", Call.CREATE, 503,
                "{\"code\": \"couriers_busy\"}", wait).error().retryAfter()).isEqualTo(wait);
        assertThat(UberDirectErrors.classify("uber-direct", Call.CREATE, 400,
                "{\"code\": \"invalid_params\"}", wait).error().retryAfter()).isNull();
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        Instant now = Instant.parse("2026-01-15T10:00:00Z");
        assertThat(UberDirectErrors.retryAfter("120", now)).isEqualTo(Duration.ofSeconds(120));
        assertThat(UberDirectErrors.retryAfter("Thu, 15 Jan 2026 10:01:30 GMT", now)).isEqualTo(Duration.ofSeconds(90));
        assertThat(UberDirectErrors.retryAfter("Thu, 15 Jan 2026 09:00:00 GMT", now)).isNull();
        assertThat(UberDirectErrors.retryAfter("soon", now)).isNull();
        assertThat(UberDirectErrors.retryAfter(null, now)).isNull();
    }

    @Test
    void anUndocumentedCodeOrABodyThatIsNotJsonFallsBackOnTheStatus() {
        Failure proxy = UberDirectErrors.classify("uber-direct", Call.CREATE, 502, "<html>Bad Gateway</html>", null);
        assertThat(proxy.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(proxy.outcomeUnknown()).isTrue();
        assertThat(proxy.error().carrierCode()).isNull();
        assertThat(UberDirectErrors.classify("uber-direct", Call.CREATE, 503, "Service Unavailable", null)
                .outcomeUnknown()).isFalse();
        assertThat(UberDirectErrors.classify("uber-direct", Call.GET, 418, "{\"code\": \"teapot\"}", null)
                .error().category()).isEqualTo(Category.VALIDATION);
        assertThat(UberDirectErrors.classify("uber-direct", Call.GET, 404, "", null).error().category())
                .isEqualTo(Category.NOT_FOUND);
        assertThat(UberDirectErrors.classify("uber-direct", Call.CANCEL, 409, "{}", null).kind())
                .isEqualTo(Kind.REFUSED);
    }

    private static String detail(int status, String code) {
        return UberDirectErrors.classify("uber-direct", Call.CREATE, status, "{\"code\": \"" + code + "\"}", null)
                .error().detail();
    }
}
