package com.carriergateway.app.openapi;

import com.carriergateway.app.admin.AdminConfiguration;
import com.carriergateway.routes.bestrx.BestRxProperties;
import com.carriergateway.routes.rest.contract.BestRxSchemas;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.apache.camel.CamelContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's API document, served by springdoc at {@code /openapi.json} with a Swagger UI at {@code /swagger-ui.html}
 * (src/site/markdown/api.md): the admin API from its controllers, the BestRx calls and the carrier webhooks from the
 * Camel REST DSL ({@link RestDslOperations}).
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    OpenAPI gatewayApi() {
        return new OpenAPI()
                .info(new Info().title("Carrier Gateway").version("1")
                        .description("BestRx's delivery-provider API (CreateOrder, CancelOrder, ValidateAddress) in "
                                + "front of several couriers; the carriers' status webhooks; the operators' admin "
                                + "API. BestRx's loose types are described as the gateway reads them: an id is a "
                                + "number or digits in a string, a flag a boolean or its word, and so on; any text "
                                + "field also takes a number, read as its text. Envelope details follow the default "
                                + "gateway.bestrx.* settings. Message codes: errors.md."))
                .components(new Components().addSecuritySchemes(AdminConfiguration.ADMIN_BASIC, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("The operators' credential (gateway.admin.username / password).")));
    }

    @Bean
    RestDslOperations restDslOperations(CamelContext camel, BestRxProperties bestRx) {
        return new RestDslOperations(camel, new BestRxSchemas(bestRx));
    }
}
