package com.carriergateway.adapter.pitneybowes;

import com.carriergateway.adapter.CarrierStatusMap;
import com.carriergateway.adapter.json.CarrierJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.CarrierStatusEvent;
import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.Signer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PitneyBowesTrackingEventsTest {

    static final Instant RECEIVED = Instant.parse("2026-01-17T00:00:00Z");
    private final CarrierStatusMap map = PitneyBowesStatusMap.defaultMap();

    @Test
    void signedByIsSplitIntoFirstAndLastName() {
        assertThat(PitneyBowesTrackingEvents.proof("Mary Ann  Smith").signer())
                .isEqualTo(new Signer(null, "Mary Ann", "Smith", null, null, null));
        assertThat(PitneyBowesTrackingEvents.proof("SMITH").signer())
                .isEqualTo(new Signer(null, null, "SMITH", null, null, null));
        assertThat(PitneyBowesTrackingEvents.proof(null)).isNull();
    }

    @Test
    void eventTimesCombineDateTimeAndOffsetOrFallBack() {
        assertThat(time("{\"eventDate\": \"2026-01-16\", \"eventTime\": \"08:15\", \"eventTimeOffset\": \"-05:00\"}"))
                .isEqualTo("2026-01-16T13:15:00Z");
        assertThat(time("{\"eventDate\": \"2026-01-16\", \"eventTime\": \"08:15:30\"}")).isEqualTo("2026-01-16T08:15:30Z");
        assertThat(time("{\"eventDate\": \"2026-01-16\"}")).isEqualTo("2026-01-16T00:00:00Z");
        assertThat(time("{\"eventDate\": \"2026-01-16T08:15:00-06:00\"}")).isEqualTo("2026-01-16T14:15:00Z");
        assertThat(time("{\"eventDate\": \"16/01/2026\"}")).isEqualTo(RECEIVED);
        assertThat(time("{\"eventDate\": \"2026-01-16\", \"eventTimeOffset\": \"EST\"}")).isEqualTo(RECEIVED);
        assertThat(time("{}")).isEqualTo(RECEIVED);
    }

    @Test
    void aSingleEventSentBareIsReadAndNonObjectsAreSkipped() {
        CarrierResult<List<CarrierStatusEvent>> single = PitneyBowesTrackingEvents.parse("pb",
                "{\"TrackingNumber\": \"T9\", \"STANDARDIZEDEVENTCODE\": \"rts\", \"eventId\": \"E-1\"}", map, RECEIVED);
        assertThat(single.value()).singleElement().satisfies(e -> {
            assertThat(e.trackingId()).isEqualTo("T9");
            assertThat(e.eventId()).isEqualTo("E-1");
            assertThat(e.update().status()).isEqualTo(DeliveryStatus.RETURNED);
            assertThat(e.update().carrierCode()).isEqualTo("RTS");
        });
        CarrierResult<List<CarrierStatusEvent>> mixed = PitneyBowesTrackingEvents.parse("pb",
                "[42, \"x\", {\"trackingNumber\": \"T1\", \"StandardizedEventCode\": \"MSC\"}]", map, RECEIVED);
        assertThat(mixed.value()).isEmpty();
        assertThat(((CarrierResult.Success<?>) mixed).warnings()).hasSize(2); // MSC is skipped silently
    }

    @Test
    void bodiesThatAreNotAnArrayOrObjectAreProtocolFailures() {
        for (String body : new String[] {null, "", "\"DLD\"", "42", "[{"}) {
            assertThat(PitneyBowesTrackingEvents.parse("pb", body, map, RECEIVED)).as(String.valueOf(body))
                    .isInstanceOf(CarrierResult.PermanentFailure.class);
        }
    }

    private static Instant time(String json) {
        return PitneyBowesTrackingEvents.occurredAt(CarrierJson.read(json).orElseThrow(), RECEIVED);
    }
}
