package com.carriergateway.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.core.status.ProgressionRule.Current;
import com.carriergateway.core.status.ProgressionRule.Verdict;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The progression rule, case by case: times are hours of a day (-1 = the day before), furthest = stage reached. */
class ProgressionRuleTest {

    static Instant at(int hour) {
        return Instant.parse("2026-03-02T00:00:00Z").plusSeconds(hour * 3600L);
    }

    @ParameterizedTest(name = "{0} since {1}h (furthest {2}) + {3} at {4}h -> {5}")
    @CsvSource({
            // the happy path moves forward
            "CREATED,            8,  0, ACKNOWLEDGED,       9,  APPLY",
            "ACKNOWLEDGED,       9,  1, PICKED_UP,          10, APPLY",
            "PICKED_UP,          10, 2, IN_TRANSIT,         11, APPLY",
            "IN_TRANSIT,         11, 3, OUT_FOR_DELIVERY,   12, APPLY",
            "OUT_FOR_DELIVERY,   12, 4, DELIVERED,          13, APPLY",
            // stages may be skipped
            "ACKNOWLEDGED,       9,  1, DELIVERED,          13, APPLY",
            // repeats are ignored, whatever their time
            "IN_TRANSIT,         11, 3, IN_TRANSIT,         11, REPEAT",
            "IN_TRANSIT,         11, 3, IN_TRANSIT,         15, REPEAT",
            "DELIVERED,          13, 7, DELIVERED,          14, REPEAT",
            // terminal statuses absorb: no late transit after delivery, nothing after a cancel
            "DELIVERED,          13, 7, IN_TRANSIT,         14, TERMINAL",
            "DELIVERED,          13, 7, OUT_FOR_DELIVERY,   12, TERMINAL",
            "CANCELLED,          13, 7, DELIVERED,          14, TERMINAL",
            "RETURNED,           13, 7, DELIVERED,          14, TERMINAL",
            // late or out-of-order events never move an order backwards
            "OUT_FOR_DELIVERY,   12, 4, IN_TRANSIT,         11, LATE",
            "OUT_FOR_DELIVERY,   12, 4, IN_TRANSIT,         13, BACKWARDS",
            "OUT_FOR_DELIVERY,   12, 4, ACKNOWLEDGED,       13, BACKWARDS",
            "DELIVERY_ATTEMPTED, 17, 5, ACKNOWLEDGED,       20, BACKWARDS",
            // a stage never reached counts even when stamped earlier (a poll stamped 'now' came first)
            "IN_TRANSIT,         11, 3, OUT_FOR_DELIVERY,   10, APPLY",
            // a re-attempt: attempted at 17h, out for delivery again the next morning
            "DELIVERY_ATTEMPTED, 17, 5, OUT_FOR_DELIVERY,   32, APPLY",
            "DELIVERY_ATTEMPTED, 17, 5, IN_TRANSIT,         30, APPLY",
            "UNABLE_TO_DELIVER,  17, 6, OUT_FOR_DELIVERY,   32, APPLY",
            // ... but the same morning's out-for-delivery arriving late is not one
            "DELIVERY_ATTEMPTED, 17, 5, OUT_FOR_DELIVERY,   9,  LATE",
            // after the re-attempt, a second attempt applies; yesterday's attempt resent late does not
            "OUT_FOR_DELIVERY,   32, 5, DELIVERY_ATTEMPTED, 40, APPLY",
            "OUT_FOR_DELIVERY,   32, 5, DELIVERY_ATTEMPTED, 17, LATE",
            "OUT_FOR_DELIVERY,   32, 5, DELIVERED,          40, APPLY",
            // exceptions progress
            "DELIVERY_ATTEMPTED, 17, 5, UNABLE_TO_DELIVER,  18, APPLY",
            "UNABLE_TO_DELIVER,  18, 6, RETURNED,           30, APPLY",
            "UNABLE_TO_DELIVER,  18, 6, DELIVERY_ATTEMPTED, 30, BACKWARDS",
            // nothing goes back to before the courier had it
            "OUT_FOR_DELIVERY,   12, 4, CREATED,            13, BACKWARDS",
    })
    void decides(DeliveryStatus current, int since, int furthest, DeliveryStatus incoming, int when, Verdict expected) {
        assertThat(ProgressionRule.decide(new Current(current, at(since), furthest), incoming, at(when)))
                .isEqualTo(expected);
    }

    @Test
    void anOrderWithoutAStatusIsTreatedAsCreated() {
        assertThat(ProgressionRule.decide(new Current(null, null, 0), DeliveryStatus.CREATED, at(1)))
                .isEqualTo(Verdict.REPEAT);
        assertThat(ProgressionRule.decide(new Current(null, null, 0), DeliveryStatus.PICKED_UP, at(1)))
                .isEqualTo(Verdict.APPLY);
    }

    @Test
    void theFurthestStageNeverGoesDownOnAReattempt() {
        Current attempted = new Current(DeliveryStatus.DELIVERY_ATTEMPTED, at(17), 5);
        assertThat(ProgressionRule.furthestStage(attempted, DeliveryStatus.OUT_FOR_DELIVERY)).isEqualTo(5);
        assertThat(ProgressionRule.furthestStage(new Current(DeliveryStatus.ACKNOWLEDGED, at(1), 0),
                DeliveryStatus.IN_TRANSIT)).isEqualTo(3);
    }
}
