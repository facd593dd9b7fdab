package com.carriergateway.adapter.pitneybowes;

import com.carriergateway.adapter.json.CarrierJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.contract.SampleOrders;
import com.carriergateway.adapter.model.Address;
import com.carriergateway.adapter.model.DeliveryOrder;
import com.carriergateway.adapter.model.Handling;
import com.carriergateway.adapter.model.OtcItem;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PitneyBowesRequestsTest {

    private final PitneyBowesSettings defaults = PitneyBowesTestSettings.defaults();

    @Test
    void urlsFollowPbsPathsWithClientIdAsQueryAndTheOrderIdEncoded() {
        PitneyBowesSettings s = PitneyBowesTestSettings.with(Map.of("base-url", "https://pb.example/",
                "client-id", "client 7&x"));
        assertThat(PitneyBowesRequests.createOrderUrl(s))
                .isEqualTo("https://pb.example/shippingservices/fulfillment/v1/orders");
        assertThat(PitneyBowesRequests.findOrderUrl(s))
                .isEqualTo("https://pb.example/shippingservices/fulfillment/v1/orders/search?page=1&size=10");
        assertThat(PitneyBowesRequests.statusUrl(s, "ORD 1/2"))
                .isEqualTo("https://pb.example/shippingservices/fulfillment/v1/orders/ORD%201%2F2/status?clientId=client+7%26x");
        assertThat(PitneyBowesRequests.cancelUrl(s, "ORDAA1267912211CO"))
                .isEqualTo("https://pb.example/shippingservices/fulfillment/v1/orders/ORDAA1267912211CO/cancel?clientId=client+7%26x");
        assertThat(PitneyBowesRequests.verifyAddressUrl(s))
                .isEqualTo("https://pb.example/shippingservices/v1/addresses/verify?minimalAddressValidation=false");
        assertThat(PitneyBowesRequests.suggestAddressUrl(s))
                .isEqualTo("https://pb.example/shippingservices/v1/addresses/verify-suggest?returnSuggestions=true");
        assertThat(defaults.tokenUrl()).isEqualTo("https://shipping-api-sandbox.pitneybowes.com/oauth/token");
    }

    @Test
    void theServiceIdFollowsTheServiceLevelWhenConfiguredAndServiceNameIsOptional() {
        PitneyBowesSettings s = PitneyBowesTestSettings.with(Map.of("service-level.express", "PBXPS",
                "service-name", "PB Expedited", "carrier", "USPS", "from-node", "160"));
        JsonNode express = PitneyBowesRequests.createOrder(order("Express", null, null), s, Instant.EPOCH);
        assertThat(express.at("/inputShippingDetails/serviceId").asText()).isEqualTo("PBXPS");
        assertThat(express.at("/inputShippingDetails/serviceName").asText()).isEqualTo("PB Expedited");
        assertThat(express.at("/inputShippingDetails/carrier").asText()).isEqualTo("USPS");
        assertThat(express.get("fromNode").asText()).isEqualTo("160");

        JsonNode normal = PitneyBowesRequests.createOrder(order("normal", null, null), s, Instant.EPOCH);
        assertThat(normal.at("/inputShippingDetails/serviceId").asText()).isEqualTo("NGSPS");

        JsonNode plain = PitneyBowesRequests.createOrder(order("normal", null, null), defaults, Instant.EPOCH);
        assertThat(plain.get("inputShippingDetails").has("serviceName")).isFalse();
        assertThat(plain.has("fromNode")).isFalse();
    }

    @Test
    void longNotesAreCutToPbsLimitAndAMissingCreationTimeIsNow() {
        String notes = "x".repeat(300);
        JsonNode o = PitneyBowesRequests.createOrder(order("normal", notes, null), defaults,
                Instant.parse("2026-02-03T04:05:06.789Z"));
        assertThat(o.get("internalNotes").asText()).hasSize(255);
        assertThat(o.get("createDate").asText()).isEqualTo("2026-02-03T04:05:06Z");
    }

    @Test
    void anOtcLineOfSeveralUnitsGetsItsUnitPriceAndReferencesAreCut() {
        DeliveryOrder o = order("normal", null, List.of(new OtcItem("c", "012345678905", "x", new BigDecimal("3"),
                new BigDecimal("10.00"))));
        JsonNode body = PitneyBowesRequests.createOrder(o, defaults, Instant.EPOCH);
        JsonNode line = body.get("orderLines").get(1);
        assertThat(line.get("sku").asText()).isEqualTo("012345678905");
        assertThat(line.get("orderedQuantity").decimalValue()).isEqualByComparingTo("3");
        assertThat(line.get("unitPrice").decimalValue()).isEqualByComparingTo("3.3333");
        assertThat(line.get("lineTotal").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(CarrierJson.write(body)).contains("\"orderedQuantity\":3,");
    }

    @Test
    void referenceValuesAreStringsAndLimitedTo255() {
        DeliveryOrder seed = SampleOrders.seedOrder();
        DeliveryOrder o = new DeliveryOrder(seed.orderKey(), Map.of("n".repeat(60), "v".repeat(300)), seed.pharmacy(),
                seed.recipient(), seed.customers(), seed.prescriptions(), seed.otcItems(), seed.consents(),
                null, seed.parcel(), new Handling(true, false, true), null, null, null, null, seed.createdAt());
        JsonNode refs = PitneyBowesRequests.createOrder(o, defaults, Instant.EPOCH).get("references");
        assertThat(refs).hasSize(4);
        assertThat(refs.get(0).get("values").isTextual()).isTrue();
        assertThat(refs.get(0).get("values").asText()).isEqualTo("false"); // signatureRequired
        assertThat(refs.get(2).get("values").asText()).isEqualTo("true"); // refrigerated
        assertThat(refs.get(3).get("name").asText()).hasSize(50);
        assertThat(refs.get(3).get("values").asText()).hasSize(255);
    }

    @Test
    void addressesPutTheStreetLineLastAndDefaultTheCountry() {
        JsonNode a = PitneyBowesRequests.verifyAddress(new Address("1 Main St", "Apt 2", "Lombard", "IL", "60148", null));
        assertThat(CarrierJson.write(a)).isEqualTo("{\"addressLines\":[\"Apt 2\",\"1 Main St\"],\"cityTown\":\"Lombard\","
                + "\"stateProvince\":\"IL\",\"postalCode\":\"60148\",\"countryCode\":\"US\"}");
        JsonNode oneLine = PitneyBowesRequests.suggestAddress(new Address("1 Main St", "", null, null, "60148", "US"));
        assertThat(CarrierJson.write(oneLine)).isEqualTo(
                "{\"address\":{\"addressLines\":[\"1 Main St\"],\"postalCode\":\"60148\",\"countryCode\":\"US\"}}");
    }

    @Test
    void findSearchesThisClientsOrdersByTheConfiguredField() {
        PitneyBowesSettings s = PitneyBowesTestSettings.with(Map.of("find-search-field", "clientOrderId"));
        assertThat(CarrierJson.write(PitneyBowesRequests.findOrder("CG-1", s))).isEqualTo(
                "{\"clientId\":\"1234\",\"sort\":[\"pbCreateDate-desc\"],"
                        + "\"searchFields\":[{\"name\":\"clientOrderId\",\"values\":[\"CG-1\"]}]}");
    }

    private static DeliveryOrder order(String serviceLevel, String notes, List<OtcItem> otc) {
        DeliveryOrder s = SampleOrders.seedOrder();
        return new DeliveryOrder(s.orderKey(), s.references(), s.pharmacy(), s.recipient(), s.customers(),
                s.prescriptions(), otc == null ? s.otcItems() : otc, s.consents(), s.amounts(), s.parcel(),
                s.handling(), s.pickupDate(), s.requestedDeliveryDate(), serviceLevel, notes,
                notes == null ? s.createdAt() : null);
    }
}
