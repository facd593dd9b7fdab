package com.carriergateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.webhook.HmacSignature;
import com.carriergateway.app.signedcourier.SignedCourier;
import com.carriergateway.core.store.OrderEvent;
import com.carriergateway.core.store.OrderEventKind;
import com.carriergateway.core.store.StoredOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A carrier that signs its webhooks is a module plus configuration: {@link SignedCourier} lives only in this test
 * folder (its service file included) and owns its webhook protocol (an HMAC-SHA256 of the raw body, a URL challenge,
 * a 202 acknowledgement). The gateway verifies the signature before it reads anything, and records nothing from a call
 * whose signature is missing or wrong.
 */
@GatewayTest
@TestPropertySource(properties = {
        // these settings make a second gateway beside the shared one: it gets its own database, or both gateways'
        // outboxes would send (to different BestRx sandboxes) the callbacks of the other's tests
        "spring.datasource.url=jdbc:h2:mem:gateway-signed-test;DB_CLOSE_DELAY=-1",
        "gateway.carriers.signed.type=" + SignedCourier.TYPE,
        "gateway.carriers.signed.order-prefix=SIGNED-",
        "gateway.webhooks.signed.signing-key=" + SignedWebhookEndToEndTest.KEY,
        "gateway.pharmacies.ef0a4740-0be9-44f7-b89d-9e66eeba0b9a.default-carrier=signed",
        "gateway.pharmacies.ef0a4740-0be9-44f7-b89d-9e66eeba0b9a.rules[0].carrier=signed",
        "gateway.pharmacies.ef0a4740-0be9-44f7-b89d-9e66eeba0b9a.rules[0].service-levels=same_day",
})
class SignedWebhookEndToEndTest extends EndToEndTest {

    static final String KEY = "test-signing-key-0123456789";
    static final HmacSignature SIGNER = new HmacSignature(KEY);

    /** An order booked through the gateway with the signed courier: its carrier order id. */
    StoredOrder book() {
        long id = Seeds.nextUniqueId();
        GatewayHttp.Answer created = gateway.createOrder(Seeds.createOrder(id));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        StoredOrder order = store.findById(Seeds.providerOrderId(id)).orElseThrow();
        assertThat(order.carrierId()).isEqualTo("signed");
        assertThat(order.carrierOrderId()).isEqualTo("SIGNED-" + order.providerOrderId());
        return order;
    }

    GatewayHttp.Answer send(String body, String signature) {
        return gateway.post("/webhooks/signed", body, null,
                signature == null ? Map.of() : Map.of(SignedCourier.SIGNATURE_HEADER, signature));
    }

    static String event(StoredOrder order, String status, String at) {
        return "{\"order\": \"" + order.carrierOrderId() + "\", \"status\": \"" + status + "\", \"at\": \"" + at + "\"}";
    }

    static String sign(String body) {
        return SIGNER.sign(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCorrectlySignedEventIsAppliedAndAcknowledgedTheWayTheCarrierAskedFor() {
        StoredOrder order = book();
        String body = event(order, "IN_TRANSIT", "2026-11-20T09:00:00Z");

        GatewayHttp.Answer answer = send(body, sign(body));

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(answer.json().get("received").asInt()).isEqualTo(1);
        assertThat(store.findById(order.providerOrderId()).orElseThrow().deliveryStatus())
                .isEqualTo(DeliveryStatus.IN_TRANSIT);
        assertThat(store.history(order.providerOrderId())).extracting(OrderEvent::kind)
                .contains(OrderEventKind.STATUS_CHANGED);
    }

    @Test
    void aMissingOrWrongSignatureIs401AndRecordsNothing() {
        StoredOrder order = book();
        List<OrderEvent> before = store.history(order.providerOrderId());
        String body = event(order, "DELIVERED", "2026-11-20T11:00:00Z");
        String signedForAnotherBody = sign(event(order, "IN_TRANSIT", "2026-11-20T11:00:00Z"));
        String signedWithAnotherKey = new HmacSignature("another-key").sign(body.getBytes(StandardCharsets.UTF_8));

        for (String signature : new String[] {null, "", "not-hex", signedForAnotherBody, signedWithAnotherKey,
                sign(body).substring(2)}) {
            GatewayHttp.Answer refused = send(body, signature);
            assertThat(refused.status()).as("signature " + signature).isEqualTo(401);
            assertThat(refused.body()).contains(SignedCourier.SIGNATURE_HEADER).doesNotContain("Exception");
        }

        StoredOrder after = store.findById(order.providerOrderId()).orElseThrow();
        assertThat(after.deliveryStatus()).isEqualTo(order.deliveryStatus());
        assertThat(store.history(order.providerOrderId())).isEqualTo(before);
    }

    @Test
    void theCarriersUrlChallengeIsAnsweredOnlyWhenSignedAndRecordsNothing() {
        String challenge = "{\"challenge\": \"c-8f2e\"}";

        GatewayHttp.Answer answered = send(challenge, sign(challenge));
        GatewayHttp.Answer unsigned = send(challenge, null);

        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.json().get("challenge").asText()).isEqualTo("c-8f2e");
        assertThat(unsigned.status()).isEqualTo(401);
    }

    @Test
    void theCarriersOwnWebhookDoesNotOpenAnotherCarriersDoor() {
        StoredOrder order = book();
        String body = event(order, "DELIVERED", "2026-11-20T11:00:00Z");

        // a PB-style Basic credential means nothing to a carrier that signs
        GatewayHttp.Answer basic = gateway.post("/webhooks/signed", body, StatusTraffic.PB_WEBHOOK_AUTH, Map.of());
        // and the signature means nothing at PB's door
        GatewayHttp.Answer atPb = gateway.post("/webhooks/pitney-bowes", body, null,
                Map.of(SignedCourier.SIGNATURE_HEADER, sign(body)));

        assertThat(basic.status()).isEqualTo(401);
        assertThat(atPb.status()).isEqualTo(401);
        assertThat(store.findById(order.providerOrderId()).orElseThrow().deliveryStatus())
                .isEqualTo(order.deliveryStatus());
    }
}
