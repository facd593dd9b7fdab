package com.carriergateway.app.carriers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carriergateway.core.carrier.CarrierRegistry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Carrier instances from configuration: a mistake stops the start and names the property at fault. */
class CarrierInstancesTest {

    static final Map<String, Object> PB = Map.of(
            "gateway.carriers.pb-west.type", "pitney-bowes",
            "gateway.carriers.pb-west.base-url", "http://127.0.0.1:1",
            "gateway.carriers.pb-west.api-key", "k",
            "gateway.carriers.pb-west.api-secret", "s",
            "gateway.carriers.pb-west.client-id", "c");

    static CarrierRegistry build(Map<String, Object> base, Map<String, Object> changes) {
        Map<String, Object> props = new LinkedHashMap<>(base);
        props.putAll(changes);
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", props));
        return CarrierInstances.build(env, Set.of("pb-west"), Clock.systemUTC(), UnaryOperator.identity());
    }

    @Test
    void aCarrierInstanceIsBuiltFromItsKeysInAnySpelling() {
        CarrierRegistry registry = build(PB, Map.of("gateway.carriers.pb-west.requestTimeout", "7s"));
        assertThat(registry.get("pb-west").carrierId()).isEqualTo("pb-west");
    }

    @Test
    void aMisspelledKeyStopsTheStartNamingIt() {
        assertThatThrownBy(() -> build(PB, Map.of("gateway.carriers.pb-west.api-secert", "s")))
                .hasStackTraceContaining("gateway.carriers.pb-west.api-secert");
    }

    @Test
    void aValueThatDoesNotConvertNamesItsProperty() {
        assertThatThrownBy(() -> build(PB, Map.of("gateway.carriers.pb-west.request-timeout", "soon")))
                .hasStackTraceContaining("gateway.carriers.pb-west.request-timeout");
    }

    @Test
    void anUnknownTypeListsTheTypesOnTheClasspath() {
        assertThatThrownBy(() -> build(PB, Map.of("gateway.carriers.pb-west.type", "ups")))
                .hasMessageContaining("gateway.carriers.pb-west.type=ups names no carrier adapter")
                .hasMessageContaining("pitney-bowes").hasMessageContaining("connect");
    }

    @Test
    void aMissingRequiredValueNamesItsKey() {
        Map<String, Object> noKey = new LinkedHashMap<>(PB);
        noKey.remove("gateway.carriers.pb-west.api-key");
        assertThatThrownBy(() -> build(noKey, Map.of()))
                .hasMessageContaining("carrier pb-west is misconfigured").hasMessageContaining("api-key");
    }
}
