package com.carriergateway.adapter.uberdirect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carriergateway.adapter.webhook.WebhookRequest;
import com.carriergateway.adapter.webhook.WebhookSettings;
import com.carriergateway.adapter.webhook.WebhookVerdict;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Uber's signature scheme, on the spec's worked example (§11.3), computed independently with Python and openssl. */
class UberWebhookProtocolTest {

    static final String KEY = "carrier-gateway-test-signing-key";
    static final String BODY = "{\"id\":\"evt_test_0001\",\"kind\":\"event.delivery_status\",\"status\":\"delivered\","
            + "\"delivery_id\":\"del_test_0001\",\"live_mode\":false}";
    static final String SIGNATURE = "016daee7e4915c33e5798c0c68a4655ee68568c1c7b3bdcc02467055216ac362";
    static final String SIGNATURE_WITH_NEWLINE = "dfc5d64d5778ba9f5bbfe9676a90724eaa15d5c0003259246769b6ac573ed9a3";
    static final String BASE64_OF_THE_MAC = "AW2u5+SRXDPleYwMaKRlXuaFaMHHs73MAkZwVSFqw2I=";

    private final UberWebhookProtocol protocol = new UberWebhookProtocol(settings(KEY));

    @Test
    void theWorkedExampleIsAccepted() {
        assertThat(BODY.getBytes(StandardCharsets.UTF_8)).hasSize(122);
        assertThat(protocol.verify(call(BODY, "x-uber-signature", SIGNATURE))).isEqualTo(WebhookVerdict.accept());
        // header names are case-insensitive, and so is the hex
        assertThat(protocol.verify(call(BODY, "X-Uber-Signature", SIGNATURE.toUpperCase())).accepted()).isTrue();
    }

    @Test
    void oneMoreByteBreaksTheSignature() {
        WebhookVerdict v = protocol.verify(call(BODY + "\n", "x-uber-signature", SIGNATURE));
        assertThat(v.accepted()).isFalse();
        assertThat(v.reason()).contains("does not match").doesNotContain(SIGNATURE).doesNotContain(KEY);
        // ...and the body with its newline is accepted with its own signature: it is the bytes that are signed
        assertThat(protocol.verify(call(BODY + "\n", "x-uber-signature", SIGNATURE_WITH_NEWLINE)).accepted()).isTrue();
    }

    @Test
    void anythingButTheHexMacOfTheBodyWithThisKeyIsRefused() {
        assertThat(protocol.verify(call(BODY, "x-uber-signature", BASE64_OF_THE_MAC)).accepted()).isFalse();
        assertThat(protocol.verify(call(BODY, "x-uber-signature", "sha256=" + SIGNATURE)).accepted()).isFalse();
        assertThat(new UberWebhookProtocol(settings("another-key")).verify(call(BODY, "x-uber-signature", SIGNATURE))
                .accepted()).isFalse();
    }

    @Test
    void aMissingSignatureIsRefusedBeforeAnythingIsRead() {
        WebhookVerdict v = protocol.verify(WebhookRequest.post(Map.of(), "not even JSON"));
        assertThat(v.accepted()).isFalse();
        assertThat(v.reason()).contains("x-uber-signature");
        assertThat(protocol.verify(call(BODY, "x-uber-signature", " ")).accepted()).isFalse();
    }

    @Test
    void theOlderHeaderNameIsReadTheSameWay() {
        assertThat(protocol.verify(call(BODY, "X-Postmates-Signature", SIGNATURE)).accepted()).isTrue();
        assertThat(protocol.verify(call(BODY, "X-Postmates-Signature", SIGNATURE_WITH_NEWLINE)).accepted()).isFalse();
    }

    @Test
    void withoutASigningKeyTheProtocolCannotBeBuilt() {
        assertThatThrownBy(() -> new UberWebhookProtocol(new WebhookSettings()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("signing-key is required");
        assertThatThrownBy(() -> new UberWebhookProtocol(settings(" ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("signing-key is required");
    }

    @Test
    void theAdapterUsesThisProtocolNotBasicAuth() {
        assertThat(com.carriergateway.adapter.contract.CarrierSettingsBinding.create(new UberDirectAdapterProvider(),
                "uber-direct", UberDirectTestSettings.required(), java.time.Clock.systemUTC())
                .webhookProtocol(settings(KEY))).isInstanceOf(UberWebhookProtocol.class);
    }

    static WebhookSettings settings(String key) {
        WebhookSettings s = new WebhookSettings();
        s.setSigningKey(key);
        return s;
    }

    private static WebhookRequest call(String body, String header, String value) {
        return new WebhookRequest("POST", Map.of(header, List.of(value), "Content-Type", List.of("application/json")),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
