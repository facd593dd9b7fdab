package com.carriergateway.adapter.uberdirect;

import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.json.CarrierJson;
import com.carriergateway.adapter.model.Customer;
import com.carriergateway.adapter.model.DeliveryOrder;
import com.carriergateway.adapter.model.PrescriptionItem;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The courier app shows names, notes, items and the manifest reference; Uber's dashboard and billing reports show
 * external_id. Uber must learn who to hand the bag to and where, and nothing about what is in it or who it is for.
 */
class OrderDataMinimisationTest {

    private final DeliveryOrder order = UberOrders.seed();

    @Test
    void theBodyCarriesNoPrescriptionPatientOrRegulatoryData() {
        for (UberDirectSettings s : List.of(UberDirectTestSettings.defaults(),
                UberDirectTestSettings.with(Map.of("manifest-item-names", "true")))) {
            String wire = CarrierJson.write(body(s));
            for (PrescriptionItem rx : order.prescriptions()) {
                assertThat(wire).doesNotContain(rx.rxNumber()).doesNotContain(rx.fillDate().toString());
            }
            for (Customer c : order.customers()) {
                assertThat(wire).doesNotContain(c.customerId());
                assertThat(wire).doesNotContain(c.address().line1()).doesNotContain(c.address().city());
            }
            assertThat(wire).doesNotContain(order.pharmacy().dea()).doesNotContain(order.pharmacy().npi())
                    .doesNotContain(order.pharmacy().ncpdp()).doesNotContain(order.pharmacy().fax());
            assertThat(wire).doesNotContain(order.recipient().email()).doesNotContain(order.recipient().fax());
            // the pharmacy's own order numbers are not Uber's business either
            order.references().values().forEach(v -> assertThat(wire).doesNotContain("\"" + v + "\""));
            // consents are asked by other carriers' couriers, not Uber's
            order.consents().forEach(c -> assertThat(wire).doesNotContain(c.header()));
        }
    }

    @Test
    void otcDescriptionsGoOnlyWhenTheSettingAllowsThem() {
        assertThat(CarrierJson.write(body(UberDirectTestSettings.defaults()))).doesNotContain("BANDAGE");
        assertThat(CarrierJson.write(body(UberDirectTestSettings.with(Map.of("manifest-item-names", "true")))))
                .contains("BANDAGE");
    }

    @Test
    void theOnlyPersonNamedIsTheRecipientWithoutMiddleName() {
        ObjectNode body = body(UberDirectTestSettings.defaults());
        assertThat(body.remove("dropoff_name").asText()).isEqualTo("Jane Doe");
        String rest = CarrierJson.write(body);
        assertThat(rest).doesNotContain("Joplin").doesNotContain("Jane");
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).doesNotContain("external_user_info", "dropoff_seller_notes", "pickup_notes",
                "test_specifications");
    }

    private ObjectNode body(UberDirectSettings s) {
        return UberDirectRequests.createDelivery("uber-direct", order, s, Instant.parse("2026-01-15T10:00:00Z"))
                .value();
    }
}
