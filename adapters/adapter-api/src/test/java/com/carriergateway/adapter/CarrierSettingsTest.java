package com.carriergateway.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CarrierSettingsTest {

    private final CarrierSettings settings = new CarrierSettings("pb", Map.of(
            "base-url", "http://x", "timeout", "2500ms", "window", "26h", "status-map.SHIPPED", "IN_TRANSIT",
            "api-secret", "s3cr3t-value"));

    @Test
    void missingRequiredSettingNamesTheFullProperty() {
        assertThatThrownBy(() -> settings.require("client-id"))
                .hasMessage("gateway.carriers.pb.client-id is required");
    }

    @Test
    void durationsAcceptUnitsAndIsoForm() {
        assertThat(settings.duration("timeout", null)).isEqualTo(Duration.ofMillis(2500));
        assertThat(settings.duration("window", null)).isEqualTo(Duration.ofHours(26));
        assertThat(settings.duration("absent", Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(() -> new CarrierSettings("pb", Map.of("t", "soon")).duration("t", null))
                .hasMessageContaining("gateway.carriers.pb.t is not a duration");
    }

    @Test
    void nestedEntriesAreReadAsAMapAndSecretsStayOutOfToString() {
        assertThat(settings.under("status-map")).containsExactly(Map.entry("SHIPPED", "IN_TRANSIT"));
        assertThat(settings.toString()).doesNotContain("s3cr3t-value");
    }
}
