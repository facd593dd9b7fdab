package com.carriergateway.adapter.pitneybowes;

import com.carriergateway.adapter.json.CarrierJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.auth.AccessToken;
import com.carriergateway.adapter.model.Address;
import com.carriergateway.adapter.model.AddressCheck;
import com.carriergateway.adapter.model.CancelOutcome;
import com.carriergateway.adapter.model.CarrierOrder;
import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.StatusUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PitneyBowesResponsesTest {

    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    static final Duration EIGHT_HOURS = Duration.ofHours(8);

    /** PB's own Cancel an Order sample response (shortened), quirks included: postalCode as a number. */
    static final String PB_CANCEL_SAMPLE = """
            {"clientId": "1234", "clientOrderId": "ORCLIENT8976r4w", "customerOrderId": "111-2212-1290877",
             "orderId": "ORDAA1267912211CO", "status": "CANCELLED",
             "inputShippingDetails": {"carrier": "PITNEY BOWES", "serviceId": "NGSPS",
                                      "serviceName": "Newgistics Parcel Select", "trackingNumber": "95605332216"},
             "actualShippingDetails": {"carrier": "NGS", "serviceId": "NGSPS", "serviceName": "Newgistics Parcel Select"},
             "orderType": "eCom", "pbCreateDate": "2026-01-10T08:00:00Z", "pbUpdateDate": "2026-01-12T09:30:00Z",
             "fromNode": "160", "orderHandling": "X",
             "orderLines": [{"lineId": 1, "sku": "PRODUCT-SKU-001", "unitPrice": 10, "orderedQuantity": 2, "lineTotal": 50}],
             "toAddress": {"name": "John Smith", "addressLines": ["2352 Bent Creek Rd"], "cityTown": "Auburn",
                           "stateProvince": "AL", "postalCode": 36830, "countryCode": "US"},
             "customsInfo": {"customsDeclaredValue": 0, "importerCustomsReference": 0,
                             "importerCustomsReferenceType": "TAXID"}}""";

    private final PitneyBowesSettings settings = PitneyBowesTestSettings.with(
            Map.of("tracking-url-template", "https://t.example/{trackingId}"));

    @Test
    void pbsSampleOrderReadsAsACarrierOrderWithItsTrackingNumber() {
        CarrierOrder o = PitneyBowesResponses.order("pb", 200, PB_CANCEL_SAMPLE, settings, NOW, true).value();
        assertThat(o).isEqualTo(new CarrierOrder("ORDAA1267912211CO", "95605332216", "https://t.example/95605332216",
                null, null, new StatusUpdate(DeliveryStatus.CANCELLED, null, Instant.parse("2026-01-12T09:30:00Z"),
                        "CANCELLED", null)));
    }

    @Test
    void anOrderWithoutStatusIsCreatedAndWithoutOrderIdIsUnreadable() {
        CarrierResult<CarrierOrder> bare = PitneyBowesResponses.order("pb", 201, "{\"orderId\": \"O1\"}", settings, NOW,
                true);
        assertThat(bare.value()).isEqualTo(new CarrierOrder("O1", "O1", null, null, null,
                new StatusUpdate(DeliveryStatus.CREATED, null, NOW, null, null)));

        CarrierResult<CarrierOrder> noId = PitneyBowesResponses.order("pb", 201, "{\"status\": \"CREATED\"}", settings,
                NOW, true);
        assertThat(noId).isInstanceOf(CarrierResult.TransientFailure.class);
        assertThat(((CarrierResult.TransientFailure<?>) noId).outcomeUnknown()).isTrue();
        assertThat(noId.failure().orElseThrow().category()).isEqualTo(Category.PROTOCOL);
    }

    @Test
    void anOrderPbAcceptedButPutOnHoldIsBookedWithAWarningNamingPbsReasons() {
        CarrierResult<CarrierOrder> held = PitneyBowesResponses.order("pb", 201, """
                {"orderId": "O1", "status": "CREATED", "isOnHold": true, "holdReason": ["ADDRESS_REVIEW", "FRAUD"]}""",
                settings, NOW, true);
        assertThat(held.value().status().reason()).isEqualTo("on hold at PB: ADDRESS_REVIEW, FRAUD");
        assertThat(((CarrierResult.Success<CarrierOrder>) held).warnings())
                .containsExactly("PB accepted the order and put it on hold: ADDRESS_REVIEW, FRAUD");

        CarrierResult<CarrierOrder> released = PitneyBowesResponses.order("pb", 201, """
                {"orderId": "O1", "status": "CREATED", "isOnHold": false, "holdReason": ["ADDRESS_REVIEW"]}""",
                settings, NOW, true);
        assertThat(((CarrierResult.Success<CarrierOrder>) released).warnings()).isEmpty();
    }

    @Test
    void numericPostalCodesKeepTheirLeadingZeros() {
        Address a = PitneyBowesResponses.address(CarrierJson.read(
                "{\"addressLines\": [\"APT 2\", \"1 MAIN ST\"], \"postalCode\": 2134, \"countryCode\": \"US\"}").orElseThrow());
        assertThat(a).isEqualTo(new Address("1 MAIN ST", "APT 2", null, null, "02134", "US"));
        Address sample = PitneyBowesResponses.address(CarrierJson.read(PB_CANCEL_SAMPLE).orElseThrow().get("toAddress"));
        assertThat(sample).isEqualTo(new Address("2352 Bent Creek Rd", "", "Auburn", "AL", "36830", "US"));
    }

    @Test
    void aTokenLivesForExpiresInAsStringOrNumberCappedAtTheMaximumAge() {
        assertThat(PitneyBowesResponses.accessToken("{\"access_token\": \"a\", \"expiresIn\": \"35999\"}", NOW,
                Duration.ofHours(12))).contains(new AccessToken("a", NOW.plusSeconds(35999)));
        assertThat(PitneyBowesResponses.accessToken("{\"access_token\": \"b\", \"expires_in\": 3600}", NOW,
                EIGHT_HOURS)).contains(new AccessToken("b", NOW.plusSeconds(3600)));
        assertThat(PitneyBowesResponses.accessToken("{\"access_token\": \"c\", \"expiresIn\": \"35999\", "
                + "\"issuedAt\": \"1\"}", NOW, EIGHT_HOURS)).contains(new AccessToken("c", NOW.plus(EIGHT_HOURS)));
        assertThat(PitneyBowesResponses.accessToken("{\"access_token\": \"d\", \"expiresIn\": \"soon\"}", NOW,
                EIGHT_HOURS)).contains(new AccessToken("d", NOW.plus(EIGHT_HOURS)));
        assertThat(PitneyBowesResponses.accessToken("{\"tokenType\": \"BearerToken\"}", NOW, EIGHT_HOURS)).isEmpty();
        assertThat(PitneyBowesResponses.accessToken("<html/>", NOW, EIGHT_HOURS)).isEmpty();
    }

    @Test
    void searchResultsAreReadFromAPageOrABareArrayAndMustCarryOurKey() {
        String order = "{\"orderId\": \"O1\", \"clientOrderId\": \"CG-1\", \"status\": \"SHIPPED\"}";
        Optional<CarrierOrder> fromPage = PitneyBowesResponses.foundOrder("pb", 200,
                "{\"content\": [" + order + "], \"totalElements\": 1}", "CG-1", settings, NOW).value();
        assertThat(fromPage).map(CarrierOrder::carrierOrderId).contains("O1");
        Optional<CarrierOrder> fromArray = PitneyBowesResponses.foundOrder("pb", 200, "[" + order + "]", "CG-1",
                settings, NOW).value();
        assertThat(fromArray).map(o -> o.status().status()).contains(DeliveryStatus.PICKED_UP);
        assertThat(PitneyBowesResponses.foundOrder("pb", 200, "{\"orders\": []}", "CG-1", settings, NOW).value())
                .isEmpty();

        CarrierResult<Optional<CarrierOrder>> other = PitneyBowesResponses.foundOrder("pb", 200, "[" + order + "]",
                "CG-2", settings, NOW);
        assertThat(other).isInstanceOf(CarrierResult.PermanentFailure.class);
        CarrierResult<Optional<CarrierOrder>> noList = PitneyBowesResponses.foundOrder("pb", 200, "{\"total\": 0}",
                "CG-1", settings, NOW);
        assertThat(noList).isInstanceOf(CarrierResult.TransientFailure.class);
    }

    @Test
    void twoOrdersWithOurKeyGiveTheFirstListedAndAWarning() {
        String body = "[{\"orderId\": \"NEW\", \"clientOrderId\": \"CG-1\"}, {\"orderId\": \"OLD\", \"clientOrderId\": \"CG-1\"}]";
        CarrierResult<Optional<CarrierOrder>> r = PitneyBowesResponses.foundOrder("pb", 200, body, "CG-1", settings, NOW);
        assertThat(r.value()).map(CarrierOrder::carrierOrderId).contains("NEW");
        assertThat(((CarrierResult.Success<?>) r).warnings()).hasSize(1);
    }

    @Test
    void aStatusOnHoldKeepsPbsReasonsAndAnUnreadableStatusIsTransient() {
        StatusUpdate s = PitneyBowesResponses.status("pb", 200, "{\"status\": \"released\", \"isOnHold\": true, "
                + "\"pbCreateDate\": \"2026-01-15T09:00:00\"}", settings.statusMap(), NOW).value();
        assertThat(s).isEqualTo(new StatusUpdate(DeliveryStatus.ACKNOWLEDGED, "on hold at PB",
                Instant.parse("2026-01-15T09:00:00Z"), "released", null));
        assertThat(PitneyBowesResponses.status("pb", 200, "[]", settings.statusMap(), NOW))
                .isInstanceOf(CarrierResult.TransientFailure.class);
    }

    @Test
    void aCancelAnswerIsCancelledEvenWhenPbsWordIsUnexpectedButThenWarns() {
        CarrierResult<CancelOutcome> sample = PitneyBowesResponses.cancelled("pb", 200, PB_CANCEL_SAMPLE,
                settings.statusMap(), NOW);
        assertThat(sample.value().status()).isEqualTo(new StatusUpdate(DeliveryStatus.CANCELLED, null,
                Instant.parse("2026-01-12T09:30:00Z"), "CANCELLED", null));
        assertThat(((CarrierResult.Success<?>) sample).warnings()).isEmpty();

        CarrierResult<CancelOutcome> odd = PitneyBowesResponses.cancelled("pb", 200, "{\"status\": \"CANCEL_REQUESTED\"}",
                settings.statusMap(), NOW);
        assertThat(odd.value().status().status()).isEqualTo(DeliveryStatus.CANCELLED);
        assertThat(((CarrierResult.Success<?>) odd).warnings()).singleElement().asString().contains("CANCEL_REQUESTED");

        CarrierResult<CancelOutcome> html = PitneyBowesResponses.cancelled("pb", 200, "<html/>", settings.statusMap(), NOW);
        assertThat(((CarrierResult.TransientFailure<?>) html).outcomeUnknown()).isTrue();
    }

    @Test
    void onlyUnchangedAddressStatusesAreDeliverableAsGiven() {
        for (String status : List.of("VALIDATED_AND_NOT_CHANGED", "NOT_CHANGED")) {
            assertThat(verified(status).deliverableAsGiven()).as(status).isTrue();
        }
        for (String status : List.of("VALIDATED_CHANGED", "PARSED")) {
            assertThat(verified(status).deliverableAsGiven()).as(status).isFalse();
        }
        assertThat(PitneyBowesResponses.verifiedAddress("pb", 200, "{\"status\": \"NOT_CHANGED\"}"))
                .isInstanceOf(CarrierResult.TransientFailure.class);
    }

    @Test
    void suggestionsAreReadFromPbsShapeAndAnAbsentListMeansNone() {
        AddressCheck listed = PitneyBowesResponses.suggestedAddresses("pb", 200, """
                {"address": {"addressLines": ["1 MAIN"]},
                 "suggestions": {"suggestionType": "streetName",
                                 "address": [{"addressLines": ["1 MAIN ST"], "postalCode": "60148"},
                                             {"addressLines": []}]}}""").value();
        assertThat(listed).isEqualTo(new AddressCheck(false, List.of(
                new Address("1 MAIN ST", "", null, null, "60148", "US"))));
        assertThat(PitneyBowesResponses.suggestedAddresses("pb", 200, "{\"address\": {}}").value())
                .isEqualTo(new AddressCheck(false, List.of()));
    }

    @Test
    void pbTimesAreReadWithZOffsetOrNoZone() {
        assertThat(PitneyBowesResponses.instant("2026-01-15T10:00:00Z")).isEqualTo("2026-01-15T10:00:00Z");
        assertThat(PitneyBowesResponses.instant("2026-01-15T04:00:00-06:00")).isEqualTo("2026-01-15T10:00:00Z");
        assertThat(PitneyBowesResponses.instant("2026-01-15T10:00:00.250")).isEqualTo("2026-01-15T10:00:00.250Z");
        assertThat(PitneyBowesResponses.instant("<date>")).isNull();
    }

    private AddressCheck verified(String status) {
        return PitneyBowesResponses.verifiedAddress("pb", 200,
                "{\"addressLines\": [\"1 MAIN ST\"], \"postalCode\": \"60148\", \"status\": \"" + status + "\"}").value();
    }
}
