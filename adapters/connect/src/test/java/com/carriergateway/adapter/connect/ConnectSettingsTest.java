package com.carriergateway.adapter.connect;

import com.carriergateway.adapter.contract.CarrierSettingsBinding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carriergateway.adapter.CarrierAdapterProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectSettingsTest {

    @Test
    void defaultsMatchTheDocumentation() {
        ConnectSettings s = settings(Map.of("auth-method", "client_secret", "client-secret", "s"));

        assertThat(s.baseUrl).isEqualTo("https://360-api.superloop.com");
        assertThat(s.tokenUrl).isEqualTo("https://sso.superloop.com/auth/realms/superloop/protocol/openid-connect/token");
        assertThat(s.apiVersion).isEqualTo("7");
        assertThat(s.connectTimeout).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.requestTimeout).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.tokenRefreshMargin).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.cancelWindow).isEqualTo(Duration.ofHours(26));
        assertThat(s.refuseAtWindowBoundary).isFalse();
        assertThat(s.pollInitialDelay).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.pollMaxDelay).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.pollDeadline).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.orderDefaults).isEqualTo(Map.of("sourceType", "nbn", "aggregationMethod", "L2TP"));
        assertThat(s.findPath).isEqualTo("/api/connect/orders?customerReference={orderKey}");
        assertThat(s.orderPath).isEqualTo("/api/connect/orders/{id}");
        assertThat(s.inactiveAppointmentStatuses).containsExactlyInAnyOrder("cancelled", "canceled", "completed", "complete");
    }

    @Test
    void privateKeyJwtIsTheDefaultAndNeedsAKeyAndAKeyId() {
        assertThatThrownBy(() -> settings(Map.of()))
                .hasMessage("gateway.carriers.connect.private-key or gateway.carriers.connect.private-key-file is "
                        + "required for auth-method private_key_jwt");
        assertThatThrownBy(() -> settings(Map.of("private-key", TestKeys.privateKeyPem(TestKeys.rsa()))))
                .hasMessage("gateway.carriers.connect.key-id is required");
        assertThat(settings(Map.of("private-key", TestKeys.privateKeyPem(TestKeys.rsa()), "key-id", "k")).authMethod)
                .isEqualTo(ConnectSettings.AuthMethod.PRIVATE_KEY_JWT);
    }

    @Test
    void theKeyMayComeFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("connect.pem");
        Files.writeString(file, TestKeys.privateKeyPem(TestKeys.rsa()));

        assertThat(settings(Map.of("private-key-file", file.toString(), "key-id", "k")).privateKey)
                .isEqualTo(TestKeys.rsa().getPrivate());
    }

    @Test
    void badKeysFailNamingThePropertyWithoutEchoingTheKey() {
        assertThatThrownBy(() -> settings(Map.of("key-id", "k",
                "private-key", "-----BEGIN RSA PRIVATE KEY-----\nMIIEsecret\n-----END RSA PRIVATE KEY-----")))
                .hasMessageStartingWith("gateway.carriers.connect.private-key is a PKCS#1 key")
                .hasMessageNotContaining("MIIEsecret");
        assertThatThrownBy(() -> settings(Map.of("key-id", "k",
                "private-key", "-----BEGIN PRIVATE KEY-----\nnotbase64secret!\n-----END PRIVATE KEY-----")))
                .hasMessage("gateway.carriers.connect.private-key is not a readable RSA PKCS#8 private key");
    }

    @Test
    void wrongValuesFailNamingTheProperty() {
        Map<String, String> secret = Map.of("auth-method", "client_secret", "client-secret", "s");
        assertThatThrownBy(() -> settings(Map.of("auth-method", "mtls")))
                .hasMessageStartingWith("gateway.carriers.connect.auth-method must be private_key_jwt or client_secret");
        assertThatThrownBy(() -> settings(Map.of("auth-method", "client_secret")))
                .hasMessage("gateway.carriers.connect.client-secret is required");
        assertThatThrownBy(() -> settings(with(secret, "cancel-window-boundary", "maybe")))
                .hasMessageStartingWith("gateway.carriers.connect.cancel-window-boundary must be allow or refuse");
        assertThatThrownBy(() -> settings(with(secret, "find-path", "/api/connect/orders")))
                .hasMessageStartingWith("gateway.carriers.connect.find-path must start with / and contain {orderKey}");
        assertThatThrownBy(() -> settings(with(secret, "base-url", "360-api.superloop.com")))
                .hasMessageStartingWith("gateway.carriers.connect.base-url must be an http(s) URL");
        assertThatThrownBy(() -> settings(with(secret, "poll-max-delay", "1s")))
                .hasMessageStartingWith("gateway.carriers.connect.poll-max-delay must not be shorter than");
        assertThatThrownBy(() -> settings(new HashMap<>(Map.of("client-id", " "))))
                .hasMessage("gateway.carriers.connect.client-id is required");
    }

    @Test
    void theProviderIsFoundByTypeAndBuildsTheAdapter() {
        CarrierAdapterProvider<?> provider = ServiceLoader.load(CarrierAdapterProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.type().equals("connect"))
                .findFirst()
                .orElseThrow();

        var adapter = CarrierSettingsBinding.create(provider, "superloop", Map.of("client-id", "c",
                "auth-method", "client_secret", "client-secret", "s"), Clock.systemUTC());

        assertThat(adapter.carrierId()).isEqualTo("superloop");
        assertThat(adapter.capabilities()).doesNotContain(com.carriergateway.adapter.Operation.VALIDATE_ADDRESS);
    }

    private static ConnectSettings settings(Map<String, String> extra) {
        Map<String, String> s = new HashMap<>(Map.of("client-id", "c"));
        s.putAll(extra);
        return ConnectSettings.from("connect", CarrierSettingsBinding.bind(new ConnectAdapterProvider(), "connect", s));
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> m = new HashMap<>(base);
        m.put(key, value);
        return m;
    }
}
