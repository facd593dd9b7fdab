package com.carriergateway.adapter.uberdirect;

import com.carriergateway.adapter.CarrierStatusMap;
import static com.carriergateway.adapter.contract.Outcomes.assertPermanentFailure;
import static com.carriergateway.adapter.contract.Outcomes.assertTransientFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.model.CancelOutcome;
import com.carriergateway.adapter.model.CarrierOrder;
import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.ProofOfDelivery;
import com.carriergateway.adapter.model.Signer;
import com.carriergateway.adapter.model.StatusUpdate;
import com.carriergateway.adapter.uberdirect.UberDirectResponses.Page;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UberDirectResponsesTest {

    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private final CarrierStatusMap map = UberDirectStatusMap.defaultMap();

    /** Uber's Create Delivery answer, shortened, with the schema's example values. */
    static final String CREATED = """
            {"id": "del_gDcyfRgyQcyN0obpqqS_1B", "quote_id": "dqt_6gQ2dt31TjiOPfwux-NCXg", "kind": "delivery",
             "status": "pending", "complete": false, "courier_imminent": false, "live_mode": false,
             "created": "2023-05-01T22:15:13.646Z", "updated": "2023-05-01T22:16:20.023Z",
             "fee": 1099, "currency": "usd",
             "tracking_url": "https://www.ubereats.com/orders/62105936-e413-40d5-aecd-4c335c3cd3c2",
             "uuid": "62105936E41340D5AECD4C335C3CD3C2", "external_id": "EI000001",
             "manifest_items": {"name": "Sealed pharmacy bag", "quantity": 1, "size": "small"},
             "undeliverable_action": "", "undeliverable_reason": "", "dropoff_identifier": ""}""";

    @Test
    void aCreatedDeliveryIsItsIdTwiceUbersTrackingPageAndCreated() {
        CarrierResult<CarrierOrder> r = UberDirectResponses.order("uber-direct", 200, CREATED, map, NOW, true);
        assertThat(r.value()).isEqualTo(new CarrierOrder("del_gDcyfRgyQcyN0obpqqS_1B", "del_gDcyfRgyQcyN0obpqqS_1B",
                "https://www.ubereats.com/orders/62105936-e413-40d5-aecd-4c335c3cd3c2", null, null,
                new StatusUpdate(DeliveryStatus.CREATED, null, Instant.parse("2023-05-01T22:16:20.023Z"), "pending",
                        null)));
        assertThat(((CarrierResult.Success<?>) r).warnings()).isEmpty();
    }

    @Test
    void anUnreadableAnswerIsTransientAndUnknownOnlyForWrites() {
        assertTransientFailure(UberDirectResponses.order("uber-direct", 200, "<html/>", map, NOW, true),
                Category.PROTOCOL, true);
        assertTransientFailure(UberDirectResponses.order("uber-direct", 200, "{\"status\":\"pending\"}", map, NOW,
                false), Category.PROTOCOL, false);
        assertTransientFailure(UberDirectResponses.status("uber-direct", 200, "[]", map, NOW), Category.PROTOCOL,
                false);
        assertTransientFailure(UberDirectResponses.cancelled("uber-direct", 200, "", map, NOW), Category.PROTOCOL,
                true);
    }

    @Test
    void aDeliveredDeliveryCarriesTheProofAndTheIdCheck() {
        StatusUpdate s = UberDirectResponses.status("uber-direct", 200, """
                {"id": "del_1", "status": "delivered", "updated": "2026-01-15T11:02:03.6Z",
                 "dropoff": {"verification": {"signature": {"image_url": "https://tb-static.uber.com/prod/sig",
                                                            "name": "Joan Smith", "signer_relationship": "SELF"},
                                              "identification": {"min_age_verified": true}},
                             "verification_requirements": {"identification": {"min_age": 21}}},
                 "undeliverable_action": "", "undeliverable_reason": ""}""", map, NOW).value();
        assertThat(s).isEqualTo(new StatusUpdate(DeliveryStatus.DELIVERED, "ID checked (minimum age 21)",
                Instant.parse("2026-01-15T11:02:03.600Z"), "delivered", new ProofOfDelivery(null,
                "https://tb-static.uber.com/prod/sig", new Signer(Signer.SignerRelation.PATIENT, "Joan", "Smith",
                null, null, null), List.of())));
    }

    @Test
    void proofIsReadOnlyOnceDelivered() {
        StatusUpdate s = UberDirectResponses.status("uber-direct", 200, """
                {"status": "dropoff", "courier_imminent": true,
                 "dropoff": {"verification": {"signature": {"image_url": "", "name": "early"},
                                              "identification": {"min_age_verified": true}}}}""", map, NOW).value();
        assertThat(s.status()).isEqualTo(DeliveryStatus.OUT_FOR_DELIVERY);
        assertThat(s.reason()).isEqualTo("courier imminent");
        assertThat(s.proof()).isNull();
        assertThat(s.occurredAt()).isEqualTo(NOW);
    }

    @Test
    void deliveredWithoutTheRequiredSignatureIsWarned() {
        CarrierResult<StatusUpdate> r = UberDirectResponses.status("uber-direct", 200, """
                {"status": "delivered",
                 "dropoff": {"verification": {"signature": {"image_url": ""}},
                             "verification_requirements": {"signatureRequirement": {"enabled": true}}}}""", map, NOW);
        assertThat(r.value().proof()).isNull();
        assertThat(((CarrierResult.Success<?>) r).warnings()).singleElement().asString().contains("signature");
    }

    @Test
    void aReturnNamesUbersReasonAndTheReturnLegInEitherShape() {
        for (String related : List.of("{\"id\": \"ret_BiymjKtjTwKpoS2kSIuxlv\", \"relationship\": \"return\"}",
                "[{\"id\": \"ret_BiymjKtjTwKpoS2kSIuxlv\", \"relationship\": \"returned\"}]")) {
            StatusUpdate s = UberDirectResponses.status("uber-direct", 200, """
                    {"status": "returned", "undeliverable_action": "returned",
                     "undeliverable_reason": "CUSTOMER_UNAVAILABLE", "related_deliveries": %s}""".formatted(related),
                    map, NOW).value();
            assertThat(s.status()).isEqualTo(DeliveryStatus.RETURNED);
            assertThat(s.reason()).isEqualTo("undeliverable: CUSTOMER_UNAVAILABLE; courier returned; "
                    + "return leg ret_BiymjKtjTwKpoS2kSIuxlv");
        }
        assertThat(UberDirectResponses.status("uber-direct", 200, """
                {"status": "canceled", "cancelation_reason": {"primary_reason": "customer_rejected_order"}}""", map,
                NOW).value().reason()).isEqualTo("cancelled: customer_rejected_order");
    }

    @Test
    void anUnknownStatusIsNoChangeWithUbersWordAndAWarning() {
        CarrierResult<StatusUpdate> r = UberDirectResponses.status("uber-direct", 200, "{\"status\": \"teleported\"}",
                map, NOW);
        assertThat(r.value().status()).isEqualTo(DeliveryStatus.CREATED);
        assertThat(r.value().carrierCode()).isEqualTo("teleported");
        assertThat(((CarrierResult.Success<?>) r).warnings()).singleElement().asString().contains("teleported");
    }

    @Test
    void aCancelAnswerIsCancelledAndAnotherStatusIsWarned() {
        CarrierResult<CancelOutcome> ok = UberDirectResponses.cancelled("uber-direct", 200,
                "{\"id\": \"del_1\", \"status\": \"canceled\", \"updated\": \"2026-01-15T10:01:00Z\"}", map, NOW);
        assertThat(ok.value()).isEqualTo(new CancelOutcome(new StatusUpdate(DeliveryStatus.CANCELLED, null,
                Instant.parse("2026-01-15T10:01:00Z"), "canceled", null), "Uber cancelled delivery del_1"));
        assertThat(((CarrierResult.Success<?>) ok).warnings()).isEmpty();
        CarrierResult<CancelOutcome> odd = UberDirectResponses.cancelled("uber-direct", 200,
                "{\"id\": \"del_1\", \"status\": \"pickup\"}", map, NOW);
        assertThat(odd.value().status().status()).isEqualTo(DeliveryStatus.CANCELLED);
        assertThat(((CarrierResult.Success<?>) odd).warnings()).singleElement().asString().contains("pickup");
    }

    @Test
    void aListPageFollowsUbersSchemelessNextHrefOnlyOnBaseUrlsHost() {
        Page p = UberDirectResponses.page("uber-direct", 200, """
                {"data": [{"id": "del_1"}, {"id": "del_2"}],
                 "next_href": "api.uber.com/v1/customers/cus_1/deliveries?offset=30", "total_count": -1}""",
                "https://api.uber.com/v1").value();
        assertThat(p.deliveries()).hasSize(2);
        assertThat(p.nextUrl()).isEqualTo("https://api.uber.com/v1/customers/cus_1/deliveries?offset=30");

        assertThat(UberDirectResponses.page("uber-direct", 200, "{\"data\": {\"id\": \"del_1\"}}",
                "https://api.uber.com/v1").value()).isEqualTo(new Page(List.of(
                com.carriergateway.adapter.json.CarrierJson.read("{\"id\": \"del_1\"}").orElseThrow()), null));
        assertThat(UberDirectResponses.page("uber-direct", 200, "{\"data\": [], \"next_href\": \"\"}",
                "https://api.uber.com/v1").value().nextUrl()).isNull();

        assertThat(assertPermanentFailure(UberDirectResponses.page("uber-direct", 200,
                "{\"data\": [], \"next_href\": \"https://evil.example/v1/customers/cus_1/deliveries?offset=30\"}",
                "https://api.uber.com/v1"), Category.PROTOCOL, null).detail()).contains("not following");
        assertTransientFailure(UberDirectResponses.page("uber-direct", 200, "{\"deliveries\": []}",
                "https://api.uber.com/v1"), Category.PROTOCOL, false);
    }

    @Test
    void timesWithAnyFractionAreRead() {
        assertThat(UberDirectResponses.instant("2023-08-02T14:18:21.6Z")).isEqualTo("2023-08-02T14:18:21.600Z");
        assertThat(UberDirectResponses.instant("2024-12-12T14:00:00Z")).isEqualTo("2024-12-12T14:00:00Z");
        assertThat(UberDirectResponses.instant("2024-12-12T09:00:00-05:00")).isEqualTo("2024-12-12T14:00:00Z");
        assertThat(UberDirectResponses.instant("yesterday")).isNull();
    }
}
