package com.carriergateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.app.sandbox.SandboxServers;
import com.carriergateway.core.store.OrderStore;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every kind of bad request gets a BestRx envelope with a code and a 4xx, never a stack trace or a 500,
 * and leaves nothing stored and nothing sent to a carrier.
 */
@GatewayTest
class BadInputEndToEndTest extends EndToEndTest {


    long ordersBefore;
    int pbRequestsBefore;

    @BeforeEach
    void setUp() {
        ordersBefore = store.countOrders();
        pbRequestsBefore = sandboxes.server("pitney-bowes").getAllServeEvents().size();
    }

    void assertRefused(GatewayHttp.Answer a, int status, String code) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.header("Content-Type")).startsWith("application/json");
        assertThat(a.json().get("request_is_valid").asText()).isEqualTo("false");
        assertThat(a.code()).isEqualTo(code);
        assertThat(a.json().at("/messages/0/message").asText()).isNotBlank();
        assertThat(a.json().at("/messages/0/message_type").asInt()).isEqualTo(2);
        assertThat(a.body()).doesNotContain("Exception").doesNotContain("at com.").doesNotContain("at org.");
        assertThat(a.header("X-Request-ID")).isNotBlank();
        assertThat(store.countOrders()).as("orders stored").isEqualTo(ordersBefore);
        assertThat(sandboxes.server("pitney-bowes").getAllServeEvents()).as("carrier calls").hasSize(pbRequestsBefore);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/Order/CreateOrder", "/Order/CancelOrder", "/Address/ValidateAddress"})
    void malformedJsonIs400(String path) {
        assertRefused(gateway.post(path, "{\"bestrx_order_id\": 12", GatewayHttp.DEMO_AUTH, Map.of()), 400, "DIS0004");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/Order/CreateOrder", "/Order/CancelOrder", "/Address/ValidateAddress"})
    void anEmptyBodyIs400(String path) {
        assertRefused(gateway.post(path, "", GatewayHttp.DEMO_AUTH, Map.of()), 400, "DIS0004");
    }

    @Test
    void aJsonArrayInsteadOfAnObjectIs400() {
        assertRefused(gateway.createOrder("[" + Seeds.createOrder(Seeds.nextUniqueId()) + "]"), 400, "DIS0004");
    }

    @Test
    void aWrongContentTypeIs415() {
        assertRefused(gateway.post("/Order/CreateOrder", Seeds.createOrder(Seeds.nextUniqueId()), GatewayHttp.DEMO_AUTH,
                Map.of("Content-Type", "text/plain")), 415, "DIS0005");
        assertRefused(gateway.post("/Order/CreateOrder", "bestrx_order_id=1", GatewayHttp.DEMO_AUTH,
                Map.of("Content-Type", "application/x-www-form-urlencoded")), 415, "DIS0005");
    }

    @Test
    void anOversizedBodyIs413WhetherDeclaredOrStreamed() {
        String huge = Seeds.createOrder(Seeds.nextUniqueId(), j -> j.put("delivery_notes", "x".repeat(400_000)));
        assertRefused(gateway.createOrder(huge), 413, "DIS0006");

        byte[] bytes = huge.getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = gateway.request("/Order/CreateOrder")
                .header("Content-Type", "application/json").header("Authorization", GatewayHttp.DEMO_AUTH)
                .POST(HttpRequest.BodyPublishers.fromPublisher(subscriber -> HttpRequest.BodyPublishers
                        .ofByteArray(bytes).subscribe(subscriber))) // no length: sent chunked
                .build();
        assertRefused(gateway.send(chunked), 413, "DIS0006");
    }

    @Test
    void missingOrWrongCredentialsAre401() {
        String body = Seeds.createOrder(Seeds.nextUniqueId());
        assertRefused(gateway.post("/Order/CreateOrder", body, null, Map.of()), 401, "DIS0000");
        assertRefused(gateway.post("/Order/CreateOrder", body, GatewayHttp.basic("demo-key", "wrong"), Map.of()), 401, "DIS0000");
        assertRefused(gateway.post("/Order/CreateOrder", body, "Bearer demo-secret", Map.of()), 401, "DIS0000");
    }

    @Test
    void aBodyForAnotherPharmacyIs403() {
        String other = Seeds.createOrder(Seeds.nextUniqueId(), j -> ((com.fasterxml.jackson.databind.node.ObjectNode)
                j.get("store")).put("bestrx_pharmacy_id", "11111111-2222-3333-4444-555555555555"));
        assertRefused(gateway.createOrder(other), 403, "DIS0002");
    }

    @Test
    void fieldProblemsAre400AndNameEveryField() {
        GatewayHttp.Answer a = gateway.createOrder(Seeds.createOrder(Seeds.nextUniqueId(), j -> {
            j.put("total_amount", -3);
            j.put("pickup_date", "05/31/2020");
        }));
        assertRefused(a, 400, "DIS0001");
        assertThat(a.json().get("messages")).extracting(m -> m.get("field").asText())
                .containsExactlyInAnyOrder("total_amount", "pickup_date");
    }

    @Test
    void unknownPathsAndWrongMethodsAnswerInEnvelopesToo() {
        assertRefused(gateway.post("/Order/DeleteEverything", "{}", GatewayHttp.DEMO_AUTH, Map.of()), 404, "DIS0010");
        assertRefused(gateway.send(gateway.request("/Order/CreateOrder").GET().build()), 405, "DIS0011");
    }

    @Test
    void theAnswerNeverEchoesTheCallersCredentials() {
        GatewayHttp.Answer a = gateway.createOrder(Seeds.createOrder(Seeds.nextUniqueId(), j -> j.remove("bestrx_order_id")));
        assertThat(a.header("Authorization")).isNull();
        assertThat(a.body()).doesNotContain("demo-secret");
    }

}
