package com.carriergateway.adapter.uberdirect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.CarrierAdapterProvider;
import com.carriergateway.adapter.DeliveryCapability;
import com.carriergateway.adapter.Operation;
import com.carriergateway.adapter.contract.CarrierSettingsBinding;
import com.carriergateway.adapter.model.DeliveryStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.BindException;

class UberDirectSettingsTest {

    @Test
    void defaultsPointAtUbersProductionApiAndLoginHost() {
        UberDirectSettings s = UberDirectTestSettings.defaults();
        assertThat(s.baseUrl()).isEqualTo("https://api.uber.com/v1");
        assertThat(s.tokenUrl()).isEqualTo("https://login.uber.com/oauth/v2/token");
        assertThat(s.deliveriesUrl()).isEqualTo("https://api.uber.com/v1/customers/cus_sandbox_pharmacy/deliveries");
        assertThat(s.deliveryUrl("del_a/b")).endsWith("/deliveries/del_a%2Fb");
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.tokenRefreshMargin()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(s.scheduledWindowStart()).isEqualTo(LocalTime.of(9, 0));
        assertThat(s.scheduledWindowEnd()).isEqualTo(LocalTime.of(17, 0));
        assertThat(s.manifestItemName()).isEqualTo("Sealed pharmacy bag");
        assertThat(s.manifestItemSize()).isEqualTo("small");
        assertThat(s.manifestItemNames()).isFalse();
        assertThat(s.idCheckMinAge()).isEqualTo(18);
        assertThat(s.dropoffPinCode()).isFalse();
        assertThat(s.findPageSize()).isEqualTo(50);
        assertThat(s.findMaxPages()).isEqualTo(5);
        assertThat(s.fetchSignatureImage()).isFalse();
        assertThat(s.signatureImageTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(s.signatureImageHosts()).containsExactly("tb-static.uber.com");
        assertThat(s.statusMap().lookup("pending")).contains(DeliveryStatus.CREATED);
    }

    @Test
    void everyKeyIsBoundFromItsKebabCaseName() {
        UberDirectSettings s = UberDirectTestSettings.with(Map.ofEntries(
                Map.entry("base-url", "http://localhost:8094/v1/"),
                Map.entry("token-url", "http://localhost:8094/oauth/v2/token"),
                Map.entry("connect-timeout", "1s"), Map.entry("request-timeout", "1500ms"),
                Map.entry("token-refresh-margin", "1m"), Map.entry("time-zone", "America/Chicago"),
                Map.entry("scheduled-window-start", "10:30"), Map.entry("scheduled-window-end", "12:00"),
                Map.entry("manifest-item-name", "Pharmacy bag"), Map.entry("manifest-item-size", "MEDIUM"),
                Map.entry("manifest-item-names", "true"), Map.entry("id-check-min-age", "21"),
                Map.entry("dropoff-pin-code", "true"), Map.entry("find-page-size", "20"),
                Map.entry("find-max-pages", "2"), Map.entry("fetch-signature-image", "true"),
                Map.entry("signature-image-timeout", "2s"), Map.entry("signature-image-hosts", "Localhost,127.0.0.1"),
                Map.entry("status-map.pickup", "IN_TRANSIT")));
        assertThat(s.baseUrl()).isEqualTo("http://localhost:8094/v1");
        assertThat(s.tokenUrl()).isEqualTo("http://localhost:8094/oauth/v2/token");
        assertThat(s.requestTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(s.zone()).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(s.scheduledWindowStart()).isEqualTo(LocalTime.of(10, 30));
        assertThat(s.manifestItemName()).isEqualTo("Pharmacy bag");
        assertThat(s.manifestItemSize()).isEqualTo("medium");
        assertThat(s.manifestItemNames()).isTrue();
        assertThat(s.idCheckMinAge()).isEqualTo(21);
        assertThat(s.dropoffPinCode()).isTrue();
        assertThat(s.findPageSize()).isEqualTo(20);
        assertThat(s.findMaxPages()).isEqualTo(2);
        assertThat(s.fetchSignatureImage()).isTrue();
        assertThat(s.signatureImageHosts()).containsExactlyInAnyOrder("localhost", "127.0.0.1");
        assertThat(s.statusMap().lookup("pickup")).contains(DeliveryStatus.IN_TRANSIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"client-id", "client-secret", "customer-id"})
    void eachCredentialIsRequiredAndNamed(String key) {
        Map<String, String> values = UberDirectTestSettings.required();
        values.remove(key);
        assertThatThrownBy(() -> UberDirectSettings.from("uber-east",
                CarrierSettingsBinding.bind(new UberDirectAdapterProvider(), "uber-east", values)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gateway.carriers.uber-east." + key + " is required");
    }

    @Test
    void badValuesFailNamingTheirProperty() {
        assertFails(Map.of("base-url", "api.uber.com/v1"), "gateway.carriers.uber-direct.base-url");
        assertFails(Map.of("token-url", "ftp://login.uber.com/oauth"), "gateway.carriers.uber-direct.token-url");
        assertFails(Map.of("request-timeout", "0s"), "gateway.carriers.uber-direct.request-timeout");
        assertFails(Map.of("time-zone", "Central"), "gateway.carriers.uber-direct.time-zone");
        assertFails(Map.of("scheduled-window-start", "9am"), "gateway.carriers.uber-direct.scheduled-window-start");
        assertFails(Map.of("scheduled-window-start", "16:30"), "gateway.carriers.uber-direct.scheduled-window-end");
        assertFails(Map.of("manifest-item-size", "huge"), "gateway.carriers.uber-direct.manifest-item-size");
        assertFails(Map.of("id-check-min-age", "0"), "gateway.carriers.uber-direct.id-check-min-age");
        assertFails(Map.of("find-page-size", "0"), "gateway.carriers.uber-direct.find-page-size");
        assertFails(Map.of("find-max-pages", "101"), "gateway.carriers.uber-direct.find-max-pages");
        assertFails(Map.of("status-map.pickup", "ON_ITS_WAY"), "gateway.carriers.uber-direct.status-map.pickup");
    }

    @Test
    void theBinderRefusesUnknownKeysAndUnconvertibleValues() {
        Map<String, String> unknown = UberDirectTestSettings.required();
        unknown.put("api-key", "x");
        assertThatThrownBy(() -> CarrierSettingsBinding.bind(new UberDirectAdapterProvider(), "uber-direct", unknown))
                .isInstanceOf(BindException.class);
        Map<String, String> notANumber = UberDirectTestSettings.required();
        notANumber.put("id-check-min-age", "twenty-one");
        assertThatThrownBy(() -> CarrierSettingsBinding.bind(new UberDirectAdapterProvider(), "uber-direct",
                notANumber)).isInstanceOf(BindException.class)
                .hasMessageContaining("gateway.carriers.uber-direct.id-check-min-age");
    }

    @Test
    void theSecretIsNeverPrinted() {
        assertThat(UberDirectTestSettings.defaults().toString()).doesNotContain("sandbox-secret").contains("hidden");
        assertThat(CarrierSettingsBinding.bind(new UberDirectAdapterProvider(), "uber-direct",
                UberDirectTestSettings.required()).toString()).doesNotContain("sandbox-secret");
    }

    @Test
    void theProviderIsFoundByServiceLoaderAsUberDirect() {
        CarrierAdapterProvider<?> provider = ServiceLoader.load(CarrierAdapterProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.type().equals("uber-direct")).findFirst().orElseThrow();
        assertThat(provider).isInstanceOf(UberDirectAdapterProvider.class);
        assertThat(provider.settingsType()).isEqualTo(UberDirectProperties.class);
    }

    @Test
    void capabilitiesAreWhatUberOffers() {
        CarrierAdapter adapter = CarrierSettingsBinding.create(new UberDirectAdapterProvider(), "uber-direct",
                UberDirectTestSettings.required(), Clock.systemUTC());
        assertThat(adapter.carrierId()).isEqualTo("uber-direct");
        assertThat(adapter.capabilities()).containsExactlyInAnyOrder(Operation.CREATE_ORDER, Operation.FIND_ORDER,
                Operation.CANCEL_ORDER, Operation.GET_STATUS, Operation.PARSE_WEBHOOK);
        assertThat(adapter.deliveryCapabilities())
                .containsExactlyInAnyOrder(DeliveryCapability.SIGNATURE, DeliveryCapability.ID_CHECK);

        Map<String, String> withPin = UberDirectTestSettings.required();
        withPin.put("dropoff-pin-code", "true");
        assertThat(CarrierSettingsBinding.create(new UberDirectAdapterProvider(), "uber-direct", withPin,
                Clock.systemUTC()).deliveryCapabilities()).containsExactlyInAnyOrder(DeliveryCapability.SIGNATURE,
                DeliveryCapability.ID_CHECK, DeliveryCapability.PIN_CODE).doesNotContain(DeliveryCapability.COLD_CHAIN);
    }

    private static void assertFails(Map<String, String> values, String property) {
        assertThatThrownBy(() -> UberDirectTestSettings.with(values))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(property + " ");
    }
}
