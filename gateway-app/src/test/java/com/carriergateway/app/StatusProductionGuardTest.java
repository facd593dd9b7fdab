package com.carriergateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Production refuses the demo credentials of the admin endpoints and of carrier webhooks too. */
class StatusProductionGuardTest {

    @Test
    void productionRefusesDemoAdminAndWebhookCredentials() {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(GatewayApplication.class)
                .profiles("production")
                .run("--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:production-guard-status;DB_CLOSE_DELAY=-1",
                        "--spring.datasource.username=sa",
                        "--spring.datasource.password=",
                        "--gateway.production.allow-h2=true",
                        "--gateway.carriers.pitney-bowes.type=pitney-bowes",
                        "--gateway.carriers.pitney-bowes.base-url=https://shipping-api.pitneybowes.com",
                        "--gateway.carriers.pitney-bowes.api-key=real-key",
                        "--gateway.carriers.pitney-bowes.api-secret=real-secret",
                        "--gateway.carriers.pitney-bowes.client-id=1234",
                        "--gateway.webhooks.pitney-bowes.username=demo-pb-webhook",
                        "--gateway.webhooks.pitney-bowes.password=a-real-one",
                        "--gateway.admin.username=ops",
                        "--gateway.admin.password=demo-admin-secret")
                .close());

        assertThat(failure).isNotNull();
        StringBuilder messages = new StringBuilder();
        for (Throwable c = failure; c != null; c = c.getCause()) {
            messages.append(c.getMessage()).append('\n');
        }
        assertThat(messages.toString()).contains("Refusing to start with the production profile")
                .contains("gateway.admin.password holds a demo credential")
                .contains("gateway.webhooks.pitney-bowes holds a demo credential")
                .doesNotContain("gateway.admin.username holds")
                .doesNotContain("embedded H2 database");
    }
}
