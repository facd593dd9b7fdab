package com.carriergateway.routes.bestrx;

import com.carriergateway.core.outbox.CallbackResult;

import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.core.outbox.CallbackResult.Kind;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** BestRx's answers read as documented: only a 2xx with status_updated true (any spelling) counts. */
class CallbackAnswerTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "200 | {\"data\": {}, \"status_updated\": \"true\", \"messages\": []} | DELIVERED",
            "200 | {\"status_updated\": true}                                    | DELIVERED",
            "200 | {\"status_updated\": \"TRUE\"}                                | DELIVERED",
            "201 | {\"status_updated\": \" True \"}                             | DELIVERED",
            "200 | {\"data\": {\"status_updated\": \"true\"}}                    | DELIVERED",
            "200 | {\"status_updated\": \"false\"}                               | REJECTED",
            "200 | {\"status_updated\": false}                                   | REJECTED",
            "200 | {\"status_updated\": 1}                                       | REJECTED",
            "200 | {}                                                            | REJECTED",
            "200 | <html>ok</html>                                               | REJECTED",
            "204 | ''                                                            | REJECTED",
            "429 | ''                                                            | THROTTLED",
            "500 | {\"status_updated\": \"true\"}                                | SERVER_ERROR",
            "503 | Service Unavailable                                           | SERVER_ERROR",
            "401 | {\"status_updated\": \"false\"}                               | CLIENT_ERROR",
            "404 | ''                                                            | CLIENT_ERROR",
            "302 | ''                                                            | CLIENT_ERROR",
    })
    void classifies(int status, String body, Kind expected) {
        assertThat(CallbackAnswer.read(status, body, null).kind()).isEqualTo(expected);
    }

    @Test
    void aRejectionKeepsBestRxMessageCodesButNeverItsText() {
        CallbackResult r = CallbackAnswer.read(200, "{\"status_updated\": \"false\", \"messages\": "
                + "[{\"message_code\": \"DIS0003\", \"message\": \"Order for Jane Joplin not found\"}]}", null);
        assertThat(r.detail()).isEqualTo("HTTP 200, status_updated not true (DIS0003)");
        assertThat(r.detail()).doesNotContain("Jane");
    }

    @Test
    void retryAfterSecondsAreRead() {
        assertThat(CallbackAnswer.read(429, "", "120").retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(CallbackAnswer.read(503, "", "Wed, 21 Oct 2026 07:28:00 GMT").retryAfter()).isNull();
    }

    @Test
    void transportFailuresKeepOnlyTheirType() {
        CallbackResult timeout = CallbackResult.fromFailure(new RuntimeException("wrapped",
                new SocketTimeoutException("Read timed out for https://secret.example/x")));
        assertThat(timeout.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(timeout.detail()).isEqualTo("timed out: SocketTimeoutException");
        CallbackResult refused = CallbackResult.fromFailure(new ConnectException("Connection refused"));
        assertThat(refused.kind()).isEqualTo(Kind.NETWORK);
        assertThat(refused.httpStatus()).isZero();
    }
}
