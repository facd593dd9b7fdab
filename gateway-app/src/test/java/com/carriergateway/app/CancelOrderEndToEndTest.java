package com.carriergateway.app;

import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.app.sandbox.SandboxServers;
import com.carriergateway.core.store.OrderState;
import com.carriergateway.core.store.OrderStore;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Given a booked order, CancelOrder goes to the carrier that holds it, once. */
@GatewayTest
class CancelOrderEndToEndTest extends EndToEndTest {


    WireMockServer pb;

    @BeforeEach
    void setUp() {
        pb = sandboxes.server("pitney-bowes");
    }

    int pbCancelsOf(String pbOrderId) {
        return pb.findAll(putRequestedFor(urlPathEqualTo(
                "/shippingservices/fulfillment/v1/orders/" + pbOrderId + "/cancel"))).size();
    }

    @Test
    void aBookedOrderIsCancelledWithItsCarrierAndASecondCancelDoesNotCallIt() {
        long id = Seeds.nextUniqueId();
        assertThat(gateway.createOrder(Seeds.createOrder(id)).status()).isEqualTo(200);
        String pbOrderId = store.findById(Seeds.providerOrderId(id)).orElseThrow().carrierOrderId();

        GatewayHttp.Answer first = gateway.cancelOrder(Seeds.cancelOrder(id));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("request_is_valid").asBoolean()).isTrue();
        assertThat(first.json().at("/data/status").asBoolean()).isTrue();
        assertThat(first.json().at("/data/provider_order_id").asText()).isEqualTo(Seeds.providerOrderId(id));
        assertThat(pbCancelsOf(pbOrderId)).isEqualTo(1);
        assertThat(store.findById(Seeds.providerOrderId(id)).orElseThrow().state()).isEqualTo(OrderState.CANCELLED);

        GatewayHttp.Answer second = gateway.cancelOrder(Seeds.cancelOrder(id));
        assertThat(second.json().at("/data/status").asBoolean()).isTrue();
        assertThat(second.json().at("/data/status_reason").asText()).isEqualTo("Already cancelled");
        assertThat(pbCancelsOf(pbOrderId)).as("no second carrier call").isEqualTo(1);
    }

    @Test
    void cancellingAnOrderThisPharmacyNeverSentIsNotFound() {
        GatewayHttp.Answer answer = gateway.cancelOrder(Seeds.cancelOrder(Seeds.nextUniqueId()));
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("request_is_valid").asBoolean()).isFalse();
        assertThat(answer.code()).isEqualTo("DIS0003");
        assertThat(answer.json().at("/messages/0/field").asText()).isEqualTo("bestrx_unique_order_id");
    }
}
