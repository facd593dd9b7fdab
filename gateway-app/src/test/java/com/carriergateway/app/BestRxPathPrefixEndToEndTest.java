package com.carriergateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * BestRx lets a provider publish its API under a base path: with {@code gateway.bestrx.path-prefix} set, the three
 * calls answer under it and nowhere else, while the carrier webhooks stay at {@code /webhooks/…}. Pins the
 * servlet's mapping (the app maps Camel's servlet to the REST paths, prefix included).
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "gateway.sandbox.ports.pitney-bowes=0",
                "gateway.sandbox.ports.connect=0",
                "gateway.sandbox.ports.bestrx=0",
                "gateway.sandbox.ports.uber-direct=0",
                "spring.datasource.url=jdbc:h2:mem:gateway-prefix-test;DB_CLOSE_DELAY=-1",
                "gateway.bestrx.path-prefix=/bestrx/v1",
        })
class BestRxPathPrefixEndToEndTest extends EndToEndTest {

    @Test
    void theBestRxCallsAnswerUnderThePrefixAndOnlyThere() {
        GatewayHttp.Answer created = gateway.post("/bestrx/v1/Order/CreateOrder",
                GatewayHttp.seed("create-order-seed.json"));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().get("request_is_valid").asText()).isEqualTo("true");

        GatewayHttp.Answer validated = gateway.post("/bestrx/v1/Address/ValidateAddress",
                GatewayHttp.seed("validate-address-seed.json"));
        assertThat(validated.status()).as(validated.body()).isEqualTo(200);

        GatewayHttp.Answer unprefixed = gateway.post("/Order/CreateOrder", GatewayHttp.seed("create-order-seed.json"));
        assertThat(unprefixed.status()).isEqualTo(404);
        assertThat(unprefixed.json().at("/messages/0/message_code").asText()).isEqualTo("DIS0010");
        assertThat(unprefixed.json().get("request_is_valid").asText()).isEqualTo("false");
    }

    @Test
    void carrierWebhooksStayOutsideThePrefix() {
        GatewayHttp.Answer withoutCredential = gateway.post("/webhooks/pitney-bowes", "[]", null, Map.of());
        assertThat(withoutCredential.status()).as("reached the webhook route, which asks for its credential")
                .isEqualTo(401);
    }
}
