package com.carriergateway.routes.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.Operation;
import com.carriergateway.adapter.webhook.HmacSignature;
import com.carriergateway.adapter.webhook.WebhookAuthentication;
import com.carriergateway.adapter.webhook.WebhookProtocol;
import com.carriergateway.adapter.webhook.WebhookRequest;
import com.carriergateway.adapter.webhook.WebhookSettings;
import com.carriergateway.adapter.webhook.WebhookVerdict;
import com.carriergateway.core.carrier.CarrierRegistry;
import com.carriergateway.routes.webhook.WebhookDirectory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.ApiKeyDefinition;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.SecurityDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.junit.jupiter.api.Test;

/** The webhook's documentation names each open carrier's way of proving a call is its own, from its protocol. */
class CarrierWebhookRestApiTest {

    /** A carrier that signs its calls, as Uber Direct does. */
    static CarrierAdapter signing(String id) {
        return new CarrierAdapter() {
            @Override
            public String carrierId() {
                return id;
            }

            @Override
            public Set<Operation> capabilities() {
                return Set.of(Operation.PARSE_WEBHOOK);
            }

            @Override
            public WebhookProtocol webhookProtocol(WebhookSettings settings) {
                HmacSignature hmac = new HmacSignature(settings.getSigningKey());
                return new WebhookProtocol() {
                    @Override
                    public WebhookVerdict verify(WebhookRequest request) {
                        return hmac.matches(request.rawBody(), request.header("x-uber-signature"))
                                ? WebhookVerdict.accept() : WebhookVerdict.refuse("bad signature");
                    }

                    @Override
                    public WebhookAuthentication authentication() {
                        return WebhookAuthentication.hmacSha256("x-uber-signature");
                    }
                };
            }
        };
    }

    static CarrierAdapter basic(String id) {
        return new CarrierAdapter() {
            @Override
            public String carrierId() {
                return id;
            }

            @Override
            public Set<Operation> capabilities() {
                return Set.of(Operation.PARSE_WEBHOOK);
            }
        };
    }

    @Test
    void eachOpenCarriersSchemeIsDocumented() throws Exception {
        WebhookSettings pb = new WebhookSettings();
        pb.setUsername("pb-hook");
        pb.setPassword("s3cret");
        WebhookSettings uber = new WebhookSettings();
        uber.setSigningKey("k3y");
        Map<String, WebhookSettings> config = new LinkedHashMap<>();
        config.put("pb", pb);
        config.put("uber", uber);
        WebhookDirectory directory = WebhookDirectory.fromConfiguration(config,
                new CarrierRegistry(Map.of("pb", basic("pb"), "uber", signing("uber"))));

        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new CarrierWebhookRestApi(directory));
            RestDefinition rest = camel.getCamelContextExtension().getContextPlugin(Model.class).getRestDefinitions()
                    .get(0);

            assertThat(rest.getSecurityDefinitions().getSecurityDefinitions())
                    .extracting(d -> d.getKey()).containsExactly("webhookBasic", "webhookSignature-x-uber-signature");
            assertThat(rest.getSecurityDefinitions().getSecurityDefinitions().get(1))
                    .isInstanceOfSatisfying(ApiKeyDefinition.class, k -> assertThat(k.getName())
                            .isEqualTo("x-uber-signature"));
            VerbDefinition post = rest.getVerbs().get(0);
            assertThat(post.getSecurity()).extracting(SecurityDefinition::getKey)
                    .containsExactly("webhookBasic", "webhookSignature-x-uber-signature");
            assertThat(post.getDescriptionText()).contains("pb: HTTP Basic")
                    .contains("uber: HMAC-SHA256 signature in x-uber-signature");
            assertThat(post.getParams().get(0).getAllowableValuesAsStringList()).containsExactly("pb", "uber");
        }
    }
}
