package com.carriergateway.adapter.examplecourier;

import com.carriergateway.adapter.CarrierStatusMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carriergateway.adapter.model.DeliveryStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExampleCourierStatusMapTest {

    private final CarrierStatusMap defaults = ExampleCourierStatusMap.defaultMap();

    @Test
    void everyCanonicalStatusIsReachable() {
        assertThat(ExampleCourierStatusMap.DEFAULTS.values()).containsAll(java.util.EnumSet.allOf(DeliveryStatus.class));
    }

    @Test
    void codesMatchIgnoringCaseSpacesAndDashes() {
        assertThat(defaults.lookup("picked_up")).contains(DeliveryStatus.PICKED_UP);
        assertThat(defaults.lookup("Picked up")).contains(DeliveryStatus.PICKED_UP);
        assertThat(defaults.lookup("OUT-FOR-DELIVERY")).contains(DeliveryStatus.OUT_FOR_DELIVERY);
        assertThat(defaults.lookup(" canceled ")).contains(DeliveryStatus.CANCELLED);
    }

    @Test
    void unknownAndBlankCodesMapToNothing() {
        for (String code : new String[] {"note_added", "", " ", null}) {
            assertThat(defaults.lookup(code)).as(String.valueOf(code)).isEmpty();
        }
    }

    @Test
    void overridesReplaceAddAndRemoveEntries() {
        CarrierStatusMap map = ExampleCourierStatusMap.withOverrides(
                Map.of("picked_up", "in_transit", "held_at_depot", "DELIVERY_ATTEMPTED", "attempted", "none"),
                k -> "p." + k);
        assertThat(map.lookup("picked_up")).contains(DeliveryStatus.IN_TRANSIT);
        assertThat(map.lookup("held-at-depot")).contains(DeliveryStatus.DELIVERY_ATTEMPTED);
        assertThat(map.lookup("attempted")).isEmpty();
        assertThat(map.lookup("delivered")).contains(DeliveryStatus.DELIVERED);
        assertThat(defaults.lookup("attempted")).as("defaults untouched").contains(DeliveryStatus.DELIVERY_ATTEMPTED);
    }

    @Test
    void anOverrideThatIsNoCanonicalStatusNamesItsProperty() {
        assertThatThrownBy(() -> ExampleCourierStatusMap.withOverrides(Map.of("picked_up", "GONE"),
                k -> "gateway.carriers.c.status-map." + k))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gateway.carriers.c.status-map.picked_up").hasMessageContaining("GONE");
    }
}
