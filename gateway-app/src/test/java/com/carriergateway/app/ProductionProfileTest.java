package com.carriergateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The production profile refuses demo settings, naming each one. */
class ProductionProfileTest {

    @Test
    void productionRefusesSandboxesDemoCredentialsAndH2() {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(GatewayApplication.class)
                .profiles("production")
                .run(   // as an operator would pass them
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:production-guard;DB_CLOSE_DELAY=-1",
                        "--spring.datasource.username=sa",
                        "--spring.datasource.password=",
                        "--gateway.carriers.pitney-bowes.type=pitney-bowes",
                        "--gateway.carriers.pitney-bowes.base-url=https://shipping-api-sandbox.pitneybowes.com",
                        "--gateway.carriers.pitney-bowes.api-key=demo-pb-key",
                        "--gateway.carriers.pitney-bowes.api-secret=whatever-real",
                        "--gateway.carriers.pitney-bowes.client-id=1234",
                        "--gateway.pharmacies.ef0a4740-0be9-44f7-b89d-9e66eeba0b9a.api-key=demo-key",
                        "--gateway.pharmacies.ef0a4740-0be9-44f7-b89d-9e66eeba0b9a.api-secret=demo-secret",
                        "--gateway.pharmacies.ef0a4740-0be9-44f7-b89d-9e66eeba0b9a.default-carrier=pitney-bowes")
                .close());

        assertThat(failure).isNotNull();
        String message = rootMessage(failure);
        assertThat(message).contains("Refusing to start with the production profile")
                .contains("gateway.carriers.pitney-bowes.base-url points at a sandbox")
                .contains("gateway.carriers.pitney-bowes.api-key holds a demo credential")
                .contains("uses the demo credentials")
                .contains("spring.datasource.url is the embedded H2 database");
    }

    private static String rootMessage(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getMessage()).append('\n');
        }
        return sb.toString();
    }
}
