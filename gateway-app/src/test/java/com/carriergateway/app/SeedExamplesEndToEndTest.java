package com.carriergateway.app;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.app.sandbox.SandboxServers;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * BestRx's three published examples, sent verbatim with the demo credentials, as the "done when"
 * asks: each is answered valid with carrier-backed ids, and the PB sandbox received what PB documents.
 */
@GatewayTest
class SeedExamplesEndToEndTest extends EndToEndTest {


    @Test
    void createValidateAndCancelTheSeedOrderVerbatim() {
        WireMockServer pb = sandboxes.server("pitney-bowes");

        GatewayHttp.Answer created = gateway.createOrder(GatewayHttp.seed("create-order-seed.json"));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().get("request_is_valid").asText()).isEqualTo("true");
        String providerOrderId = created.json().at("/data/provider_order_id").asText();
        String trackingId = created.json().at("/data/tracking_id").asText();
        assertThat(providerOrderId).isEqualTo(Seeds.providerOrderId(1001));
        assertThat(trackingId).isNotBlank();

        GatewayHttp.Answer validated = gateway.validateAddress(GatewayHttp.seed("validate-address-seed.json"));
        assertThat(validated.status()).as(validated.body()).isEqualTo(200);
        assertThat(validated.json().get("request_is_valid").asText()).isEqualTo("true");
        JsonNode suggestions = validated.json().at("/data/suggested_address");
        assertThat(suggestions).isNotEmpty();
        assertThat(suggestions.get(0).get("zip_code").asText()).startsWith("60169");
        List<LoggedRequest> verifies = pb.findAll(anyRequestedFor(urlPathMatching("/shippingservices/v1/addresses/verify.*")));
        assertThat(verifies).isNotEmpty();
        assertThat(verifies.get(0).getHeader("Authorization")).startsWith("Bearer ");

        GatewayHttp.Answer cancelled = gateway.cancelOrder(GatewayHttp.seed("cancel-order-seed.json"));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        JsonNode body = cancelled.json();
        assertThat(body.get("request_is_valid").isBoolean()).isTrue();
        assertThat(body.get("request_is_valid").asBoolean()).isTrue();
        assertThat(body.at("/data/status").asBoolean()).isTrue();
        assertThat(body.at("/data/status_reason").asText()).isEqualTo("Success");
        assertThat(body.at("/data/bestrx_order_id").asLong()).as("echoed from the request").isEqualTo(106);
        assertThat(body.at("/data/provider_order_id").asText()).as("echoed from the request").isEqualTo("123456789");
        assertThat(body.at("/messages/0/message_code").asText()).as("the ids the seed sends are not ours")
                .isEqualTo("DIS2005");
        assertThat(body.at("/messages/0/message_type").asInt()).isEqualTo(1);

        List<LoggedRequest> cancels = pb.findAll(putRequestedFor(urlPathMatching(
                "/shippingservices/fulfillment/v1/orders/.+/cancel")));
        assertThat(cancels).anySatisfy(r -> {
            assertThat(r.getUrl()).contains("clientId=demo-client");
            assertThat(r.getHeader("X-PB-TransactionId")).matches("[A-Za-z0-9_-]{1,25}");
            assertThat(r.getBodyAsString()).isEmpty();
        });
    }
}
