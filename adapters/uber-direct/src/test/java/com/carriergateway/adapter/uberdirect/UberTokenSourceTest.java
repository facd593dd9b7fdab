package com.carriergateway.adapter.uberdirect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.auth.AccessToken;
import com.carriergateway.adapter.auth.TokenRefused;
import com.carriergateway.adapter.http.CarrierCallException;
import com.carriergateway.adapter.http.CarrierHttpResponse;
import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UberTokenSourceTest {

    static final Instant ASKED = Instant.parse("2026-01-15T10:00:00Z");

    @Test
    void theTokenLivesExpiresInSecondsFromWhenWeAsked() throws Exception {
        AccessToken t = read(200, """
                {"access_token": "tok", "expires_in": 2592000, "token_type": "Bearer", "scope": "eats.deliveries"}""");
        assertThat(t.value()).isEqualTo("tok");
        assertThat(t.expiresAt()).isEqualTo(ASKED.plusSeconds(2592000));
        assertThat(read(200, "{\"access_token\": \"tok\", \"expires_in\": \"3600\"}").expiresAt())
                .isEqualTo(ASKED.plusSeconds(3600));
        assertThat(read(200, "{\"access_token\": \"tok\"}").expiresAt())
                .isEqualTo(ASKED.plus(UberTokenSource.DEFAULT_LIFETIME));
    }

    @Test
    void anAnswerWithoutABearerTokenIsAProtocolProblemNotARefusal() {
        assertCallFails(200, "{\"token_type\": \"Bearer\"}", Category.PROTOCOL);
        assertCallFails(200, "{\"access_token\": \"tok\", \"token_type\": \"mac\"}", Category.PROTOCOL);
        assertCallFails(200, "<html>maintenance</html>", Category.PROTOCOL);
    }

    @Test
    void refusedCredentialsArePermanentAndKeepUbersWordsNotTheSecret() {
        assertThatThrownBy(() -> read(401, "{\"error\": \"invalid_client\", \"error_description\": \"Bad client\"}"))
                .isInstanceOfSatisfying(TokenRefused.class, e -> {
                    CarrierError error = e.error();
                    assertThat(error).isEqualTo(new CarrierError("uber-direct", Category.AUTHENTICATION,
                            "invalid_client", "Bad client", 401, "Uber's token endpoint refused client "
                            + "sandbox-client (HTTP 401); check client-id and client-secret"));
                    assertThat(error.toString()).doesNotContain("sandbox-secret");
                });
        assertThatThrownBy(() -> read(400, "{\"error\": \"invalid_scope\"}")).isInstanceOf(TokenRefused.class);
    }

    @Test
    void aTokenEndpointThatIsDownOrBusyIsTryLater() {
        assertCallFails(503, "", Category.UNAVAILABLE);
        assertCallFails(500, "{\"error\": \"server_error\"}", Category.UNAVAILABLE);
        assertCallFails(400, "{\"error\": \"temporarily_unavailable\"}", Category.UNAVAILABLE);
        assertCallFails(429, "", Category.RATE_LIMITED);
        assertCallFails(302, "", Category.PROTOCOL);
    }

    private static AccessToken read(int status, String body) throws CarrierCallException, TokenRefused {
        return UberTokenSource.read("uber-direct", "sandbox-client",
                new CarrierHttpResponse(status, HttpHeaders.of(Map.of(), (a, b) -> true), body), ASKED);
    }

    private static void assertCallFails(int status, String body, Category category) {
        assertThatThrownBy(() -> read(status, body)).isInstanceOfSatisfying(CarrierCallException.class, e -> {
            assertThat(e.category()).isEqualTo(category);
            assertThat(e.mayHaveArrived()).isFalse();
        });
    }
}
