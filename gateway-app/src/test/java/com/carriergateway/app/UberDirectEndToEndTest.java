package com.carriergateway.app;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.webhook.HmacSignature;
import com.carriergateway.core.outbox.OutboxStore;
import com.carriergateway.core.store.OrderEvent;
import com.carriergateway.core.store.StoredOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Uber Direct in the demo, over real HTTP: the demo pharmacy sends orders that ask for a photo ID check to Uber
 * Direct; the Uber sandbox books them with an ID check at the door and plays the delivery's signed webhooks; BestRx
 * (its sandbox) receives every status in order, the last with the signer and the signature.
 */
@GatewayTest
class UberDirectEndToEndTest extends EndToEndTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String SIGNING_KEY = "demo-uber-signing-key";
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    OutboxStore outbox;
    @Autowired
    com.carriergateway.core.carrier.CarrierRegistry carriers;
    @Autowired
    com.carriergateway.core.status.StatusPoller poller;

    WireMockServer uber;
    WireMockServer bestRx;

    @BeforeEach
    void setUp() {
        uber = sandboxes.server("uber-direct");
        bestRx = sandboxes.server("bestrx");
    }

    /** The seed order, asking for a photo ID check. */
    static String photoIdOrder(long id) {
        return Seeds.createOrder(id, j -> j.put("photo_id_required", "true"));
    }

    GatewayHttp.Answer webhook(String body, String signature) {
        return gateway.post("/webhooks/uber-direct", body, null,
                signature == null ? Map.of() : Map.of("x-uber-signature", signature));
    }

    static String sign(String body) {
        return new HmacSignature(SIGNING_KEY).sign(body.getBytes(StandardCharsets.UTF_8));
    }

    List<LoggedRequest> createsAtUberFor(String key) {
        return uber.findAll(postRequestedFor(urlPathMatching("/v1/customers/[^/]+/deliveries"))
                .withRequestBody(matchingJsonPath("$.external_id", com.github.tomakehurst.wiremock.client.WireMock
                        .equalTo(key))));
    }

    @Test
    void aPhotoIdOrderIsBookedWithUberWithAnIdCheckAndItsSignedWebhooksReachBestRxInOrder() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            bookPlayAndDeliver();
            String all = logs.everything();
            for (String phi : LoggingEndToEndTest.SAMPLE_PHI) {
                assertThat(all).as("logs mention " + phi).doesNotContainIgnoringCase(phi);
            }
            for (String secret : List.of("Sam Sandbox", "+16305551111", "demo-uber-secret", SIGNING_KEY, "iVBORw0KGgo")) {
                assertThat(all).as("logs mention " + secret).doesNotContain(secret);
            }
        }
    }

    private void bookPlayAndDeliver() throws Exception {
        long id = Seeds.nextUniqueId();
        String key = Seeds.providerOrderId(id);

        GatewayHttp.Answer created = gateway.createOrder(photoIdOrder(id));

        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().at("/data/tracking_url").asText()).isNotBlank();
        StoredOrder order = store.findById(key).orElseThrow();
        assertThat(order.carrierId()).isEqualTo("uber-direct");
        assertThat(order.trackingUrl()).isEqualTo(created.json().at("/data/tracking_url").asText());
        List<LoggedRequest> creates = createsAtUberFor(key);
        assertThat(creates).hasSize(1);
        JsonNode sent = JSON.readTree(creates.get(0).getBodyAsString());
        assertThat(sent.at("/idempotency_key").asText()).isEqualTo(key);
        assertThat(sent.at("/dropoff_verification/identification/min_age").asInt()).isEqualTo(18);
        assertThat(sent.at("/dropoff_verification/signature_requirement/enabled").asBoolean()).isTrue();
        assertThat(creates.get(0).getBodyAsString()).as("no Rx number goes to the courier").doesNotContain("610011");
        assertThat(carriers.get("uber-direct").accessToken()).as("the operators' view of Uber's token")
                .hasValueSatisfying(t -> assertThat(t.held()).isTrue());

        // what the README tells a newcomer to run against the Uber sandbox
        GatewayHttp uberSandbox = new GatewayHttp(uber.port());
        GatewayHttp.Answer started = uberSandbox.post("/sandbox/delivery-webhooks", "{\"deliveryId\": \""
                + order.carrierOrderId() + "\", \"externalId\": \"" + key + "\", \"webhookUrl\": \"http://127.0.0.1:"
                + port + "/webhooks/uber-direct\"}", null, Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(202);

        await("Delivered reaches BestRx").atMost(WAIT).until(() -> StatusTraffic.codes(
                StatusTraffic.callbacks(bestRx, key)).contains("8"));
        await("every callback sent").atMost(WAIT).until(() -> outbox.entries(key).stream()
                .allMatch(e -> e.state().name().equals("SENT")));
        List<LoggedRequest> callbacks = StatusTraffic.callbacks(bestRx, key);
        assertThat(StatusTraffic.codes(callbacks)).containsExactly("2", "4", "6", "8");
        JsonNode delivered = StatusTraffic.json(callbacks.get(callbacks.size() - 1));
        assertThat(delivered.at("/signer_info/first_name").asText()).isEqualTo("Sam");
        assertThat(delivered.at("/signer_info/last_name").asText()).isEqualTo("Sandbox");
        assertThat(delivered.at("/signer_info/relation").asText()).as("Uber's SELF is the patient (1)").isEqualTo("1");
        assertThat(delivered.at("/signature_url").asText()).endsWith(".png");
        assertThat(delivered.at("/signature").asText()).as("the demo fetches the image: base64 PNG")
                .startsWith("iVBORw0KGgo");
        assertThat(delivered.at("/order_status/status_notes").asText()).contains("ID checked (minimum age 18)");
        assertThat(store.findById(key).orElseThrow().deliveryStatus()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void aWrongSignatureIsRefusedAndAReplayedEventChangesNothing() throws Exception {
        long id = Seeds.nextUniqueId();
        String key = Seeds.providerOrderId(id);
        assertThat(gateway.createOrder(photoIdOrder(id)).status()).isEqualTo(200);
        StoredOrder order = store.findById(key).orElseThrow();
        ObjectNode event = (ObjectNode) JSON.readTree("""
                {"id": "evt_e2e_pickup_%d", "kind": "event.delivery_status", "status": "pickup",
                 "created": "2026-11-20T09:00:00Z", "delivery_id": "%s", "customer_id": "cus_demo_pharmacy",
                 "live_mode": false,
                 "data": {"id": "%s", "status": "pickup", "external_id": "%s", "updated": "2026-11-20T09:00:00Z"}}"""
                .formatted(id, order.carrierOrderId(), order.carrierOrderId(), key));
        String body = JSON.writeValueAsString(event);
        List<OrderEvent> before = store.history(key);

        GatewayHttp.Answer forged = webhook(body, new HmacSignature("not-the-key").sign(body.getBytes(
                StandardCharsets.UTF_8)));
        GatewayHttp.Answer unsigned = webhook(body, null);

        assertThat(forged.status()).isEqualTo(401);
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(store.history(key)).isEqualTo(before);
        assertThat(store.findById(key).orElseThrow().deliveryStatus()).isEqualTo(order.deliveryStatus());

        GatewayHttp.Answer first = webhook(body, sign(body));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        await().atMost(WAIT).until(() -> StatusTraffic.callbacks(bestRx, key).size() == 1);
        List<OrderEvent> afterFirst = store.history(key);

        GatewayHttp.Answer replayed = webhook(body, sign(body));

        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().get("applied").asInt()).isZero();
        assertThat(store.findById(key).orElseThrow().deliveryStatus()).isEqualTo(DeliveryStatus.ACKNOWLEDGED);
        assertThat(store.history(key).stream().filter(e -> e.kind().name().equals("STATUS_CHANGED")))
                .hasSize((int) afterFirst.stream().filter(e -> e.kind().name().equals("STATUS_CHANGED")).count());
        assertThat(outbox.entries(key)).hasSize(1);
    }

    @Test
    void aPhotoIdOrderThatAlsoNeedsRefrigerationIsRefusedBecauseUberHasNoColdChain() {
        long id = Seeds.nextUniqueId();
        GatewayHttp.Answer refused = gateway.createOrder(Seeds.createOrder(id, j -> {
            j.put("photo_id_required", "true");
            j.put("refrigeration_needed", "true");
        }));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("DIS0014");
        assertThat(refused.json().at("/messages/0/field").asText()).isEqualTo("refrigeration_needed");
        assertThat(createsAtUberFor(Seeds.providerOrderId(id))).isEmpty();
    }

    @Test
    void aDeliveryWhoseWebhooksNeverArriveStillReachesDeliveredByPolling() {
        long id = Seeds.nextUniqueId();
        String key = Seeds.providerOrderId(id);
        assertThat(gateway.createOrder(photoIdOrder(id)).status()).isEqualTo(200);
        String deliveryId = store.findById(key).orElseThrow().carrierOrderId();
        // Uber now shows this delivery as the sandbox's delivered one; no webhook is ever sent
        GatewayHttp.Answer deliveredAtUber = new GatewayHttp(uber.port()).send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(uber.baseUrl() + "/v1/customers/cus_demo_pharmacy/deliveries/del_sandbox_delivered"))
                .header("Authorization", "Bearer sandbox-token").GET().build());
        assertThat(deliveredAtUber.status()).isEqualTo(200);
        var stub = uber.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathMatching(
                        "/v1/customers/[^/]+/deliveries/" + deliveryId)).atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(deliveredAtUber.body())));
        try {
            poller.pollDue("uber-direct");

            await("Delivered reaches BestRx").atMost(WAIT).until(() -> StatusTraffic.codes(
                    StatusTraffic.callbacks(bestRx, key)).contains("8"));
            assertThat(store.findById(key).orElseThrow().deliveryStatus()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(StatusTraffic.json(StatusTraffic.callbacks(bestRx, key).get(0)).at("/signer_info/last_name")
                    .asText()).isEqualTo("Sandbox");
        } finally {
            uber.removeStub(stub);
        }
    }
}
