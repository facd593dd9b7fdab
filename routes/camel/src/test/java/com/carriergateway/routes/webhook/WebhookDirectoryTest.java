package com.carriergateway.routes.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.Operation;
import com.carriergateway.adapter.webhook.WebhookRequest;
import com.carriergateway.adapter.webhook.WebhookSettings;
import com.carriergateway.core.carrier.CarrierRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may push statuses, and how a webhook call is authenticated (the carrier's protocol; HTTP Basic by default). */
class WebhookDirectoryTest {

    static CarrierAdapter carrier(String id, Operation... ops) {
        return new CarrierAdapter() {
            @Override
            public String carrierId() {
                return id;
            }

            @Override
            public Set<Operation> capabilities() {
                return Set.of(ops);
            }
        };
    }

    static WebhookSettings settings(String user, String password) {
        WebhookSettings w = new WebhookSettings();
        w.setUsername(user);
        w.setPassword(password);
        return w;
    }

    /** A webhook call with this Authorization header (none when null). */
    static WebhookRequest call(String authorization) {
        return WebhookRequest.post(authorization == null ? Map.of() : Map.of("Authorization", List.of(authorization)),
                "[]");
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    final CarrierRegistry carriers = new CarrierRegistry(Map.of(
            "pb", carrier("pb", Operation.PARSE_WEBHOOK), "quiet", carrier("quiet", Operation.GET_STATUS)));

    @Test
    void onlyTheCarriersOwnCredentialOpensItsWebhook() {
        WebhookDirectory d = WebhookDirectory.fromConfiguration(Map.of("pb", settings("pb-hook", "s3cret")), carriers);

        assertThat(d.authenticate("pb", call(basic("pb-hook", "s3cret"))).carrier().carrierId()).isEqualTo("pb");
        for (String wrong : new String[] {basic("pb-hook", "nope"), basic("other", "s3cret"), basic("", ""),
                "Basic !!!", "Bearer abc", "pb-hook:s3cret"}) {
            WebhookProblem p = catchThrowableOfType(WebhookProblem.class, () -> d.authenticate("pb", call(wrong)));
            assertThat(p.httpStatus()).as(wrong).isEqualTo(401);
        }
        assertThat(catchThrowableOfType(WebhookProblem.class, () -> d.authenticate("pb", call(null))).httpStatus())
                .isEqualTo(401);
        WebhookProblem unknown = catchThrowableOfType(WebhookProblem.class,
                () -> d.authenticate("<script>", call(basic("pb-hook", "s3cret"))));
        assertThat(unknown.httpStatus()).isEqualTo(404);
        assertThat(unknown.getMessage()).doesNotContain("<script>");
    }

    @Test
    void configurationMistakesStopStartupNamingTheProperty() {
        assertThatThrownBy(() -> WebhookDirectory.fromConfiguration(Map.of("ups", settings("u", "p")), carriers))
                .hasMessageContaining("gateway.webhooks.ups names no configured carrier");
        assertThatThrownBy(() -> WebhookDirectory.fromConfiguration(Map.of("quiet", settings("u", "p")), carriers))
                .hasMessageContaining("gateway.webhooks.quiet").hasMessageContaining("cannot read webhooks");
        assertThatThrownBy(() -> WebhookDirectory.fromConfiguration(Map.of("pb", settings("u", " ")), carriers))
                .hasMessageContaining("gateway.webhooks.pb.username and password are required");
    }
}
