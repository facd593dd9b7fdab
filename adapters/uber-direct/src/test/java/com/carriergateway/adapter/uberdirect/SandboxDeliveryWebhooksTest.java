package com.carriergateway.adapter.uberdirect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.CarrierStatusEvent;
import com.carriergateway.adapter.contract.CarrierSettingsBinding;
import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.ProofOfDelivery;
import com.carriergateway.adapter.model.Signer;
import com.carriergateway.adapter.webhook.HmacSignature;
import com.carriergateway.adapter.webhook.WebhookProtocol;
import com.carriergateway.adapter.webhook.WebhookRequest;
import com.carriergateway.sandbox.SignedWebhooks;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo sandbox plays Uber's webhooks: the {@code SignedWebhooks} extension (module wiremock-stubs) with the Uber
 * stubs, called as an operator would, sends signed delivery-status events to a second WireMock standing in for the
 * gateway; the adapter's own protocol and parser must accept every one.
 */
class SandboxDeliveryWebhooksTest {

    static final String DEMO_SIGNING_KEY = "demo-uber-signing-key";

    static WireMockServer uber;
    static WireMockServer gateway;

    @BeforeAll
    static void start() {
        uber = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .usingFilesUnderClasspath("wiremock-stubs/uber-direct")
                .extensions(SignedWebhooks.factory()));
        uber.start();
        gateway = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        gateway.start();
        gateway.stubFor(post(urlPathEqualTo("/webhooks/uber-direct")).willReturn(aResponse().withStatus(200)));
    }

    @AfterAll
    static void stop() {
        uber.stop();
        gateway.stop();
    }

    @Test
    void theSandboxPlaysADeliverysSignedWebhooksToTheGivenUrl() throws Exception {
        HttpResponse<String> accepted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + uber.port() + "/sandbox/delivery-webhooks"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"deliveryId": "del_CG-SEED1001", "externalId": "CG-SEED1001",
                         "webhookUrl": "http://localhost:%d/webhooks/uber-direct"}""".formatted(gateway.port())))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(gateway.findAll(postRequestedFor(urlPathEqualTo("/webhooks/uber-direct")))).hasSize(5));
        List<LoggedRequest> received = new ArrayList<>(gateway.findAll(
                postRequestedFor(urlPathEqualTo("/webhooks/uber-direct"))));
        received.sort(Comparator.comparing(LoggedRequest::getLoggedDate));

        HmacSignature demoKey = new HmacSignature(DEMO_SIGNING_KEY);
        CarrierAdapter adapter = CarrierSettingsBinding.create(new UberDirectAdapterProvider(), "uber-direct",
                Map.of("client-id", "c", "client-secret", "s", "customer-id", "cus_sandbox",
                        "fetch-signature-image", "true", "signature-image-hosts", "localhost"), Clock.systemUTC());
        WebhookProtocol protocol = adapter.webhookProtocol(UberWebhookProtocolTest.settings(DEMO_SIGNING_KEY));
        List<CarrierStatusEvent> events = new ArrayList<>();
        for (LoggedRequest r : received) {
            // the signature covers exactly the bytes that arrived
            assertThat(demoKey.matches(r.getBody(), r.getHeader("x-uber-signature"))).isTrue();
            assertThat(r.getHeader("x-uber-signature")).matches("[0-9a-f]{64}");
            WebhookRequest call = new WebhookRequest("POST", headers(r), r.getBody());
            assertThat(protocol.verify(call).accepted()).isTrue();
            events.addAll(adapter.parseWebhook(call).value());
        }

        assertThat(events).extracting(e -> e.update().status()).containsExactly(DeliveryStatus.CREATED,
                DeliveryStatus.ACKNOWLEDGED, DeliveryStatus.PICKED_UP, DeliveryStatus.OUT_FOR_DELIVERY,
                DeliveryStatus.DELIVERED);
        assertThat(events).extracting(CarrierStatusEvent::carrierOrderId).containsOnly("del_CG-SEED1001");
        assertThat(events).extracting(CarrierStatusEvent::orderKey).containsOnly("CG-SEED1001");
        assertThat(events).extracting(CarrierStatusEvent::eventId).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).startsWith("evt_"));
        ProofOfDelivery proof = events.get(4).update().proof();
        assertThat(proof.signer()).isEqualTo(new Signer(Signer.SignerRelation.PATIENT, "Sam", "Sandbox", null, null,
                null));
        assertThat(proof.signatureUrl()).isEqualTo("http://localhost:" + uber.port()
                + "/sandbox/signature-images/del_CG-SEED1001.png");
        assertThat(proof.signatureImage()).isEqualTo(UberDirectContractTest.SANDBOX_SIGNATURE_PNG);
    }

    @Test
    void theExtensionSignsLikeUber() {
        // Uber's worked example (spec §11.3), so the sandbox and the adapter agree on the scheme, not just with each other
        assertThat(SignedWebhooks.hmacSha256Hex(UberWebhookProtocolTest.KEY,
                UberWebhookProtocolTest.BODY.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo(UberWebhookProtocolTest.SIGNATURE);
    }

    private static Map<String, List<String>> headers(LoggedRequest r) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        r.getHeaders().all().forEach(h -> headers.put(h.key(), h.values()));
        return headers;
    }
}
