package com.carriergateway.adapter.examplecourier;

import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.contract.SampleOrders;
import com.carriergateway.adapter.json.CarrierJson;
import com.carriergateway.adapter.model.DeliveryOrder;
import com.carriergateway.adapter.model.Handling;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExampleCourierRequestsTest {

    private final ExampleCourierSettings settings = ExampleCourierTestSettings.with(Map.of(
            "service-level.same_day", "rush"));

    @Test
    void theCourierGetsNoPrescriptionNorPatientData() {
        String body = CarrierJson.write(ExampleCourierRequests.createDelivery(SampleOrders.seedOrder(), settings));
        // Rx number, fill date, the customer behind the order, the OTC item, the amounts, the recipient's e-mail
        assertThat(body).doesNotContain("610011", "2022-05-31", "111111", "Lombard", "BANDAGE", "97.83",
                "jane.doe@doeind.com", "Joplin");
    }

    @Test
    void theServiceFollowsTheOrdersServiceLevel() {
        DeliveryOrder sameDay = withServiceLevel(SampleOrders.seedOrder(), "SAME_DAY");
        assertThat(ExampleCourierRequests.createDelivery(sameDay, settings).get("service").asText()).isEqualTo("rush");
        assertThat(ExampleCourierRequests.createDelivery(SampleOrders.seedOrder(), settings).get("service").asText())
                .isEqualTo("standard");
    }

    @Test
    void whatTheOrderDoesNotSayIsLeftOut() {
        DeliveryOrder o = SampleOrders.seedOrder();
        DeliveryOrder bare = new DeliveryOrder(o.orderKey(), o.references(), o.pharmacy(), o.recipient(), o.customers(),
                o.prescriptions(), o.otcItems(), o.consents(), o.amounts(), null, new Handling(false, false, true),
                null, null, null, "  ", o.createdAt());
        ObjectNode body = ExampleCourierRequests.createDelivery(bare, settings);
        assertThat(body.has("parcel")).isFalse();
        assertThat(body.has("pickup_date")).isFalse();
        assertThat(body.has("deliver_by")).isFalse();
        assertThat(body.get("dropoff").has("instructions")).isFalse();
        assertThat(body.get("requirements").toString()).isEqualTo("{\"signature\":false,\"id_check\":true}");
    }

    @Test
    void idsAndReferencesCannotChangeThePath() {
        assertThat(ExampleCourierRequests.cancelUrl(settings, "A/../B C"))
                .isEqualTo("https://api.example-courier.test/v1/deliveries/A%2F..%2FB%20C/cancel");
        assertThat(ExampleCourierRequests.findUrl(settings, "CG-1&x=2"))
                .isEqualTo("https://api.example-courier.test/v1/deliveries?reference=CG-1%26x%3D2");
    }

    private static DeliveryOrder withServiceLevel(DeliveryOrder o, String level) {
        return new DeliveryOrder(o.orderKey(), o.references(), o.pharmacy(), o.recipient(), o.customers(),
                o.prescriptions(), o.otcItems(), o.consents(), o.amounts(), o.parcel(), o.handling(), o.pickupDate(),
                o.requestedDeliveryDate(), level, o.deliveryNotes(), o.createdAt());
    }
}
