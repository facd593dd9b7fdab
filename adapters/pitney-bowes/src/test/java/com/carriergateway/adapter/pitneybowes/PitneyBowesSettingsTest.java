package com.carriergateway.adapter.pitneybowes;

import com.carriergateway.adapter.DeliveryCapability;
import com.carriergateway.adapter.contract.CarrierSettingsBinding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carriergateway.adapter.CarrierAdapterProvider;
import com.carriergateway.adapter.Operation;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PitneyBowesSettingsTest {

    @Test
    void defaultsPointAtPbsSandbox() {
        PitneyBowesSettings s = PitneyBowesTestSettings.defaults();
        assertThat(s.baseUrl()).isEqualTo("https://shipping-api-sandbox.pitneybowes.com");
        assertThat(s.tokenUrl()).isEqualTo("https://shipping-api-sandbox.pitneybowes.com/oauth/token");
        assertThat(s.fulfillmentUrl("/orders"))
                .isEqualTo("https://shipping-api-sandbox.pitneybowes.com/shippingservices/fulfillment/v1/orders");
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.tokenRefreshMargin()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.tokenMaxAge()).isEqualTo(Duration.ofHours(8));
        assertThat(s.shippingCarrier()).isEqualTo("PITNEY BOWES");
        assertThat(s.serviceId()).isEqualTo("NGSPS");
        assertThat(s.serviceName()).isNull();
        assertThat(s.trackingUrlTemplate()).isNull();
        assertThat(s.findSearchField()).isEqualTo("clientOrderIds");
        assertThat(s.minimalAddressValidation()).isFalse();
        assertThat(s.errorCodes().refusal()).containsExactlyInAnyOrder("8000105", "8000106");
        assertThat(s.errorCodes().alreadyCancelled()).containsExactly("8000107");
        assertThat(s.errorCodes().duplicateOrder()).containsExactly("8000102");
        assertThat(s.errorCodes().addressNotVerified()).containsExactlyInAnyOrder("address.not.verified", "1002005");
    }

    @ParameterizedTest
    @ValueSource(strings = {"api-key", "api-secret", "client-id"})
    void eachCredentialIsRequiredAndNamed(String key) {
        Map<String, String> values = PitneyBowesTestSettings.required();
        values.remove(key);
        assertThatThrownBy(() -> PitneyBowesSettings.from("pb-east",
                CarrierSettingsBinding.bind(new PitneyBowesAdapterProvider(), "pb-east", values)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gateway.carriers.pb-east." + key + " is required");
    }

    @Test
    void badValuesFailNamingTheirProperty() {
        assertFails(Map.of("base-url", "shipping-api.pitneybowes.com"), "gateway.carriers.pitney-bowes.base-url");
        assertFails(Map.of("token-url", "ftp://x/oauth"), "gateway.carriers.pitney-bowes.token-url");
        assertFails(Map.of("tracking-url-template", "https://t.example/"),
                "gateway.carriers.pitney-bowes.tracking-url-template");
        assertFails(Map.of("request-timeout", "0s"), "gateway.carriers.pitney-bowes.request-timeout");
        assertFails(Map.of("status-map.DLD", "DONE"), "gateway.carriers.pitney-bowes.status-map.DLD");
        assertFails(Map.of("minimal-address-validation", "maybe"),
                "gateway.carriers.pitney-bowes.minimal-address-validation");
    }

    @Test
    void explicitValuesAreUsed() {
        PitneyBowesSettings s = PitneyBowesTestSettings.with(Map.of(
                "base-url", "https://shipping-api.pitneybowes.com/",
                "token-url", "https://auth.example/oauth/token",
                "service-level.Express", "PBXPS",
                "refusal-codes", " 8012345 , 8012346 ",
                "already-cancelled-codes", "none",
                "request-timeout", "2500ms"));
        assertThat(s.baseUrl()).isEqualTo("https://shipping-api.pitneybowes.com");
        assertThat(s.tokenUrl()).isEqualTo("https://auth.example/oauth/token");
        assertThat(s.serviceIdFor("EXPRESS")).isEqualTo("PBXPS");
        assertThat(s.serviceIdFor("normal")).isEqualTo("NGSPS");
        assertThat(s.serviceIdFor(null)).isEqualTo("NGSPS");
        assertThat(s.errorCodes().refusal()).containsExactlyInAnyOrder("8012345", "8012346");
        assertThat(s.errorCodes().alreadyCancelled()).isEmpty();
        assertThat(s.requestTimeout()).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void pbHonoursASignatureUnlessTheAccountSaysOtherwise() {
        assertThat(PitneyBowesTestSettings.defaults().deliveryCapabilities())
                .containsExactly(DeliveryCapability.SIGNATURE);
        assertThat(PitneyBowesTestSettings.with(Map.of("delivery-capabilities", "")).deliveryCapabilities())
                .as("an account without signature service").isEmpty();
        assertThat(PitneyBowesTestSettings.with(Map.of("delivery-capabilities", "signature,cold-chain"))
                .deliveryCapabilities()).containsExactlyInAnyOrder(DeliveryCapability.SIGNATURE,
                DeliveryCapability.COLD_CHAIN);
        assertThat(new PitneyBowesAdapter(PitneyBowesTestSettings.defaults(), java.time.Clock.systemUTC())
                .deliveryCapabilities()).containsExactly(DeliveryCapability.SIGNATURE);
    }

    @Test
    void toStringHidesTheCredentials() {
        PitneyBowesSettings s = PitneyBowesTestSettings.with(Map.of("api-key", "KEY-XYZ", "api-secret", "SECRET-XYZ"));
        assertThat(s.toString()).doesNotContain("KEY-XYZ").doesNotContain("SECRET-XYZ").contains("hidden");
    }

    @Test
    void theGatewayFindsTheProviderByTypeAndItOffersEveryOperation() {
        CarrierAdapterProvider<?> provider = ServiceLoader.load(CarrierAdapterProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.type().equals("pitney-bowes")).findFirst().orElseThrow();
        var adapter = CarrierSettingsBinding.create(provider, "pb-east", PitneyBowesTestSettings.required(),
                Clock.systemUTC());
        assertThat(adapter.carrierId()).isEqualTo("pb-east");
        assertThat(adapter.capabilities()).isEqualTo(EnumSet.allOf(Operation.class));
    }

    private static void assertFails(Map<String, String> extra, String property) {
        // a value that does not convert is the binder's refusal, a wrong one the settings' own: both name it
        assertThatThrownBy(() -> PitneyBowesTestSettings.with(extra))
                .isInstanceOfAny(IllegalArgumentException.class, BindException.class).hasMessageContaining(property);
    }
}
