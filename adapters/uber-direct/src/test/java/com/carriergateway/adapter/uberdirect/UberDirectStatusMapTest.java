package com.carriergateway.adapter.uberdirect;

import com.carriergateway.adapter.CarrierStatusMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carriergateway.adapter.model.DeliveryStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UberDirectStatusMapTest {

    private final CarrierStatusMap map = UberDirectStatusMap.defaultMap();

    @Test
    void everyDocumentedUberStatusHasItsCanonicalStatus() {
        assertThat(map.lookup("pending")).contains(DeliveryStatus.CREATED);
        assertThat(map.lookup("pickup")).contains(DeliveryStatus.ACKNOWLEDGED);
        assertThat(map.lookup("pickup_complete")).contains(DeliveryStatus.PICKED_UP);
        assertThat(map.lookup("dropoff")).contains(DeliveryStatus.OUT_FOR_DELIVERY);
        assertThat(map.lookup("delivered")).contains(DeliveryStatus.DELIVERED);
        assertThat(map.lookup("canceled")).contains(DeliveryStatus.CANCELLED);
        assertThat(map.lookup("returned")).contains(DeliveryStatus.RETURNED);
    }

    @Test
    void theHappyPathNeverStepsBackwards() {
        DeliveryStatus previous = null;
        for (String uber : new String[] {"pending", "pickup", "pickup_complete", "dropoff", "delivered"}) {
            DeliveryStatus s = map.lookup(uber).orElseThrow();
            if (previous != null) {
                assertThat(s.stage()).as(uber).isGreaterThan(previous.stage());
            }
            previous = s;
        }
    }

    @Test
    void spellingIsTolerantAndUnknownsMapToNothing() {
        assertThat(map.lookup(" Pickup Complete ")).contains(DeliveryStatus.PICKED_UP);
        assertThat(map.lookup("pickup-complete")).contains(DeliveryStatus.PICKED_UP);
        assertThat(map.lookup("ongoing")).isEmpty();
        assertThat(map.lookup(null)).isEmpty();
        assertThat(map.lookup(" ")).isEmpty();
    }

    @Test
    void overridesReplaceOrRemoveEntriesAndBadValuesNameTheirProperty() {
        CarrierStatusMap custom = UberDirectStatusMap.withOverrides(
                Map.of("returned", "UNABLE_TO_DELIVER", "pickup", "none", "ongoing", "in_transit"),
                k -> "gateway.carriers.u.status-map." + k);
        assertThat(custom.lookup("returned")).contains(DeliveryStatus.UNABLE_TO_DELIVER);
        assertThat(custom.lookup("pickup")).isEmpty();
        assertThat(custom.lookup("ongoing")).contains(DeliveryStatus.IN_TRANSIT);
        assertThat(custom.lookup("pending")).contains(DeliveryStatus.CREATED);
        assertThatThrownBy(() -> UberDirectStatusMap.withOverrides(Map.of("dropoff", "NEARLY_THERE"),
                k -> "gateway.carriers.u.status-map." + k))
                .hasMessageStartingWith("gateway.carriers.u.status-map.dropoff must be one of");
    }
}
