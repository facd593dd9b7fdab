package com.carriergateway.adapter.uberdirect;

import com.carriergateway.adapter.CarrierStatusMap;
import static com.carriergateway.adapter.contract.Outcomes.assertPermanentFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.CarrierStatusEvent;
import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.ProofOfDelivery;
import com.carriergateway.adapter.model.Signer;
import com.carriergateway.adapter.model.StatusUpdate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UberWebhookEventsTest {

    static final Instant RECEIVED = Instant.parse("2026-01-15T10:00:00Z");
    private final CarrierStatusMap map = UberDirectStatusMap.defaultMap();

    /** The delivery-status sample of Uber's automated-testing guide (spec §11.2), shortened. */
    static final String DROPOFF_SAMPLE = """
            {
              "id": "evt_py0BffftR_SmwvAlpSnGjg", "kind": "event.delivery_status", "status": "dropoff",
              "created": "2023-08-02T14:18:21.6Z", "delivery_id": "del_CvvPBsW_RVSFPdk74cD6Pg",
              "customer_id": "d80aa06f-11b5-5f8a-8d4b-601799678a42", "developer_id": "", "account_id": "",
              "live_mode": false, "route_id": "rte_7mVtgY_rQOeHGgCjHqd2mg", "batch_id": "bat_3dYyXMxOW1qBNrLyqMVkUg",
              "data": {
                "id": "del_CvvPBsW_RVSFPdk74cD6Pg", "status": "dropoff", "complete": false, "courier_imminent": false,
                "tracking_url": "https://www.ubereats.com/orders/0afbcf06-c5bf-4554-853d-d93be1c0fa3e",
                "external_id": "CG-SEED1001", "fee": 2134, "currency": "usd",
                "manifest_items": [{"name": "Sealed pharmacy bag", "quantity": 1, "size": "small"}],
                "dropoff": {"name": "Gordon S.",
                  "verification": {"identification": {"min_age_verified": false}, "signature": {"image_url": ""}},
                  "verification_requirements": {"identification": {"min_age": 21}, "signature": true,
                    "signatureRequirement": {"enabled": true, "collect_signer_name": false,
                                             "collect_signer_relationship": false}}},
                "undeliverable_action": "", "undeliverable_reason": "", "updated": "2023-08-02T14:18:21.447Z"
              }
            }""";

    @Test
    void aDeliveryStatusEventIsOneStatusEventKeyedByUbersIds() {
        CarrierResult<List<CarrierStatusEvent>> r = parse(DROPOFF_SAMPLE);
        assertThat(r.value()).containsExactly(new CarrierStatusEvent("del_CvvPBsW_RVSFPdk74cD6Pg",
                "del_CvvPBsW_RVSFPdk74cD6Pg", "CG-SEED1001", "evt_py0BffftR_SmwvAlpSnGjg",
                new StatusUpdate(DeliveryStatus.OUT_FOR_DELIVERY, null, Instant.parse("2023-08-02T14:18:21.600Z"),
                        "dropoff", null)));
        assertThat(((CarrierResult.Success<?>) r).warnings()).isEmpty();
    }

    @Test
    void deliveredCarriesTheSignerWhicheverManifestShapeAndNameFieldUberUses() {
        for (String manifest : List.of("[{\"name\": \"Sealed pharmacy bag\", \"quantity\": 1}]",
                "{\"name\": \"Sealed pharmacy bag\", \"quantity\": 1}")) {
            for (String nameField : List.of("name", "signer_name")) {
                CarrierStatusEvent e = parse("""
                        {"id": "evt_2", "kind": "event.delivery_status", "status": "delivered",
                         "created": "2026-01-15T11:00:00Z", "delivery_id": "del_1",
                         "data": {"id": "del_1", "status": "delivered", "external_id": "CG-SEED1001",
                                  "manifest_items": %s,
                                  "dropoff": {"verification": {
                                      "signature": {"image_url": "https://tb-static.uber.com/prod/sig", "%s": "Sam Sandbox",
                                                    "signer_relationship": "PARENT_OR_GUARDIAN"},
                                      "identification": {"min_age_verified": true}},
                                    "verification_requirements": {"identification": {"min_age": 18}}}}}"""
                        .formatted(manifest, nameField)).value().get(0);
                assertThat(e.update()).isEqualTo(new StatusUpdate(DeliveryStatus.DELIVERED,
                        "ID checked (minimum age 18)", Instant.parse("2026-01-15T11:00:00Z"), "delivered",
                        new ProofOfDelivery(null, "https://tb-static.uber.com/prod/sig",
                                new Signer(Signer.SignerRelation.PARENT_OR_GUARDIAN, "Sam", "Sandbox", null, null,
                                        null), List.of())));
            }
        }
    }

    @Test
    void aCourierImminentFlipIsTheSameStatusAgainAsADistinctEvent() {
        CarrierStatusEvent flip = parse(DROPOFF_SAMPLE.replace("\"courier_imminent\": false", "\"courier_imminent\": true")
                .replace("evt_py0BffftR_SmwvAlpSnGjg", "evt_flip")).value().get(0);
        assertThat(flip.update().status()).isEqualTo(DeliveryStatus.OUT_FOR_DELIVERY);
        assertThat(flip.update().reason()).isEqualTo("courier imminent");
        assertThat(flip.eventId()).isEqualTo("evt_flip");
    }

    @Test
    void withoutAnEventIdUbersTimeMakesAStableOne() {
        String body = """
                {"kind": "event.delivery_status", "status": "pickup", "delivery_id": "del_1",
                 "data": {"updated": "2026-01-15T10:05:00Z"}}""";
        assertThat(parse(body).value().get(0).eventId()).isEqualTo("del_1|pickup|2026-01-15T10:05:00Z");
        assertThat(parse("{\"kind\": \"event.delivery_status\", \"status\": \"pickup\", \"delivery_id\": \"del_1\"}")
                .value().get(0)).satisfies(e -> {
                    assertThat(e.eventId()).isNull();
                    assertThat(e.update().occurredAt()).isEqualTo(RECEIVED);
                    assertThat(e.orderKey()).isNull();
                });
    }

    @Test
    void otherKindsUnknownStatusesAndNamelessEventsGiveNoEventsButAWarning() {
        assertNoEvents("""
                {"kind": "event.courier_update", "delivery_id": "del_1", "location": {"lat": 1, "lng": 2}}""",
                "event.courier_update");
        assertNoEvents("{\"status\": \"delivered\", \"delivery_id\": \"del_1\"}", "without a kind");
        assertNoEvents("{\"kind\": \"event.delivery_status\", \"status\": \"teleported\", \"delivery_id\": \"del_1\"}",
                "teleported");
        assertNoEvents("{\"kind\": \"event.delivery_status\", \"status\": \"pickup\", \"data\": {}}", "names no delivery");
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsAProtocolFailure() {
        assertPermanentFailure(parse("kind=event.delivery_status"), Category.PROTOCOL, null);
        assertPermanentFailure(parse("[]"), Category.PROTOCOL, null);
        assertPermanentFailure(parse(""), Category.PROTOCOL, null);
    }

    private CarrierResult<List<CarrierStatusEvent>> parse(String body) {
        return UberWebhookEvents.parse("uber-direct", body, map, RECEIVED);
    }

    private void assertNoEvents(String body, String warning) {
        CarrierResult<List<CarrierStatusEvent>> r = parse(body);
        assertThat(r.value()).isEmpty();
        assertThat(((CarrierResult.Success<?>) r).warnings()).singleElement().asString().contains(warning);
    }
}
