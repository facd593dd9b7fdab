package com.carriergateway.app;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.app.sandbox.SandboxServers;
import com.carriergateway.core.store.OrderEventKind;
import com.carriergateway.core.store.OrderState;
import com.carriergateway.core.store.OrderStore;
import com.carriergateway.core.store.StoredOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Given a BestRx CreateOrder, when routed to Pitney Bowes, then PB receives exactly this and BestRx gets that back. */
@GatewayTest
class CreateOrderEndToEndTest extends EndToEndTest {

    static final String PB_ORDERS = "/shippingservices/fulfillment/v1/orders";


    WireMockServer pb;

    @BeforeEach
    void setUp() {
        pb = sandboxes.server("pitney-bowes");
    }

    List<LoggedRequest> pbCreatesFor(String providerOrderId) {
        return pb.findAll(postRequestedFor(urlPathEqualTo(PB_ORDERS))
                .withRequestBody(matchingJsonPath("$.clientOrderId", com.github.tomakehurst.wiremock.client.WireMock.equalTo(providerOrderId))));
    }

    @Test
    void theSeedOrderIsBookedWithPitneyBowesAndAnsweredInTheBestRxShape() {
        long id = Seeds.nextUniqueId();
        GatewayHttp.Answer answer = gateway.createOrder(Seeds.createOrder(id));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("request_is_valid").asText()).isEqualTo("true");
        assertThat(body.get("messages")).isEmpty();
        JsonNode data = body.get("data");
        String providerOrderId = Seeds.providerOrderId(id);
        assertThat(data.get("bestrx_order_id").asLong()).isEqualTo(123456789L);
        assertThat(data.get("bestrx_unique_order_id").asLong()).isEqualTo(id);
        assertThat(data.get("bestrx_pharmacy_id").asText()).isEqualTo(GatewayHttp.DEMO_PHARMACY);
        assertThat(data.get("provider_order_id").asText()).isEqualTo(providerOrderId);
        assertThat(data.get("tracking_id").asText()).isNotBlank();
        assertThat(data.get("label_url").asText()).isEmpty();
        assertThat(data.get("label_file_type").isNull()).isTrue();
        assertThat(data.at("/order_status/status_code").asText()).isEqualTo("1");
        assertThat(data.at("/order_status/status_code_description").asText()).isEqualTo("Order Created");
        assertThat(data.at("/order_status/date").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}Z");

        List<LoggedRequest> creates = pbCreatesFor(providerOrderId);
        assertThat(creates).hasSize(1);
        LoggedRequest sent = creates.get(0);
        assertThat(sent.getHeader("Authorization")).startsWith("Bearer ");
        assertThat(sent.getHeader("X-PB-TransactionId")).matches("[A-Za-z0-9_-]{1,25}");
        JsonNode pbBody = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(
                com.github.tomakehurst.wiremock.common.Json.read(sent.getBodyAsString(), Map.class));
        assertThat(pbBody.get("clientId").asText()).isEqualTo("demo-client");
        assertThat(pbBody.get("toAddress").get("postalCode").asText()).isEqualTo("60108");
        assertThat(sent.getBodyAsString()).as("no Rx number goes to the courier").doesNotContain("610011");

        StoredOrder stored = store.findById(providerOrderId).orElseThrow();
        assertThat(stored.state()).isEqualTo(OrderState.BOOKED);
        assertThat(stored.carrierId()).isEqualTo("pitney-bowes");
        assertThat(stored.trackingId()).isEqualTo(data.get("tracking_id").asText());
        assertThat(store.history(providerOrderId)).extracting(e -> e.kind())
                .contains(OrderEventKind.BOOKED, OrderEventKind.AMOUNTS_DO_NOT_ADD_UP);
    }

    @Test
    void aRepeatedCreateOrderGetsTheFirstAnswerAndBooksNothingMore() {
        long id = Seeds.nextUniqueId();
        GatewayHttp.Answer first = gateway.createOrder(Seeds.createOrder(id));
        GatewayHttp.Answer again = gateway.createOrder(Seeds.createOrder(id));

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("data")).isEqualTo(first.json().get("data"));
        assertThat(again.header("X-Request-ID")).isNotEqualTo(first.header("X-Request-ID"));
        assertThat(pbCreatesFor(Seeds.providerOrderId(id))).hasSize(1);
    }

    @Test
    void twentyCopiesArrivingTogetherBookOneOrderAndAllGetTheSameAnswer() throws Exception {
        long id = Seeds.nextUniqueId();
        String body = Seeds.createOrder(id);
        List<JsonNode> data = new ArrayList<>();
        for (GatewayHttp.Answer a : GatewayHttp.together(20, () -> gateway.createOrder(body))) {
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            data.add(a.json().get("data"));
        }
        assertThat(data).allSatisfy(d -> assertThat(d).isEqualTo(data.get(0)));
        assertThat(pbCreatesFor(Seeds.providerOrderId(id))).hasSize(1);
    }

    @Test
    void theSameOrderIdWithADifferentBodyIsAClearConflict() {
        long id = Seeds.nextUniqueId();
        assertThat(gateway.createOrder(Seeds.createOrder(id)).status()).isEqualTo(200);
        GatewayHttp.Answer changed = gateway.createOrder(Seeds.createOrder(id, j -> j.put("amount_to_collect", 5)));

        assertThat(changed.status()).isEqualTo(409);
        assertThat(changed.json().get("request_is_valid").asText()).isEqualTo("false");
        assertThat(changed.code()).isEqualTo("DIS0007");
        assertThat(changed.json().at("/messages/0/field").asText()).isEqualTo("bestrx_unique_order_id");
        assertThat(pbCreatesFor(Seeds.providerOrderId(id))).hasSize(1);
    }

    @Test
    void anOrderTheCarrierAcceptsWithARemarkIsBookedAndTheRemarkReachesBestRxAndTheHistory() {
        long id = Seeds.nextUniqueId();
        // PB's sandbox accepts recipient ZIP 00002 but puts the order on hold for an address review
        GatewayHttp.Answer answer = gateway.createOrder(Seeds.createOrder(id,
                j -> ((com.fasterxml.jackson.databind.node.ObjectNode) j.at("/recipient/address")).put("zip_code", "00002")));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("request_is_valid").asText()).isEqualTo("true");
        assertThat(body.at("/data/provider_order_id").asText()).isEqualTo(Seeds.providerOrderId(id));
        JsonNode remark = body.get("messages").get(0);
        assertThat(remark.get("message_code").asText()).isEqualTo("DIS2004");
        assertThat(remark.get("message_type").asInt()).as("a warning, not an error").isEqualTo(1);
        assertThat(remark.get("carrier").asText()).isEqualTo("pitney-bowes");
        assertThat(remark.get("message").asText())
                .isEqualTo("Carrier pitney-bowes: PB accepted the order and put it on hold: ADDRESS_REVIEW");
        assertThat(body.get("messages")).hasSize(1);

        assertThat(store.history(Seeds.providerOrderId(id)))
                .filteredOn(e -> e.kind() == OrderEventKind.CARRIER_WARNING)
                .singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("PB accepted the order and put it on hold: ADDRESS_REVIEW"));
        JsonNode repeat = gateway.createOrder(Seeds.createOrder(id, j -> ((com.fasterxml.jackson.databind.node.ObjectNode)
                j.at("/recipient/address")).put("zip_code", "00002"))).json();
        assertThat(repeat.get("messages")).as("a repeat replays the first answer, remark included")
                .isEqualTo(body.get("messages"));
        assertThat(repeat.get("data")).isEqualTo(body.get("data"));
    }
}
