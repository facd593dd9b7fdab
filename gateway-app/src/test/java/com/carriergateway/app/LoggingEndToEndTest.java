package com.carriergateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the gateway writes to its logs while serving BestRx: request ids on every line, no patient data. */
@GatewayTest
class LoggingEndToEndTest extends EndToEndTest {

    /** Every personal value in BestRx's sample order and address check. */
    static final List<String> SAMPLE_PHI = List.of("Jane", "Joplin", "Doe Industries", "500 Second Ave", "Bloomingdale",
            "6305551111", "45678946785", "6305552222", "jane.doe@doeind.com", "610011", "123 Main St", "Lombard",
            "back porch", "Auto-Refills", "BANDAGE", "ATLANTIC AVE", "HOFFMAN ESTATES");

    /** Credentials and tokens of the demo configuration and sandboxes: none may reach a log. */
    static final List<String> SECRETS = List.of("demo-secret", "demo-pb-secret", "demo-connect-secret",
            "demo-bestrx-secret", "wrong-secret-123", "sandbox-access-token",
            java.util.Base64.getEncoder().encodeToString("demo-key:demo-secret".getBytes()));


    @Test
    void everyBestRxFlowLogsNeitherPatientDataNorSecrets() {
        try (LogCapture logs = new LogCapture()) {
            long pb = Seeds.nextUniqueId();
            long connect = Seeds.nextUniqueId();
            assertThat(gateway.createOrder(Seeds.createOrder(pb)).status()).isEqualTo(200);
            assertThat(gateway.createOrder(Seeds.createOrder(pb)).status()).as("replay").isEqualTo(200);
            assertThat(gateway.createOrder(Seeds.createOrder(pb, j -> j.put("amount_to_collect", 1))).status())
                    .as("conflict").isEqualTo(409);
            assertThat(gateway.createOrder(Seeds.connectOrder(connect)).status())
                    .as("Connect").isEqualTo(200);
            assertThat(gateway.createOrder(Seeds.createOrder(Seeds.nextUniqueId(), j -> j.remove("recipient"))).status())
                    .isEqualTo(400);
            assertThat(gateway.post("/Order/CreateOrder", Seeds.createOrder(Seeds.nextUniqueId()),
                    GatewayHttp.basic("demo-key", "wrong-secret-123"), Map.of()).status()).isEqualTo(401);
            assertThat(gateway.validateAddress(GatewayHttp.seed("validate-address-seed.json")).status()).isEqualTo(200);
            assertThat(gateway.cancelOrder(Seeds.cancelOrder(pb)).status()).isEqualTo(200);
            assertThat(gateway.cancelOrder(Seeds.cancelOrder(connect)).status()).isEqualTo(200);
            assertThat(gateway.cancelOrder(Seeds.cancelOrder(Seeds.nextUniqueId())).status()).isEqualTo(404);

            String all = logs.everything();
            for (String phi : SAMPLE_PHI) {
                assertThat(all).as("logs mention " + phi).doesNotContainIgnoringCase(phi);
            }
            for (String secret : SECRETS) {
                assertThat(all).as("logs mention a secret").doesNotContain(secret);
            }
        }
    }

    @Test
    void aFullCreateValidateAndCancelLogsNoPatientData() {
        long id = Seeds.nextUniqueId();
        try (LogCapture logs = new LogCapture()) {
            assertThat(gateway.createOrder(Seeds.createOrder(id)).status()).isEqualTo(200);
            assertThat(gateway.createOrder(Seeds.createOrder(id)).status()).isEqualTo(200);
            assertThat(gateway.createOrder(Seeds.createOrder(id, j -> j.put("tax_amount", "x"))).status()).isEqualTo(400);
            assertThat(gateway.validateAddress(GatewayHttp.seed("validate-address-seed.json")).status()).isEqualTo(200);
            assertThat(gateway.cancelOrder(Seeds.cancelOrder(id)).status()).isEqualTo(200);

            String all = logs.everything();
            assertThat(logs.events()).as("the flows did log").isNotEmpty();
            for (String phi : SAMPLE_PHI) {
                assertThat(all).as("logs mention " + phi).doesNotContainIgnoringCase(phi);
            }
        }
    }

    @Test
    void anIncomingRequestIdIsHonouredAndCarriedByEveryLogLineOfTheRequest() {
        try (LogCapture logs = new LogCapture()) {
            GatewayHttp.Answer a = gateway.post("/Order/CreateOrder", Seeds.createOrder(Seeds.nextUniqueId()),
                    GatewayHttp.DEMO_AUTH, Map.of("X-Request-ID", "bestrx-trace-42"));
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.header("X-Request-ID")).isEqualTo("bestrx-trace-42");
            assertThat(a.json().get("request_id").asText()).isEqualTo("bestrx-trace-42");

            List<ILoggingEvent> ours = logs.events().stream()
                    .filter(e -> e.getLoggerName().startsWith("com.carriergateway"))
                    .filter(e -> !e.getLoggerName().contains("sandbox"))
                    // background work (callback senders, status polls) has its own ids, not this request's
                    .filter(e -> !e.getLoggerName().startsWith("com.carriergateway.core.outbox"))
                    .filter(e -> !e.getLoggerName().startsWith("com.carriergateway.core.status.StatusPoll"))
                    .toList();
            assertThat(ours).as("gateway log lines of the request").isNotEmpty();
            assertThat(ours).allSatisfy(e -> assertThat(e.getMDCPropertyMap()).containsEntry("requestId", "bestrx-trace-42"));
        }
    }

    @Test
    void anUnusableRequestIdIsReplacedByOneOfOurs() {
        GatewayHttp.Answer a = gateway.post("/Order/CreateOrder", "{}", GatewayHttp.DEMO_AUTH,
                Map.of("X-Request-ID", "<script>alert(1)</script>"));
        assertThat(a.header("X-Request-ID")).startsWith("req_");
        assertThat(a.json().get("request_id").asText()).isEqualTo(a.header("X-Request-ID"));
    }
}
