package com.carriergateway.adapter.examplecourier;

import static com.carriergateway.adapter.contract.Outcomes.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.CarrierStatusEvent;
import com.carriergateway.adapter.credential.BasicCredential;
import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.StatusUpdate;
import com.carriergateway.adapter.webhook.BasicAuthWebhook;
import com.carriergateway.adapter.webhook.HmacSignature;
import com.carriergateway.adapter.webhook.WebhookProtocol;
import com.carriergateway.adapter.webhook.WebhookReply;
import com.carriergateway.adapter.webhook.WebhookRequest;
import com.carriergateway.adapter.webhook.WebhookSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExampleCourierWebhooksTest {

    static final Instant RECEIVED = Instant.parse("2026-01-15T10:00:00Z");
    static final String KEY = "signing-key-1";

    @Test
    void basicIsTheDefaultAndNeedsBothHalves() {
        WebhookProtocol basic = ExampleCourierWebhooks.protocol(settings("hook", "pw", null));
        assertThat(basic).isInstanceOf(BasicAuthWebhook.class);
        assertThat(basic.verify(request(Map.of("Authorization", new BasicCredential("hook", "pw").header()), "{}"))
                .accepted()).isTrue();
        assertThat(basic.verify(request(Map.of("Authorization", new BasicCredential("hook", "nope").header()), "{}"))
                .accepted()).isFalse();
        assertThatThrownBy(() -> ExampleCourierWebhooks.protocol(settings("hook", null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("password");
    }

    @Test
    void aSigningKeyMeansTheBodyMustBeSignedWithIt() {
        WebhookProtocol signed = ExampleCourierWebhooks.protocol(settings(null, null, KEY));
        String body = "{\"delivery_id\":\"D1\",\"status\":\"delivered\"}";
        String good = new HmacSignature(KEY).sign(body.getBytes());
        assertThat(signed.verify(request(Map.of("X-Signature", good), body)).accepted()).isTrue();
        assertThat(signed.verify(request(Map.of("X-Signature", good.toUpperCase()), body)).accepted()).isTrue();
        assertThat(signed.verify(request(Map.of("X-Signature", good), body + " ")).accepted()).isFalse();
        assertThat(signed.verify(request(Map.of("X-Signature", new HmacSignature("other").sign(body.getBytes())), body))
                .accepted()).isFalse();
        assertThat(signed.verify(request(Map.of(), body)).reason()).contains("X-Signature");
    }

    @Test
    void theUrlChallengeIsAnsweredWithItsValue() {
        WebhookProtocol signed = ExampleCourierWebhooks.protocol(settings(null, null, KEY));
        assertThat(signed.challenge(request(Map.of(), "{\"type\":\"webhook.verification\",\"challenge\":\"c\\\"1\"}")))
                .contains(new WebhookReply(200, Map.of(), "{\"challenge\":\"c\\\"1\"}"));
        assertThat(signed.challenge(request(Map.of(), "{\"delivery_id\":\"D1\",\"status\":\"delivered\"}"))).isEmpty();
        assertThat(signed.challenge(request(Map.of(), "{\"type\":\"webhook.verification\"}"))).isEmpty();
    }

    @Test
    void aSingleEventWithoutATimeHappenedWhenItArrived() {
        CarrierResult<List<CarrierStatusEvent>> r = ExampleCourierWebhooks.parse("c", """
                {"delivery_id": "D1", "status": "attempted", "status_reason": "nobody home"}""",
                ExampleCourierStatusMap.defaultMap(), RECEIVED);
        assertThat((List<CarrierStatusEvent>) assertSuccess(r)).containsExactly(new CarrierStatusEvent("D1", null, null,
                null, new StatusUpdate(DeliveryStatus.DELIVERY_ATTEMPTED, "nobody home", RECEIVED, "attempted", null)));
    }

    @Test
    void anEventNamingNoDeliveryIsSkippedWithAWarning() {
        CarrierResult<List<CarrierStatusEvent>> r = ExampleCourierWebhooks.parse("c",
                "[{\"status\": \"delivered\"}]", ExampleCourierStatusMap.defaultMap(), RECEIVED);
        assertThat((List<CarrierStatusEvent>) assertSuccess(r)).isEmpty();
        assertThat(((CarrierResult.Success<?>) r).warnings()).singleElement().asString().contains("names no delivery");
    }

    private static WebhookSettings settings(String username, String password, String signingKey) {
        WebhookSettings s = new WebhookSettings();
        s.setUsername(username);
        s.setPassword(password);
        s.setSigningKey(signingKey);
        return s;
    }

    private static WebhookRequest request(Map<String, String> headers, String body) {
        Map<String, List<String>> h = new java.util.HashMap<>();
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        return WebhookRequest.post(h, body);
    }
}
