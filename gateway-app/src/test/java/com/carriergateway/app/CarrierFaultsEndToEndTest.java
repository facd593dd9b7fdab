package com.carriergateway.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.app.sandbox.SandboxServers;
import com.carriergateway.core.store.OrderEventKind;
import com.carriergateway.core.store.OrderState;
import com.carriergateway.core.store.OrderStore;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Carriers misbehave; orders must still be booked exactly once or refused clearly. Faults are injected into
 * the Pitney Bowes sandbox (real HTTP) for one order key at a time.
 */
@FaultsAndTenantsTest
class CarrierFaultsEndToEndTest extends EndToEndTest {

    static final String ORDERS = "/shippingservices/fulfillment/v1/orders";
    static final String SEARCH = "/shippingservices/fulfillment/v1/orders/search";


    WireMockServer pb;

    @BeforeEach
    void setUp() {
        pb = sandboxes.server("pitney-bowes");
    }

    /** The create requests PB received for this order key, oldest first, and what PB answered each. */
    List<ServeEvent> createsOf(String key) {
        List<ServeEvent> events = new java.util.ArrayList<>(pb.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(ORDERS) && e.getRequest().getMethod().getName().equals("POST"))
                .filter(e -> e.getRequest().getBodyAsString().contains("\"" + key + "\""))
                .toList());
        java.util.Collections.reverse(events); // the journal lists newest first
        return events;
    }

    long booked(List<ServeEvent> creates) {
        return creates.stream().filter(e -> e.getResponse().getStatus() / 100 == 2
                && e.getResponse().getBodyAsString().contains("orderId")).count();
    }

    /** The first create for {@code key} meets {@code fault}; later ones reach PB's normal stub. */
    void firstCreateFails(String key, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder fault) {
        pb.stubFor(post(urlPathEqualTo(ORDERS)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.clientOrderId", equalTo(key)))
                .inScenario("fault-" + key).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("passed")
                .willReturn(fault));
    }

    @Test
    void aConnectionResetOnCreateIsLookedUpThenSentAgainAndBookedOnce() {
        long id = Seeds.nextUniqueId();
        String key = Seeds.providerOrderId(id);
        firstCreateFails(key, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        GatewayHttp.Answer answer = gateway.createOrder(Seeds.createOrder(id));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<ServeEvent> creates = createsOf(key);
        assertThat(creates).hasSize(2);
        assertThat(booked(creates)).as("orders PB booked").isEqualTo(1);
        assertThat(pb.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith(SEARCH))
                .filter(e -> e.getRequest().getBodyAsString().contains(key))).as("looked up before resending").hasSize(1);
    }

    @Test
    void aBookingWhoseOutcomeCannotBeLearnedWaitsForAnOperatorAndBestRxGetsWhatTheOperatorFound() {
        long id = Seeds.nextUniqueId();
        String key = Seeds.providerOrderId(id);
        firstCreateFails(key, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        // and PB cannot say whether it booked it: its search refuses this order's question
        var search = pb.stubFor(post(urlPathEqualTo(SEARCH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.searchFields[0].values[0]", equalTo(key)))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"errors\":[{\"errorCode\":\"PB-SEARCH\",\"errorDescription\":\"search failed\"}]}")));
        try {
            for (int attempt = 0; attempt < 2; attempt++) {
                GatewayHttp.Answer refused = gateway.createOrder(Seeds.createOrder(id));
                assertThat(refused.status()).as(refused.body()).isGreaterThanOrEqualTo(500);
                assertThat(refused.json().get("request_is_valid").asBoolean()).isFalse();
            }
            assertThat(createsOf(key)).as("never created again while the outcome is unknown").hasSize(1);
            GatewayHttp.Answer waiting = admin("GET", "/admin/orders/" + key + "/history", null);
            assertThat(waiting.json().at("/order/needs_lookup").asBoolean()).as(waiting.body()).isTrue();

            assertThat(admin("POST", "/admin/orders/" + key + "/reconcile", "{\"carrier_order_id\": \"X\"}").json()
                    .get("message").asText()).startsWith("found_at_carrier");
            assertThat(admin("POST", "/admin/orders/" + key + "/reconcile", "{\"found_at_carrier\": true}").status())
                    .as("found, but under which id?").isEqualTo(400);
            GatewayHttp.Answer reconciled = admin("POST", "/admin/orders/" + key + "/reconcile",
                    "{\"found_at_carrier\": true, \"carrier_order_id\": \"ORDFROMPBPORTAL\"}");
            assertThat(reconciled.status()).as(reconciled.body()).isEqualTo(200);
            assertThat(reconciled.json().get("reconciled").asText()).isEqualTo("booked");
            assertThat(reconciled.json().at("/order/state").asText()).isEqualTo("BOOKED");
        } finally {
            pb.removeStub(search);
        }

        GatewayHttp.Answer answered = gateway.createOrder(Seeds.createOrder(id));

        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.json().at("/data/tracking_id").asText()).isEqualTo("ORDFROMPBPORTAL");
        assertThat(createsOf(key)).as("no carrier call for the operator's finding").hasSize(1);
        assertThat(store.history(key)).extracting(e -> e.kind()).containsSubsequence(
                OrderEventKind.BOOKING_OUTCOME_UNKNOWN, OrderEventKind.RECONCILED_BY_OPERATOR);
        GatewayHttp.Answer again = admin("POST", "/admin/orders/" + key + "/reconcile",
                "{\"found_at_carrier\": false}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("error").asText()).isEqualTo("nothing_to_reconcile");
        assertThat(admin("POST", "/admin/orders/CG-NO-SUCH/reconcile", "{\"found_at_carrier\": false}").status())
                .isEqualTo(404);
    }

    GatewayHttp.Answer admin(String method, String path, String body) {
        return gateway.send(gateway.request(path).header("Authorization", StatusTraffic.ADMIN_AUTH)
                .header("Content-Type", "application/json")
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void anUnreadableAnswerToACreateIsTreatedAsPerhapsBookedAndLookedUp() {
        long id = Seeds.nextUniqueId();
        String key = Seeds.providerOrderId(id);
        firstCreateFails(key, aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("<html><body>Bad gateway</body></html>"));

        GatewayHttp.Answer answer = gateway.createOrder(Seeds.createOrder(id));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(booked(createsOf(key))).isEqualTo(1);
    }

    @Test
    void aCreateThatTimesOutButBookedIsFoundInsteadOfBookedTwice() {
        long id = Seeds.nextUniqueId();
        String key = Seeds.providerOrderId(id);
        String pbOrderId = "ORD" + key.replace("-", "") + "CO";
        pb.stubFor(post(urlPathEqualTo(ORDERS)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.clientOrderId", equalTo(key)))
                .willReturn(aResponse().withStatus(201).withFixedDelay(10_000)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"orderId\":\"" + pbOrderId + "\",\"clientOrderId\":\"" + key + "\",\"status\":\"CREATED\"}")));
        pb.stubFor(post(urlPathEqualTo(SEARCH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.searchFields[0].values[0]", equalTo(key)))
                .willReturn(okJson("{\"content\":[{\"orderId\":\"" + pbOrderId + "\",\"clientOrderId\":\"" + key
                        + "\",\"status\":\"CREATED\"}],\"totalElements\":1}")));

        GatewayHttp.Answer answer = gateway.createOrder(Seeds.createOrder(id));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().at("/data/tracking_id").asText()).isEqualTo(pbOrderId);
        assertThat(createsOf(key)).as("the slow create was not sent again").hasSize(1);
        assertThat(store.history(key)).extracting(e -> e.kind()).contains(OrderEventKind.BOOKED);
    }

    @Test
    void aTokenThatExpiresMidFlightIsRenewedOnceAndTheOrderBooked() {
        long id = Seeds.nextUniqueId();
        String key = Seeds.providerOrderId(id);
        firstCreateFails(key, aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":[{\"errorCode\":\"1000032\",\"errorDescription\":\"Authentication error occurred\"}]}"));
        long tokensBefore = pb.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().equals("/oauth/token")).count();

        GatewayHttp.Answer answer = gateway.createOrder(Seeds.createOrder(id));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<ServeEvent> creates = createsOf(key);
        assertThat(creates).extracting(e -> e.getResponse().getStatus()).containsExactly(401, 201);
        assertThat(pb.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().equals("/oauth/token")).count())
                .as("a fresh token was fetched").isGreaterThan(tokensBefore);
    }

    @Test
    void whenACarrierKeepsFailingItsCircuitOpensAndAnOptedInPharmacyFailsOverWithAWarning() {
        // Every create from pharmacy C's carrier (pb-flaky, client id flaky-client) meets a burst of 503s.
        pb.stubFor(post(urlPathEqualTo(ORDERS)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.clientId", equalTo("flaky-client")))
                .willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));
        String cAuth = GatewayHttp.basic("c-key", "c-secret");
        GatewayHttp.Answer last = null;
        for (int i = 0; i < 3; i++) {
            long id = Seeds.nextUniqueId();
            last = gateway.post("/Order/CreateOrder", Seeds.createOrder(id, j -> {
                // Connect, the failover carrier, takes no signature: an order asking for one would not fail over
                j.remove("store");
                j.put("signature_required", "false");
            }), cAuth, java.util.Map.of());
            if (last.status() == 200) {
                break;
            }
            assertThat(last.status()).as(last.body()).isEqualTo(503);
            assertThat(last.code()).isEqualTo("DIS1004");
        }
        assertThat(last.status()).as("after the circuit opened: " + last.body()).isEqualTo(200);
        assertThat(last.json().at("/messages/0/message_code").asText()).isEqualTo("DIS2003");
        String key = last.json().at("/data/provider_order_id").asText();
        assertThat(store.findById(key).orElseThrow().carrierId()).isEqualTo("connect");
        assertThat(store.history(key)).extracting(e -> e.kind()).contains(OrderEventKind.FAILOVER);

        // Pharmacy E shares that carrier without failover: answered at once, the carrier not called.
        long creates = pb.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().equals(ORDERS)).count();
        long eId = Seeds.nextUniqueId();
        GatewayHttp.Answer refused = gateway.post("/Order/CreateOrder", Seeds.createOrder(eId, j -> j.remove("store")),
                GatewayHttp.basic("e-key", "e-secret"), java.util.Map.of());
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.code()).isEqualTo("DIS1010");
        assertThat(pb.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().equals(ORDERS)).count())
                .isEqualTo(creates);
        assertThat(store.find(FaultsAndTenantsTest.E, eId).orElseThrow().state()).as("free to be sent again")
                .isEqualTo(OrderState.FAILED);
    }
}
