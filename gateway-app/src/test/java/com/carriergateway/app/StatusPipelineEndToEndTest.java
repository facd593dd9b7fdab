package com.carriergateway.app;

import static org.awaitility.Awaitility.await;
import static com.carriergateway.app.StatusTraffic.batch;
import static com.carriergateway.app.StatusTraffic.callbacks;
import static com.carriergateway.app.StatusTraffic.codes;
import static com.carriergateway.app.StatusTraffic.pbEvent;
import static com.carriergateway.app.StatusTraffic.pbWebhook;
import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.model.CarrierOrder;
import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.StatusUpdate;
import com.carriergateway.core.outbox.OutboxStore;
import com.carriergateway.core.status.StatusPoller;
import com.carriergateway.core.store.NewOrder;
import com.carriergateway.core.store.OrderEvent;
import com.carriergateway.core.store.OrderEventKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The status loop over real HTTP: a carrier webhook (or a poll) for a booked demo order, through the gateway,
 * to the BestRx sandbox as UpdateOrderStatus, exactly as BestRx documents it.
 */
@GatewayTest
class StatusPipelineEndToEndTest extends EndToEndTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    OutboxStore outbox;
    @Autowired
    StatusPoller poller;
    @Autowired
    MeterRegistry meters;

    WireMockServer bestRx;

    @BeforeEach
    void setUp() {
        bestRx = sandboxes.server("bestrx");
    }

    /** Books a demo order with the PB sandbox; returns (provider order id, PB tracking id). */
    String[] book(long uniqueId) {
        GatewayHttp.Answer a = gateway.createOrder(Seeds.createOrder(uniqueId));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return new String[] {a.json().at("/data/provider_order_id").asText(), a.json().at("/data/tracking_id").asText()};
    }

    void awaitCallbacks(String key, int n) {
        await(n + " callback(s) for " + key).atMost(WAIT).until(() -> callbacks(bestRx, key).size() >= n);
    }

    /** Every queued change of the order is sent: nothing more can arrive. */
    void awaitQuiet(String key) {
        await("all callbacks of " + key + " sent").atMost(WAIT).until(() -> outbox.entries(key).stream()
                .allMatch(e -> e.state().name().equals("SENT")));
    }

    @Test
    void aPbTrackingWebhookReachesBestRxExactlyAsDocumentedWithTheCallbackCredential() throws Exception {
        long uniqueId = Seeds.nextUniqueId();
        String[] order = book(uniqueId);
        String key = order[0];

        GatewayHttp.Answer hook = pbWebhook(gateway, batch(
                pbEvent(order[1], "DLD", "2026-11-20T15:04:05.25Z", "John Doe")));

        assertThat(hook.status()).as(hook.body()).isEqualTo(200);
        assertThat(hook.header("X-PB-ReferenceId")).isEqualTo("pb-ref-123");
        assertThat(hook.json().get("applied").asInt()).isEqualTo(1);
        awaitCallbacks(key, 1);
        awaitQuiet(key);
        LoggedRequest callback = callbacks(bestRx, key).get(0);
        assertThat(callback.getHeader("Authorization")).isEqualTo(StatusTraffic.CALLBACK_AUTH);
        assertThat(callback.getHeader("Content-Type")).startsWith("application/json");
        assertThat(callback.getHeader("Idempotency-Key")).isEqualTo(key + "-1");
        JsonNode expected = new ObjectMapper().readTree("""
                { "bestrx_pharmacy_id": "ef0a4740-0be9-44f7-b89d-9e66eeba0b9a", "bestrx_order_id": 123456789,
                  "bestrx_unique_order_id": %d, "provider_order_id": "%s", "tracking_id": "%s",
                  "order_status": { "date": "2026-11-20T15:04:05.2500000Z", "status_code": "8",
                                    "status_Code_description": "Delivery/Shipment Delivered", "status_notes": "Delivered" },
                  "signature": "", "signature_url": "",
                  "signer_info": { "relation": "", "first_name": "John", "last_name": "Doe",
                                   "jurisdiction": "", "id_type": "", "id_no": "" },
                  "consent_info": [] }""".formatted(uniqueId, key, order[1]));
        assertThat(StatusTraffic.json(callback)).isEqualTo(expected);
        assertThat(callbacks(bestRx, key)).as("exactly once").hasSize(1);
        assertThat(store.findById(key).orElseThrow().deliveryStatus()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void repeatedAndLateEventsProduceNoCallbackAndAreRecordedAsIgnored() {
        String[] order = book(Seeds.nextUniqueId());
        String key = order[0];
        String tracking = order[1];

        pbWebhook(gateway, batch(pbEvent(tracking, "PSR", "2026-11-20T08:00:00Z", null),
                pbEvent(tracking, "OFD", "2026-11-20T10:00:00Z", null)));
        GatewayHttp.Answer repeat = pbWebhook(gateway, batch(pbEvent(tracking, "OFD", "2026-11-20T10:00:00Z", null)));
        GatewayHttp.Answer late = pbWebhook(gateway, batch(pbEvent(tracking, "TRD", "2026-11-20T09:00:00Z", null)));
        pbWebhook(gateway, batch(pbEvent(tracking, "DLD", "2026-11-20T11:00:00Z", null)));
        GatewayHttp.Answer afterDelivery = pbWebhook(gateway, batch(pbEvent(tracking, "TRD", "2026-11-20T12:00:00Z", null)));

        assertThat(repeat.json().get("ignored").asInt()).isEqualTo(1);
        assertThat(late.json().get("ignored").asInt()).isEqualTo(1);
        assertThat(afterDelivery.json().get("ignored").asInt()).isEqualTo(1);
        awaitCallbacks(key, 3);
        awaitQuiet(key);
        assertThat(codes(callbacks(bestRx, key))).containsExactly("2", "6", "8");
        assertThat(callbacks(bestRx, key)).extracting(StatusTraffic::seq).containsExactly(1L, 2L, 3L);
        assertThat(store.history(key)).filteredOn(e -> e.kind() == OrderEventKind.STATUS_IGNORED)
                .extracting(OrderEvent::deliveryStatus)
                .containsExactly(DeliveryStatus.OUT_FOR_DELIVERY, DeliveryStatus.IN_TRANSIT, DeliveryStatus.IN_TRANSIT);
    }

    @Test
    void aCancelledOrderProducesACancelledCallback() {
        long uniqueId = Seeds.nextUniqueId();
        String key = book(uniqueId)[0];

        assertThat(gateway.cancelOrder(Seeds.cancelOrder(uniqueId)).json().at("/data/status").asBoolean()).isTrue();

        awaitCallbacks(key, 1);
        awaitQuiet(key);
        JsonNode body = StatusTraffic.json(callbacks(bestRx, key).get(0));
        assertThat(body.at("/order_status/status_code").asText()).isEqualTo("3");
        assertThat(body.at("/order_status/status_Code_description").asText()).isEqualTo("Delivery/Shipment Cancelled");
        assertThat(body.get("bestrx_unique_order_id").asLong()).isEqualTo(uniqueId);
    }

    @Test
    void unauthenticatedOrUnreadableWebhooksAre4xxJsonAndStoreNothing() {
        String[] order = book(Seeds.nextUniqueId());
        String key = order[0];
        int historyBefore = store.history(key).size();
        String body = batch(pbEvent(order[1], "DLD", "2026-11-20T11:00:00Z", null));

        GatewayHttp.Answer none = gateway.post(StatusTraffic.PB_WEBHOOK, body, null, Map.of());
        GatewayHttp.Answer wrong = gateway.post(StatusTraffic.PB_WEBHOOK, body,
                GatewayHttp.basic("demo-pb-webhook", "guess"), Map.of());
        GatewayHttp.Answer pharmacyCredential = gateway.post(StatusTraffic.PB_WEBHOOK, body, GatewayHttp.DEMO_AUTH, Map.of());
        GatewayHttp.Answer unknownCarrier = gateway.post("/webhooks/ups", body, StatusTraffic.PB_WEBHOOK_AUTH, Map.of());
        GatewayHttp.Answer garbage = gateway.post(StatusTraffic.PB_WEBHOOK, "not json {", StatusTraffic.PB_WEBHOOK_AUTH,
                Map.of());

        for (GatewayHttp.Answer a : List.of(none, wrong, pharmacyCredential)) {
            assertThat(a.status()).as(a.body()).isEqualTo(401);
            assertThat(a.json().get("error").asText()).isEqualTo("unauthorized");
            assertThat(a.header("WWW-Authenticate")).startsWith("Basic");
        }
        assertThat(unknownCarrier.status()).isEqualTo(404);
        assertThat(unknownCarrier.json().get("error").asText()).isEqualTo("not_found");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.json().get("message").asText()).contains("pitney-bowes");
        assertThat(store.history(key)).hasSize(historyBefore);
        assertThat(outbox.entries(key)).isEmpty();
        assertThat(store.findById(key).orElseThrow().deliveryStatus()).isEqualTo(DeliveryStatus.CREATED);
    }

    @Test
    void aConnectRejectionNotificationBecomesUnableToDeliver() {
        long uniqueId = Seeds.nextUniqueId();
        GatewayHttp.Answer created = gateway.createOrder(Seeds.connectOrder(uniqueId));
        String key = created.json().at("/data/provider_order_id").asText();
        String connectOrderId = store.findById(key).orElseThrow().carrierOrderId();

        GatewayHttp.Answer hook = gateway.post("/webhooks/connect", "{\"id\": " + connectOrderId
                        + ", \"rejectedReason\": \"Address not serviceable\", \"rejectedOn\": \"2026-11-20T09:15:00Z\"}",
                GatewayHttp.basic("demo-connect-webhook", "demo-connect-webhook-secret"),
                Map.of("z-event-type", "order.rejected.event", "z-notification-type", "order.rejected.notification",
                        "z-notification-model", "order"));

        assertThat(hook.status()).as(hook.body()).isEqualTo(200);
        assertThat(hook.json().get("applied").asInt()).isEqualTo(1);
        awaitCallbacks(key, 1);
        awaitQuiet(key);
        JsonNode body = StatusTraffic.json(callbacks(bestRx, key).get(0));
        assertThat(body.at("/order_status/status_code").asText()).isEqualTo("9");
        assertThat(body.at("/order_status/status_notes").asText()).isEqualTo("Address not serviceable");
        assertThat(body.at("/order_status/date").asText()).isEqualTo("2026-11-20T09:15:00.0000000Z");
        assertThat(body.get("tracking_id").asText()).isEqualTo(connectOrderId);
        assertThat(gateway.post("/webhooks/connect", "{}", StatusTraffic.PB_WEBHOOK_AUTH,
                Map.of("z-event-type", "order.rejected.event")).status()).as("PB's credential is not Connect's")
                .isEqualTo(401);
    }

    @Test
    void anEventForAnUnknownOrderIsAcknowledgedSoTheCarrierStopsRetrying() {
        GatewayHttp.Answer a = pbWebhook(gateway, batch(pbEvent("NO-SUCH-PARCEL", "DLD", "2026-11-20T11:00:00Z", null)));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("unknown_orders").asInt()).isEqualTo(1);
        assertThat(a.json().get("applied").asInt()).isZero();
        assertThat(meters.get("gateway.webhook.events").tag("carrier", "pitney-bowes").tag("outcome", "unknown_order")
                .counter().count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aStatusFoundByPollingIsPushedToo() {
        long uniqueId = Seeds.nextUniqueId();
        String key = Seeds.providerOrderId(uniqueId);
        // PB's sandbox answers status SHIPPED for this order id (its magic value)
        store.insertBooking(new NewOrder(key, GatewayHttp.DEMO_PHARMACY, uniqueId, 5555, "h"), Instant.now().plusSeconds(60));
        store.markBooked(key, "pitney-bowes", new CarrierOrder("ORD-STATUS-SHIPPED", "TRK-" + uniqueId, null, null,
                null, StatusUpdate.of(DeliveryStatus.CREATED, Instant.now(), "CREATED")), "{}", OrderEventKind.BOOKED);

        poller.pollDue("pitney-bowes");

        awaitCallbacks(key, 1);
        awaitQuiet(key);
        JsonNode body = StatusTraffic.json(callbacks(bestRx, key).get(0));
        assertThat(body.at("/order_status/status_code").asText()).isEqualTo("4");
        assertThat(body.at("/order_status/date").asText()).isEqualTo("2026-01-15T09:30:00.0000000Z");
        assertThat(body.get("bestrx_order_id").asLong()).isEqualTo(5555);
        assertThat(meters.get("gateway.status.polls").tag("carrier", "pitney-bowes").tag("outcome", "applied")
                .counter().count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theDemoPbSandboxPlaysItsTrackingWebhooksAndTheOrderReachesDelivered() {
        String[] order = book(Seeds.nextUniqueId());
        String key = order[0];

        // what the README tells a newcomer to run against the PB sandbox
        GatewayHttp pbSandbox = new GatewayHttp(sandboxes.server("pitney-bowes").port());
        GatewayHttp.Answer started = pbSandbox.post("/sandbox/tracking-webhooks", "{\"trackingNumber\": \"" + order[1]
                + "\", \"webhookUrl\": \"http://127.0.0.1:" + port + "/webhooks/pitney-bowes\"}", null, Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(202);

        awaitCallbacks(key, 4);
        awaitQuiet(key);
        assertThat(codes(callbacks(bestRx, key))).containsExactly("2", "5", "6", "8");
        assertThat(StatusTraffic.json(callbacks(bestRx, key).get(3)).at("/signer_info/last_name").asText())
                .isEqualTo("Sandbox");
        assertThat(store.findById(key).orElseThrow().deliveryStatus()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(meters.get("gateway.callback.send").tag("pharmacy", GatewayHttp.DEMO_PHARMACY)
                .tag("outcome", "delivered").timer().count()).isGreaterThanOrEqualTo(4);
    }
}
