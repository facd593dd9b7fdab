package com.carriergateway.adapter.examplecourier;

import com.carriergateway.adapter.CarrierStatusMap;
import static com.carriergateway.adapter.contract.Outcomes.assertPermanentFailure;
import static com.carriergateway.adapter.contract.Outcomes.assertSuccess;
import static com.carriergateway.adapter.contract.Outcomes.assertTransientFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.auth.AccessToken;
import com.carriergateway.adapter.model.CarrierOrder;
import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.StatusUpdate;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExampleCourierResponsesTest {

    static final String ID = "example-courier";
    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private final CarrierStatusMap map = ExampleCourierStatusMap.defaultMap();

    @Test
    void aTokenLivesAsLongAsTheCarrierSaysFromWhenWeAsked() {
        assertThat(ExampleCourierResponses.accessToken(
                "{\"access_token\":\"t1\",\"token_type\":\"Bearer\",\"expires_in\":3600}", NOW))
                .contains(new AccessToken("t1", NOW.plusSeconds(3600)));
        assertThat(ExampleCourierResponses.accessToken("{\"access_token\":\"t2\",\"expires_in\":\"600\"}", NOW))
                .contains(new AccessToken("t2", NOW.plusSeconds(600)));
        assertThat(ExampleCourierResponses.accessToken("{\"access_token\":\"t3\"}", NOW))
                .contains(new AccessToken("t3", NOW.plusSeconds(ExampleCourierResponses.DEFAULT_TOKEN_SECONDS)));
    }

    @Test
    void noBearerTokenIsNoToken() {
        assertThat(ExampleCourierResponses.accessToken("{\"token_type\":\"Bearer\"}", NOW)).isEmpty();
        assertThat(ExampleCourierResponses.accessToken("{\"access_token\":\"t\",\"token_type\":\"mac\"}", NOW)).isEmpty();
        assertThat(ExampleCourierResponses.accessToken("<html/>", NOW)).isEmpty();
    }

    @Test
    void withoutATrackingNumberTheDeliveryIdIsTheTrackingId() {
        CarrierOrder o = assertSuccess(ExampleCourierResponses.delivery(ID, 201,
                "{\"id\":\"D1\",\"status\":\"created\"}", map, NOW, true));
        assertThat(o.trackingId()).isEqualTo("D1");
        assertThat(o.trackingUrl()).isNull();
        assertThat(o.status()).isEqualTo(new StatusUpdate(DeliveryStatus.CREATED, null, NOW, "created", null));
    }

    @Test
    void anUnknownStatusMovesNothingAndSaysSo() {
        CarrierResult<CarrierOrder> r = ExampleCourierResponses.delivery(ID, 200,
                "{\"id\":\"D1\",\"status\":\"teleported\",\"updated_at\":\"2026-01-15T11:00:00+01:00\"}", map, NOW, false);
        assertThat(((CarrierOrder) assertSuccess(r)).status()).isEqualTo(new StatusUpdate(DeliveryStatus.CREATED, null,
                Instant.parse("2026-01-15T10:00:00Z"), "teleported", null));
        assertThat(((CarrierResult.Success<?>) r).warnings()).singleElement().asString().contains("teleported");
    }

    @Test
    void anUnreadableDeliveryLeavesAWritesOutcomeUnknown() {
        assertTransientFailure(ExampleCourierResponses.delivery(ID, 201, "{\"status\":\"created\"}", map, NOW, true),
                Category.PROTOCOL, true);
        assertTransientFailure(ExampleCourierResponses.delivery(ID, 200, "<html/>", map, NOW, false),
                Category.PROTOCOL, false);
        assertTransientFailure(ExampleCourierResponses.cancelled(ID, 200, "", NOW), Category.PROTOCOL, true);
    }

    @Test
    void aSearchThatIgnoredItsFilterIsNeverNotFound() {
        CarrierResult<Optional<CarrierOrder>> r = ExampleCourierResponses.found(ID, 200,
                "{\"deliveries\":[{\"id\":\"D9\",\"reference\":\"CG-OTHER\"}]}", "CG-1", map, NOW);
        assertThat(assertPermanentFailure(r, Category.PROTOCOL, null).detail()).contains("none with our reference");
    }

    @Test
    void severalDeliveriesWithOurReferenceGiveTheFirstAndAWarning() {
        CarrierResult<Optional<CarrierOrder>> r = ExampleCourierResponses.found(ID, 200, """
                {"deliveries":[{"id":"D2","reference":"CG-1","status":"accepted"},
                               {"id":"D1","reference":"CG-1","status":"cancelled"}]}""", "CG-1", map, NOW);
        assertThat(((Optional<CarrierOrder>) assertSuccess(r)).orElseThrow().carrierOrderId()).isEqualTo("D2");
        assertThat(((CarrierResult.Success<?>) r).warnings()).singleElement().asString().contains("2 deliveries");
    }

    @Test
    void aSearchAnswerWithoutAListIsUnreadable() {
        assertTransientFailure(ExampleCourierResponses.found(ID, 200, "{\"items\":[]}", "CG-1", map, NOW),
                Category.PROTOCOL, false);
    }
}
