package com.carriergateway.adapter.uberdirect;

import static com.carriergateway.adapter.contract.Outcomes.assertPermanentFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.json.CarrierJson;
import com.carriergateway.adapter.model.Address;
import com.carriergateway.adapter.model.Amounts;
import com.carriergateway.adapter.model.DeliveryOrder;
import com.carriergateway.adapter.model.Handling;
import com.carriergateway.adapter.model.OtcItem;
import com.carriergateway.adapter.model.PrescriptionItem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UberDirectRequestsTest {

    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private final UberDirectSettings settings = UberDirectTestSettings.defaults();

    /** The seed order exactly as Uber must receive it (its requested date is past: on demand, no windows). */
    static final String SEED_BODY = """
            {
              "pickup_name": "BestRx Pharmacy",
              "pickup_address": "{\\"street_address\\":[\\"2625 Butterfield Rd\\",\\"Suite 200S\\"],\\"city\\":\\"Oak Brook\\",\\"state\\":\\"IL\\",\\"zip_code\\":\\"60523\\",\\"country\\":\\"US\\"}",
              "pickup_phone_number": "+16308939210",
              "dropoff_name": "Jane Doe",
              "dropoff_business_name": "Doe Industries",
              "dropoff_address": "{\\"street_address\\":[\\"500 Second Ave\\",\\"Suite 100\\"],\\"city\\":\\"Bloomingdale\\",\\"state\\":\\"IL\\",\\"zip_code\\":\\"60108\\",\\"country\\":\\"US\\"}",
              "dropoff_phone_number": "+16305551111",
              "dropoff_notes": "Please leave on back porch if no one is home.",
              "manifest_items": [{"name": "Sealed pharmacy bag", "quantity": 1, "size": "small"}],
              "manifest_reference": "CG-SEED1001",
              "manifest_total_value": 5000,
              "external_id": "CG-SEED1001",
              "idempotency_key": "CG-SEED1001",
              "deliverable_action": "deliverable_action_meet_at_door",
              "undeliverable_action": "return",
              "dropoff_verification": {
                "signature_requirement": {"enabled": true, "collect_signer_name": true, "collect_signer_relationship": true}
              }
            }""";

    @Test
    void theSeedOrderIsExactlyThisBodyWithTwoWarnings() {
        CarrierResult<ObjectNode> r = create(UberOrders.seed(), settings);
        assertThat(r).isInstanceOf(CarrierResult.Success.class);
        Json.assertSameJson(r.value(), SEED_BODY);
        assertThat(((CarrierResult.Success<ObjectNode>) r).warnings()).containsExactly(
                "the requested delivery date has passed; booked with Uber on demand",
                "Uber Direct collects no payment at the door; the amount to collect was not sent");
    }

    @Test
    void theAddressIsUbersStructuredFormAsAJsonString() {
        JsonNode address = CarrierJson.read(UberDirectRequests.structuredAddress(
                Address.us("1515 3rd St", " Apt. 5 ", "San Francisco", "CA", "94158"))).orElseThrow();
        assertThat(address).isEqualTo(CarrierJson.read("""
                {"street_address": ["1515 3rd St", "Apt. 5"], "city": "San Francisco", "state": "CA",
                 "zip_code": "94158", "country": "US"}""").orElseThrow());
        assertThat(UberDirectRequests.structuredAddress(new Address("1 Main St", "", "Lombard", "IL", "60148", null)))
                .isEqualTo("{\"street_address\":[\"1 Main St\"],\"city\":\"Lombard\",\"state\":\"IL\","
                        + "\"zip_code\":\"60148\",\"country\":\"US\"}");
    }

    @Test
    void aLaterDateIsAScheduledWindowInThePharmacysZone() {
        UberDirectSettings chicago = UberDirectTestSettings.with(Map.of("time-zone", "America/Chicago",
                "scheduled-window-start", "10:00", "scheduled-window-end", "14:00"));
        ObjectNode body = create(UberOrders.withRequestedDate(UberOrders.seed(), LocalDate.parse("2026-01-20")),
                chicago).value();
        assertThat(body.get("pickup_ready_dt").asText()).isEqualTo("2026-01-20T16:00:00Z");
        assertThat(body.get("pickup_deadline_dt").asText()).isEqualTo("2026-01-20T19:30:00Z");
        assertThat(body.get("dropoff_ready_dt").asText()).isEqualTo("2026-01-20T16:00:00Z");
        assertThat(body.get("dropoff_deadline_dt").asText()).isEqualTo("2026-01-20T20:00:00Z");
    }

    @Test
    void todayIsOnDemandWithoutAnyWindowOrWarningAboutIt() {
        CarrierResult<ObjectNode> r = create(UberOrders.withRequestedDate(UberOrders.seed(), LocalDate.parse("2026-01-15")),
                settings);
        assertThat(r.value().has("pickup_ready_dt")).isFalse();
        assertThat(r.value().has("dropoff_deadline_dt")).isFalse();
        assertThat(((CarrierResult.Success<ObjectNode>) r).warnings()).noneMatch(w -> w.contains("date"));
    }

    @Test
    void verificationFollowsTheOrdersRequirementsAndTheSettings() {
        assertThat(verification(new Handling(false, false, false), settings)).isNull();
        assertThat(verification(new Handling(false, true, true), settings)).isEqualTo(CarrierJson.read("""
                {"signature_requirement": {"enabled": true, "collect_signer_name": true,
                                           "collect_signer_relationship": true},
                 "identification": {"min_age": 18}}""").orElseThrow());
        UberDirectSettings strict = UberDirectTestSettings.with(Map.of("id-check-min-age", "21",
                "dropoff-pin-code", "true"));
        assertThat(verification(new Handling(false, false, true), strict)).isEqualTo(CarrierJson.read("""
                {"identification": {"min_age": 21}, "pincode": {"enabled": true}}""").orElseThrow());
    }

    @Test
    void aRefrigeratedOrderIsRefusedSayingWhy() {
        CarrierError e = assertPermanentFailure(create(UberOrders.withHandling(UberOrders.seed(),
                new Handling(true, true, false)), settings), Category.VALIDATION, null);
        assertThat(e.detail()).startsWith("refrigeration:").contains("COLD_CHAIN");
    }

    @Test
    void phonesThatAreNotUsNumbersAreRefusedNamingTheFieldNeverTheNumber() {
        CarrierError recipient = assertPermanentFailure(create(UberOrders.withRecipientPhones(UberOrders.seed(),
                "45678946785", "555-0100", null), settings), Category.VALIDATION, null);
        assertThat(recipient.detail()).isEqualTo("recipient phone: cannot be written as +<digits>");
        assertThat(recipient.toString()).doesNotContain("45678946785").doesNotContain("555-0100");

        CarrierError pharmacy = assertPermanentFailure(create(UberOrders.withPharmacyPhone(UberOrders.seed(),
                "630-893-9210 ext 4"), settings), Category.VALIDATION, null);
        assertThat(pharmacy.detail()).isEqualTo("pharmacy phone: cannot be written as +<digits>");
        assertThat(pharmacy.toString()).doesNotContain("893");
    }

    @Test
    void theRecipientsFirstUsablePhoneIsSentMobileFirst() {
        assertThat(create(UberOrders.withRecipientPhones(UberOrders.seed(), "(630) 555-2222", "6305551111", null),
                settings).value().get("dropoff_phone_number").asText()).isEqualTo("+16305552222");
        assertThat(create(UberOrders.withRecipientPhones(UberOrders.seed(), null, null, "1 630 555 3333"),
                settings).value().get("dropoff_phone_number").asText()).isEqualTo("+16305553333");
    }

    @Test
    void otcItemsAreNamedOnlyWhenAllowedAndPrescriptionsNever() {
        DeliveryOrder order = UberOrders.withItems(UberOrders.seed(),
                List.of(new PrescriptionItem("111111", "610011", LocalDate.parse("2022-05-31"), BigDecimal.TEN, 1)),
                List.of(new OtcItem("111111", "616784366630", "BANDAGE ELASTIC 6IN", new BigDecimal("2"), null),
                        new OtcItem("111111", "1234", "  ", BigDecimal.ONE, null)));
        assertThat(create(order, settings).value().get("manifest_items")).isEqualTo(CarrierJson.read(
                "[{\"name\": \"Sealed pharmacy bag\", \"quantity\": 1, \"size\": \"small\"}]").orElseThrow());

        UberDirectSettings named = UberDirectTestSettings.with(Map.of("manifest-item-names", "true",
                "manifest-item-name", "Pharmacy bag", "manifest-item-size", "medium"));
        assertThat(create(order, named).value().get("manifest_items")).isEqualTo(CarrierJson.read("""
                [{"name": "Pharmacy bag", "quantity": 1, "size": "medium"},
                 {"name": "BANDAGE ELASTIC 6IN", "quantity": 2, "size": "medium"}]""").orElseThrow());

        DeliveryOrder otcOnly = UberOrders.withItems(UberOrders.seed(), List.of(),
                List.of(new OtcItem("111111", "1", "Vitamin C", new BigDecimal("1.5"), null)));
        assertThat(create(otcOnly, named).value().get("manifest_items")).isEqualTo(CarrierJson.read(
                "[{\"name\": \"Vitamin C\", \"quantity\": 2, \"size\": \"medium\"}]").orElseThrow());
    }

    @Test
    void noDeclaredValueAndNothingToCollectSendNoValueAndNoWarning() {
        CarrierResult<ObjectNode> r = create(UberOrders.withRequestedDate(UberOrders.withAmounts(UberOrders.seed(),
                new Amounts(null, null, null, null, BigDecimal.ZERO, null)), null), settings);
        assertThat(r.value().has("manifest_total_value")).isFalse();
        assertThat(((CarrierResult.Success<ObjectNode>) r).warnings()).isEmpty();
    }

    @Test
    void urlsAreUbersPaths() {
        assertThat(UberDirectRequests.createUrl(settings))
                .isEqualTo("https://api.uber.com/v1/customers/cus_sandbox_pharmacy/deliveries");
        assertThat(UberDirectRequests.getUrl(settings, "del_1"))
                .isEqualTo("https://api.uber.com/v1/customers/cus_sandbox_pharmacy/deliveries/del_1");
        assertThat(UberDirectRequests.cancelUrl(settings, "del_1"))
                .isEqualTo("https://api.uber.com/v1/customers/cus_sandbox_pharmacy/deliveries/del_1/cancel");
        assertThat(UberDirectRequests.listUrl(settings))
                .isEqualTo("https://api.uber.com/v1/customers/cus_sandbox_pharmacy/deliveries?limit=50");
    }

    private static CarrierResult<ObjectNode> create(DeliveryOrder order, UberDirectSettings s) {
        return UberDirectRequests.createDelivery("uber-direct", order, s, NOW);
    }

    private static JsonNode verification(Handling handling, UberDirectSettings s) {
        return create(UberOrders.withHandling(UberOrders.seed(), handling), s).value().get("dropoff_verification");
    }
}
