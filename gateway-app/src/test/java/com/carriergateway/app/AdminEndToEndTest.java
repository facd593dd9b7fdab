package com.carriergateway.app;

import static org.awaitility.Awaitility.await;
import static com.carriergateway.app.StatusTraffic.batch;
import static com.carriergateway.app.StatusTraffic.callbacks;
import static com.carriergateway.app.StatusTraffic.codes;
import static com.carriergateway.app.StatusTraffic.pbEvent;
import static com.carriergateway.app.StatusTraffic.pbWebhook;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.core.outbox.OutboxEntry;
import com.carriergateway.core.outbox.OutboxState;
import com.carriergateway.core.outbox.OutboxStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The operators' endpoints: dead letters listed without their content, replayed in order, an order's history;
 * all behind the admin credential.
 */
@GatewayTest
class AdminEndToEndTest extends EndToEndTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    OutboxStore outbox;
    @Autowired
    JdbcTemplate jdbc;

    GatewayHttp.Answer get(String path, String auth) {
        HttpRequest.Builder b = gateway.request(path).GET();
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return gateway.send(b.build());
    }

    GatewayHttp.Answer postAdmin(String path, String auth) {
        return gateway.post(path, "", auth, Map.of());
    }

    @Test
    void everyAdminCallNeedsTheAdminCredential() {
        for (String auth : new String[] {null, GatewayHttp.DEMO_AUTH, StatusTraffic.PB_WEBHOOK_AUTH,
                GatewayHttp.basic("demo-admin", "wrong")}) {
            GatewayHttp.Answer list = get("/admin/outbox/dead-letters", auth);
            assertThat(list.status()).isEqualTo(401);
            assertThat(list.json().get("error").asText()).isEqualTo("unauthorized");
            assertThat(postAdmin("/admin/orders/CG-X/replay", auth).status()).isEqualTo(401);
            assertThat(get("/admin/orders/CG-X/history", auth).status()).isEqualTo(401);
        }
        assertThat(get("/admin/orders/CG-NO-SUCH/history", StatusTraffic.ADMIN_AUTH).status()).isEqualTo(404);
    }

    @Test
    void aDeadLetterIsListedWithoutContentAndItsReplayGoesOutBeforeTheChangesWaitingBehindIt() {
        long uniqueId = Seeds.nextUniqueId();
        GatewayHttp.Answer created = gateway.createOrder(Seeds.createOrder(uniqueId));
        String key = created.json().at("/data/provider_order_id").asText();
        String tracking = created.json().at("/data/tracking_id").asText();
        WireMockServer bestRx = sandboxes.server("bestrx");
        StubMapping down = bestRx.stubFor(post(urlPathEqualTo("/Order/UpdateOrderStatus")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.provider_order_id", equalTo(key)))
                .willReturn(aResponse().withStatus(500).withBody("{\"status_updated\":\"false\"}")));
        try {
            pbWebhook(gateway, batch(pbEvent(tracking, "PSR", "2026-11-20T08:00:00Z", null)));
            await("a failed attempt").atMost(WAIT).until(() -> outbox.entries(key).get(0).attempts() >= 1);
            // the budget is spent: its next failure makes it a dead letter
            jdbc.update("UPDATE status_outbox SET budget_from = ? WHERE provider_order_id = ?",
                    Instant.now().minus(Duration.ofDays(2)).atOffset(ZoneOffset.UTC), key);
            await("a dead letter").atMost(WAIT).until(() -> outbox.entries(key).get(0).state() == OutboxState.DEAD);
            pbWebhook(gateway, batch(pbEvent(tracking, "OFD", "2026-11-20T10:00:00Z", null)));

            GatewayHttp.Answer list = get("/admin/outbox/dead-letters", StatusTraffic.ADMIN_AUTH);
            assertThat(list.status()).isEqualTo(200);
            JsonNode dead = null;
            for (JsonNode d : list.json().get("dead_letters")) {
                if (d.get("provider_order_id").asText().equals(key)) {
                    dead = d;
                }
            }
            assertThat(dead).as(list.body()).isNotNull();
            assertThat(dead.get("seq").asLong()).isEqualTo(1);
            assertThat(dead.get("status").asText()).isEqualTo("ACKNOWLEDGED");
            assertThat(dead.get("attempts").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(dead.get("last_error").asText()).isEqualTo("HTTP 500");
            assertThat(dead.get("created_at").asText()).isNotBlank();
            assertThat(dead.has("proof") || dead.has("body") || dead.has("payload")).isFalse();
            assertThat(outbox.entries(key)).extracting(OutboxEntry::state)
                    .containsExactly(OutboxState.DEAD, OutboxState.PENDING);
        } finally {
            bestRx.removeStub(down);
        }
        int attemptsBefore = callbacks(bestRx, key).size();

        GatewayHttp.Answer replay = postAdmin("/admin/orders/" + key + "/replay", StatusTraffic.ADMIN_AUTH);

        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().get("replayed").asInt()).isEqualTo(1);
        await("both changes sent").atMost(WAIT).until(() -> outbox.entries(key).stream()
                .allMatch(e -> e.state() == OutboxState.SENT));
        var all = callbacks(bestRx, key);
        List<String> after = codes(all.subList(attemptsBefore, all.size()));
        assertThat(after).containsExactly("2", "6");
        assertThat(postAdmin("/admin/orders/" + key + "/replay", StatusTraffic.ADMIN_AUTH).json().get("replayed").asInt())
                .isZero();

        GatewayHttp.Answer history = get("/admin/orders/" + key + "/history", StatusTraffic.ADMIN_AUTH);
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().at("/order/delivery_status").asText()).isEqualTo("OUT_FOR_DELIVERY");
        List<String> kinds = new java.util.ArrayList<>();
        history.json().get("events").forEach(e -> kinds.add(e.get("kind").asText()));
        assertThat(kinds).containsSubsequence("BOOKED", "STATUS_CHANGED", "CALLBACK_DEAD_LETTERED", "STATUS_CHANGED",
                "CALLBACK_REPLAYED");
        assertThat(history.json().get("callbacks")).hasSize(2);
        assertThat(history.json().at("/callbacks/0/state").asText()).isEqualTo("SENT");
        assertThat(history.body()).doesNotContain("signer_info").doesNotContain("recipient");
    }
}
