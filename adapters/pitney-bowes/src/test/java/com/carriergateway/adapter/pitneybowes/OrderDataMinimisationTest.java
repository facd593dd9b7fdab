package com.carriergateway.adapter.pitneybowes;

import com.carriergateway.adapter.json.CarrierJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.contract.SampleOrders;
import com.carriergateway.adapter.model.Customer;
import com.carriergateway.adapter.model.DeliveryOrder;
import com.carriergateway.adapter.model.PrescriptionItem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PB ships the parcel; it must not learn the patients' prescriptions or who the medicines are for. */
class OrderDataMinimisationTest {

    private final DeliveryOrder order = SampleOrders.seedOrder();
    private final String wireBody = CarrierJson.write(
            PitneyBowesRequests.createOrder(order, PitneyBowesTestSettings.defaults(), Instant.EPOCH));

    @Test
    void theBodyCarriesNoRxNumberFillDateOrPatientIdentifier() {
        assertThat(wireBody).doesNotContain("610011");
        for (PrescriptionItem rx : order.prescriptions()) {
            assertThat(wireBody).doesNotContain(rx.rxNumber()).doesNotContain(rx.fillDate().toString());
        }
        for (Customer c : order.customers()) {
            assertThat(wireBody).doesNotContain(c.customerId());
            assertThat(wireBody).doesNotContain(c.address().line1()).doesNotContain(c.address().city());
        }
        // OTC descriptions can reveal a condition as much as an Rx; only the UPC goes.
        assertThat(wireBody).doesNotContain("BANDAGE").contains("616784366630");
        // The pharmacy's regulatory ids are of no use to a fulfilment centre.
        assertThat(wireBody).doesNotContain(order.pharmacy().dea()).doesNotContain(order.pharmacy().npi());
    }

    @Test
    void patientNamesAppearOnlyAsTheRecipientOnTheParcel() {
        ObjectNode body = (ObjectNode) CarrierJson.read(wireBody).orElseThrow();
        JsonNode toAddress = body.remove("toAddress");
        assertThat(toAddress.get("name").asText()).isEqualTo("Jane Doe"); // no middle name
        List<String> fields = new ArrayList<>();
        toAddress.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("name", "company", "phone", "email", "addressLines",
                "cityTown", "stateProvince", "postalCode", "countryCode");

        String rest = CarrierJson.write(body);
        for (Customer c : order.customers()) {
            assertThat(rest).doesNotContainIgnoringCase(c.firstName())
                    .doesNotContainIgnoringCase(c.middleName())
                    .doesNotContainIgnoringCase(c.lastName());
        }
        assertThat(CarrierJson.write(toAddress)).doesNotContain("Joplin");
    }
}
