package com.carriergateway.adapter.pitneybowes;

import com.carriergateway.adapter.CarrierStatusMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carriergateway.adapter.model.DeliveryStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PitneyBowesStatusMapTest {

    private final CarrierStatusMap defaults = PitneyBowesStatusMap.defaultMap();

    @Test
    void pbsStandardizedEventCodesMapOntoCanonicalStatuses() {
        Map<String, DeliveryStatus> expected = Map.ofEntries(
                Map.entry("OFD", DeliveryStatus.OUT_FOR_DELIVERY), Map.entry("DAT", DeliveryStatus.DELIVERY_ATTEMPTED),
                Map.entry("DLD", DeliveryStatus.DELIVERED), Map.entry("UDL", DeliveryStatus.UNABLE_TO_DELIVER),
                Map.entry("RTS", DeliveryStatus.RETURNED), Map.entry("TRD", DeliveryStatus.IN_TRANSIT),
                Map.entry("SPH", DeliveryStatus.IN_TRANSIT), Map.entry("CUC", DeliveryStatus.IN_TRANSIT),
                Map.entry("AWP", DeliveryStatus.ACKNOWLEDGED), Map.entry("PSR", DeliveryStatus.ACKNOWLEDGED));
        expected.forEach((code, status) -> assertThat(defaults.lookup(code)).as(code).contains(status));
    }

    @Test
    void informationalAndUnknownCodesMapToNothing() {
        for (String code : new String[] {"INF", "MSC", "DYU", "XYZ", "", "  ", null}) {
            assertThat(defaults.lookup(code)).as(String.valueOf(code)).isEmpty();
        }
    }

    @Test
    void orderStatusesMapIgnoringCaseSpacesAndDashes() {
        assertThat(defaults.lookup("CANCELLED")).contains(DeliveryStatus.CANCELLED);
        assertThat(defaults.lookup("canceled")).contains(DeliveryStatus.CANCELLED);
        assertThat(defaults.lookup("Partially shipped")).contains(DeliveryStatus.PICKED_UP);
        assertThat(defaults.lookup("in-process")).contains(DeliveryStatus.ACKNOWLEDGED);
        assertThat(defaults.lookup(" shipped ")).contains(DeliveryStatus.PICKED_UP);
    }

    @Test
    void overridesReplaceAddAndRemoveEntries() {
        CarrierStatusMap map = PitneyBowesStatusMap.withOverrides(
                Map.of("shipped", "in_transit", "DYU", "UNABLE_TO_DELIVER", "TRD", "none"), k -> "p." + k);
        assertThat(map.lookup("SHIPPED")).contains(DeliveryStatus.IN_TRANSIT);
        assertThat(map.lookup("DYU")).contains(DeliveryStatus.UNABLE_TO_DELIVER);
        assertThat(map.lookup("TRD")).isEmpty();
        assertThat(map.lookup("DLD")).contains(DeliveryStatus.DELIVERED);
        assertThat(defaults.lookup("TRD")).as("defaults untouched").contains(DeliveryStatus.IN_TRANSIT);
    }

    @Test
    void anOverrideThatIsNotACanonicalStatusNamesItsProperty() {
        assertThatThrownBy(() -> PitneyBowesStatusMap.withOverrides(Map.of("SHIPPED", "GONE"),
                k -> "gateway.carriers.pb.status-map." + k))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gateway.carriers.pb.status-map.SHIPPED").hasMessageContaining("GONE");
    }
}
