package com.carriergateway.app;

import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.app.sandbox.SandboxServers;
import com.carriergateway.core.order.OrderKeys;
import com.carriergateway.core.store.OrderState;
import com.carriergateway.core.store.OrderStore;
import com.carriergateway.core.store.StoredOrder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A pharmacy's credential acts for that pharmacy alone; over its request budget it is slowed, not served. */
@FaultsAndTenantsTest
class TenantIsolationEndToEndTest extends EndToEndTest {

    static final String A_AUTH = GatewayHttp.DEMO_AUTH;
    static final String B_AUTH = GatewayHttp.basic("b-key", "b-secret");


    String forB(long id) {
        return Seeds.createOrder(id, j -> ((ObjectNode) j.get("store")).put("bestrx_pharmacy_id", FaultsAndTenantsTest.B));
    }

    @Test
    void pharmacyACannotCancelPharmacyBsOrderEvenKnowingItsIds() {
        long id = Seeds.nextUniqueId();
        assertThat(gateway.post("/Order/CreateOrder", forB(id), B_AUTH, Map.of()).status()).isEqualTo(200);
        String bKey = OrderKeys.of(FaultsAndTenantsTest.B, id);
        int pbCancels = sandboxes.server("pitney-bowes").findAll(putRequestedFor(urlPathMatching(".*/cancel"))).size();

        String guessed = Seeds.edited("cancel-order-seed.json", j -> {
            j.put("bestrx_unique_order_id", id);
            j.put("provider_order_id", bKey);
            j.remove("store");
        });
        GatewayHttp.Answer notFound = gateway.post("/Order/CancelOrder", guessed, A_AUTH, Map.of());
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.code()).isEqualTo("DIS0003");
        assertThat(notFound.body()).doesNotContain(bKey);

        String claimingB = Seeds.edited("cancel-order-seed.json", j -> {
            j.put("bestrx_unique_order_id", id);
            ((ObjectNode) j.get("store")).put("bestrx_pharmacy_id", FaultsAndTenantsTest.B);
        });
        GatewayHttp.Answer forbidden = gateway.post("/Order/CancelOrder", claimingB, A_AUTH, Map.of());
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.code()).isEqualTo("DIS0002");

        StoredOrder bOrder = store.findById(bKey).orElseThrow();
        assertThat(bOrder.state()).isEqualTo(OrderState.BOOKED);
        assertThat(bOrder.pharmacyId()).isEqualTo(FaultsAndTenantsTest.B);
        assertThat(sandboxes.server("pitney-bowes").findAll(putRequestedFor(urlPathMatching(".*/cancel"))))
                .as("no carrier cancel").hasSize(pbCancels);
    }

    @Test
    void pharmacyACannotCreateOrReplayAnOrderForPharmacyB() {
        long id = Seeds.nextUniqueId();
        GatewayHttp.Answer created = gateway.post("/Order/CreateOrder", forB(id), B_AUTH, Map.of());
        assertThat(created.status()).isEqualTo(200);

        GatewayHttp.Answer asA = gateway.post("/Order/CreateOrder", forB(id), A_AUTH, Map.of());
        assertThat(asA.status()).isEqualTo(403);
        assertThat(asA.code()).isEqualTo("DIS0002");
        assertThat(asA.json().get("data")).isEmpty();

        // The same unique id under A's own pharmacy is A's own, separate order: B's is untouched.
        GatewayHttp.Answer own = gateway.post("/Order/CreateOrder", Seeds.createOrder(id), A_AUTH, Map.of());
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().at("/data/provider_order_id").asText())
                .isNotEqualTo(created.json().at("/data/provider_order_id").asText());
        assertThat(store.find(FaultsAndTenantsTest.B, id).orElseThrow().createResponse())
                .contains(created.json().at("/data/provider_order_id").asText());
    }

    @Test
    void aPharmacyOverItsRequestBudgetIsAnswered429WithRetryAfter() {
        String dAuth = GatewayHttp.basic("d-key", "d-secret");
        long before = store.countOrders();
        List<GatewayHttp.Answer> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            answers.add(gateway.post("/Order/CreateOrder", "{}", dAuth, Map.of()));
        }
        List<GatewayHttp.Answer> limited = answers.stream().filter(a -> a.status() == 429).toList();
        assertThat(limited).isNotEmpty();
        assertThat(limited).allSatisfy(a -> {
            assertThat(a.code()).isEqualTo("DIS0009");
            assertThat(a.header("Retry-After")).isEqualTo("1");
        });
        assertThat(answers.stream().filter(a -> a.status() == 400).count()).as("served (and refused for the body)")
                .isBetween(1L, 6L);
        assertThat(store.countOrders()).isEqualTo(before);

        GatewayHttp.Answer otherPharmacy = gateway.post("/Order/CreateOrder", "{}", B_AUTH, Map.of());
        assertThat(otherPharmacy.status()).as("another pharmacy is not slowed").isEqualTo(400);
    }
}
