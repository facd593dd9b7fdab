package com.carriergateway.app;

import static org.awaitility.Awaitility.await;
import static com.carriergateway.app.StatusTraffic.batch;
import static com.carriergateway.app.StatusTraffic.callbacks;
import static com.carriergateway.app.StatusTraffic.pbEvent;
import static com.carriergateway.app.StatusTraffic.pbWebhook;
import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.core.outbox.OutboxStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the gateway logs while taking in carrier statuses and pushing them to BestRx: ids and outcomes, never the
 * signer's name or the patient's data, even though the callback itself carries the signer.
 */
@GatewayTest
class StatusLoggingEndToEndTest extends EndToEndTest {

    @Autowired
    OutboxStore outbox;

    @Test
    void webhookIntakeAndCallbackDispatchLogNoPatientDataNorSecrets() {
        long uniqueId = Seeds.nextUniqueId();
        GatewayHttp.Answer created = gateway.createOrder(Seeds.createOrder(uniqueId));
        String key = created.json().at("/data/provider_order_id").asText();
        String tracking = created.json().at("/data/tracking_id").asText();
        List<String> phi = new ArrayList<>(LoggingEndToEndTest.SAMPLE_PHI);
        phi.add("Zebulon");

        try (LogCapture logs = new LogCapture()) {
            pbWebhook(gateway, batch(pbEvent(tracking, "OFD", "2026-11-20T10:00:00Z", null)));
            pbWebhook(gateway, batch(pbEvent(tracking, "DLD", "2026-11-20T11:00:00Z", "Zebulon Jane Joplin")));
            pbWebhook(gateway, batch(pbEvent(tracking, "DLD", "2026-11-20T11:00:00Z", "Zebulon Jane Joplin")));
            gateway.post(StatusTraffic.PB_WEBHOOK, "[{\"trackingNumber\": \"" + tracking + "\", \"signedBy\": \"Zebulon\"",
                    StatusTraffic.PB_WEBHOOK_AUTH, java.util.Map.of());
            await("both callbacks sent").atMost(Duration.ofSeconds(20)).until(() -> outbox.entries(key).size() == 2
                    && outbox.entries(key).stream().allMatch(e -> e.state().name().equals("SENT")));

            assertThat(callbacks(sandboxes.server("bestrx"), key).get(1).getBodyAsString())
                    .as("the signer did reach BestRx").contains("Zebulon Jane").contains("Joplin");
            String all = logs.everything();
            assertThat(all).as("intake and dispatch did log").contains("pitney-bowes webhook").contains("delivered");
            assertThat(all).contains(key);
            for (String value : phi) {
                assertThat(all).as("logs mention " + value).doesNotContainIgnoringCase(value);
            }
            for (String secret : LoggingEndToEndTest.SECRETS) {
                assertThat(all).as("logs mention a secret").doesNotContain(secret);
            }
            assertThat(all).doesNotContain("demo-pb-webhook-secret").doesNotContain("demo-bestrx-secret");
        }
    }
}
