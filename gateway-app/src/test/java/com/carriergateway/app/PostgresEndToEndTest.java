package com.carriergateway.app;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.app.sandbox.SandboxServers;
import com.carriergateway.core.TestDatabases;
import com.carriergateway.core.store.OrderState;
import com.carriergateway.core.store.OrderStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The production database: the same flows on a real PostgreSQL (embedded, started from a Maven jar). */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "gateway.sandbox.ports.pitney-bowes=0",
                "gateway.sandbox.ports.connect=0",
                "gateway.sandbox.ports.bestrx=0",
                "gateway.sandbox.ports.uber-direct=0",
        })
class PostgresEndToEndTest extends EndToEndTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws Exception {
        EmbeddedPostgres server = TestDatabases.postgresServer();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS gateway_e2e");
            s.execute("CREATE DATABASE gateway_e2e");
        }
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + server.getPort() + "/gateway_e2e");
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }


    @Test
    void twentyConcurrentCopiesBookOnceAndTheOrderCancelsOnce() throws Exception {
        long id = Seeds.nextUniqueId();
        String body = Seeds.createOrder(id);
        String providerOrderId = null;
        for (GatewayHttp.Answer a : GatewayHttp.together(20, () -> gateway.createOrder(body))) {
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            providerOrderId = a.json().at("/data/provider_order_id").asText();
        }
        assertThat(sandboxes.server("pitney-bowes").findAll(postRequestedFor(urlPathEqualTo(
                "/shippingservices/fulfillment/v1/orders")).withRequestBody(
                matchingJsonPath("$.clientOrderId", equalTo(providerOrderId))))).hasSize(1);

        assertThat(gateway.cancelOrder(Seeds.cancelOrder(id)).json().at("/data/status").asBoolean()).isTrue();
        assertThat(store.findById(providerOrderId).orElseThrow().state()).isEqualTo(OrderState.CANCELLED);
    }

    @Test
    void aRejectedRequestStoresNothingOnPostgresEither() {
        long before = store.countOrders();
        GatewayHttp.Answer a = gateway.createOrder(Seeds.createOrder(Seeds.nextUniqueId(),
                j -> j.put("declared_amount", "lots")));
        assertThat(a.status()).isEqualTo(400);
        assertThat(store.countOrders()).isEqualTo(before);
    }
}
