package com.carriergateway.adapter.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.connect.ConnectErrors.Call;
import com.carriergateway.adapter.connect.ConnectErrors.ErrorBody;
import com.carriergateway.adapter.http.CarrierHttpResponse;
import java.net.http.HttpHeaders;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectErrorsTest {

    @Test
    void readsTheAssumedStandardFormatWithFields() {
        assertThat(ConnectErrors.parse("""
                {"errors":[{"code":"VALIDATION","message":"must not be blank","field":"contactName"},
                           {"code":"VALIDATION","message":"is not a valid Australian number","field":"contactPhone"}]}"""))
                .isEqualTo(new ErrorBody("VALIDATION",
                        "contactName: must not be blank; contactPhone: is not a valid Australian number"));
    }

    @Test
    void readsOtherPlausibleShapes() {
        assertThat(ConnectErrors.parse("{\"code\":\"ORDER_NOT_CANCELLABLE\",\"message\":\"too late\"}"))
                .isEqualTo(new ErrorBody("ORDER_NOT_CANCELLABLE", "too late"));
        assertThat(ConnectErrors.parse("{\"error\":\"invalid_client\",\"error_description\":\"bad secret\"}"))
                .isEqualTo(new ErrorBody("invalid_client", "bad secret"));
        assertThat(ConnectErrors.parse("{\"status\":422,\"title\":\"Unprocessable\",\"detail\":\"qualification expired\"}"))
                .isEqualTo(new ErrorBody(null, "qualification expired"));
        assertThat(ConnectErrors.parse("{\"error\":{\"code\":42,\"message\":\"nested\"}}"))
                .isEqualTo(new ErrorBody("42", "nested"));
        assertThat(ConnectErrors.parse("{\"errors\":{\"orderId\":\"must not be null\"}}"))
                .isEqualTo(new ErrorBody(null, "orderId: must not be null"));
        assertThat(ConnectErrors.parse("[\"first\",\"second\"]")).isEqualTo(new ErrorBody(null, "first; second"));
    }

    @Test
    void bodiesThatAreNotJsonGiveNothing() {
        assertThat(ConnectErrors.parse("<html>502 Bad Gateway</html>")).isEqualTo(ErrorBody.NONE);
        assertThat(ConnectErrors.parse("")).isEqualTo(ErrorBody.NONE);
        assertThat(ConnectErrors.parse(null)).isEqualTo(ErrorBody.NONE);
        assertThat(ConnectErrors.parse("\"just text\"")).isEqualTo(ErrorBody.NONE);
    }

    @Test
    void veryLongMessagesAreCapped() {
        String body = "{\"message\":\"" + "x".repeat(2000) + "\"}";

        assertThat(ConnectErrors.parse(body).message()).hasSize(501).endsWith("…");
    }

    @Test
    void statusesMapPerCall() {
        String errors = "{\"errors\":[{\"code\":\"C\",\"message\":\"m\"}]}";
        assertThat(failure(Call.CANCEL, 422, errors)).isInstanceOf(CarrierResult.Refused.class)
                .extracting(r -> r.failure().orElseThrow().category()).isEqualTo(Category.CONFLICT);
        assertThat(failure(Call.CANCEL, 409, errors)).isInstanceOf(CarrierResult.Refused.class);
        assertThat(failure(Call.CREATE, 422, errors)).isInstanceOf(CarrierResult.Refused.class)
                .extracting(r -> r.failure().orElseThrow().category()).isEqualTo(Category.VALIDATION);
        assertThat(failure(Call.CREATE, 400, errors)).isInstanceOf(CarrierResult.PermanentFailure.class);
        assertThat(failure(Call.READ, 401, errors)).isInstanceOf(CarrierResult.PermanentFailure.class)
                .extracting(r -> r.failure().orElseThrow().category()).isEqualTo(Category.AUTHENTICATION);
        assertThat(failure(Call.CANCEL, 403, errors)).isInstanceOf(CarrierResult.PermanentFailure.class)
                .extracting(r -> r.failure().orElseThrow().category()).isEqualTo(Category.AUTHENTICATION);
        assertThat(failure(Call.CANCEL, 429, errors)).isEqualTo(CarrierResult.transientFailure(new CarrierError(
                "connect", Category.RATE_LIMITED, "C", "m", 429, "Connect asked us to slow down (order 1)"), false));
    }

    @Test
    void notFoundSaysConnectMeansEitherUnknownOrNotAuthorised() {
        CarrierResult<Object> r = failure(Call.READ, 404, "");

        assertThat(r).isEqualTo(CarrierResult.permanentFailure(new CarrierError("connect", Category.NOT_FOUND, null,
                null, 404, "Connect answered 404 for order 1: it does not exist, or this client is not authorised to "
                        + "see it (Connect uses 404 for both)")));
        assertThat(failure(Call.FIND, 404, "").failure().orElseThrow().detail()).contains("find-path is an assumption");
    }

    @Test
    void serverErrorsAreTransientAndUnknownOnlyForWrites() {
        assertThat(failure(Call.CREATE, 500, "")).isEqualTo(CarrierResult.transientFailure(new CarrierError("connect",
                Category.UNAVAILABLE, null, null, 500, "Connect failed with HTTP 500 for order 1; it may have taken effect"),
                true));
        assertThat(((CarrierResult.TransientFailure<?>) failure(Call.CANCEL, 502, "")).outcomeUnknown()).isTrue();
        assertThat(((CarrierResult.TransientFailure<?>) failure(Call.READ, 500, "")).outcomeUnknown()).isFalse();
    }

    private static CarrierResult<Object> failure(Call call, int status, String body) {
        return ConnectErrors.failure("connect", call,
                new CarrierHttpResponse(status, HttpHeaders.of(Map.of(), (a, b) -> true), body), "order 1");
    }
}
