package com.carriergateway.adapter.examplecourier;

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
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.BindException;

class ExampleCourierSettingsTest {

    @Test
    void defaultsFillWhatIsNotSet() {
        ExampleCourierSettings s = ExampleCourierTestSettings.defaults();
        assertThat(s.baseUrl()).isEqualTo("https://api.example-courier.test");
        assertThat(s.tokenUrl()).isEqualTo("https://api.example-courier.test/oauth/token");
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.tokenRefreshMargin()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.serviceFor("normal")).isEqualTo("standard");
        assertThat(s.serviceFor(null)).isEqualTo("standard");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base-url", "client-id", "client-secret"})
    void eachRequiredKeyIsNamedWhenMissing(String key) {
        Map<String, String> values = ExampleCourierTestSettings.required();
        values.remove(key);
        assertThatThrownBy(() -> ExampleCourierSettings.from("courier-east",
                CarrierSettingsBinding.bind(new ExampleCourierAdapterProvider(), "courier-east", values)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gateway.carriers.courier-east." + key + " is required");
    }

    @Test
    void wrongValuesFailNamingTheirProperty() {
        assertFails(Map.of("base-url", "api.example-courier.test"), "gateway.carriers.example-courier.base-url");
        assertFails(Map.of("token-url", "ftp://auth.test/token"), "gateway.carriers.example-courier.token-url");
        assertFails(Map.of("request-timeout", "0s"), "gateway.carriers.example-courier.request-timeout");
        assertFails(Map.of("connect-timeout", "soon"), "gateway.carriers.example-courier.connect-timeout");
        assertFails(Map.of("status-map.picked_up", "GONE"), "gateway.carriers.example-courier.status-map.picked_up");
        assertFails(Map.of("colour", "blue"), "gateway.carriers.example-courier.colour");
    }

    @Test
    void explicitValuesAreUsed() {
        ExampleCourierSettings s = ExampleCourierTestSettings.with(Map.of(
                "base-url", "https://api.example-courier.test/",
                "token-url", "https://auth.example-courier.test/token",
                "request-timeout", "2500ms",
                "service", "economy",
                "service-level.Same_Day", "rush",
                "status-map.picked_up", "IN_TRANSIT"));
        assertThat(s.baseUrl()).isEqualTo("https://api.example-courier.test");
        assertThat(s.tokenUrl()).isEqualTo("https://auth.example-courier.test/token");
        assertThat(s.requestTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(s.serviceFor("same_day")).isEqualTo("rush");
        assertThat(s.serviceFor("normal")).isEqualTo("economy");
        assertThat(s.statusMap().lookup("picked_up")).contains(DeliveryStatus.IN_TRANSIT);
    }

    @Test
    void toStringHidesTheSecret() {
        ExampleCourierSettings s = ExampleCourierTestSettings.with(Map.of("client-secret", "SECRET-XYZ"));
        assertThat(s.toString()).doesNotContain("SECRET-XYZ").contains("hidden");
        assertThat(CarrierSettingsBinding.bind(new ExampleCourierAdapterProvider(), "c",
                Map.of("client-secret", "SECRET-XYZ")).toString()).doesNotContain("SECRET-XYZ");
    }

    @Test
    void theGatewayFindsTheProviderByItsType() {
        CarrierAdapterProvider<?> provider = ServiceLoader.load(CarrierAdapterProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.type().equals(ExampleCourierAdapterProvider.TYPE))
                .findFirst().orElseThrow();
        CarrierAdapter adapter = CarrierSettingsBinding.create(provider, "courier-east",
                ExampleCourierTestSettings.required(), Clock.systemUTC());
        assertThat(adapter.carrierId()).isEqualTo("courier-east");
        assertThat(adapter.capabilities()).doesNotContain(Operation.VALIDATE_ADDRESS).contains(Operation.CREATE_ORDER,
                Operation.FIND_ORDER);
        assertThat(adapter.deliveryCapabilities()).doesNotContain(DeliveryCapability.COLD_CHAIN);
    }

    private static void assertFails(Map<String, String> extra, String property) {
        // a value that does not convert is the binder's refusal, a wrong one the settings' own: both name it
        assertThatThrownBy(() -> ExampleCourierTestSettings.with(extra))
                .isInstanceOfAny(IllegalArgumentException.class, BindException.class)
                .satisfies(e -> assertThat(messages(e)).contains(property));
    }

    /** The binder names the property in its own message or its cause's. */
    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
