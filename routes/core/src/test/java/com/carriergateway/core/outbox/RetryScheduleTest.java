package com.carriergateway.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exponential backoff with equal jitter, capped, within a budget. */
class RetryScheduleTest {

    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    static RetrySchedule schedule(double random) {
        return new RetrySchedule(Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofHours(24), () -> random);
    }

    @ParameterizedTest(name = "after {0} failures: nominal {1} s")
    @CsvSource({"1, 5", "2, 10", "3, 20", "4, 40", "5, 80", "8, 640", "9, 900", "10, 900", "100, 900"})
    void theNominalDelayDoublesUpToTheCap(int failures, long seconds) {
        assertThat(schedule(0).nominalDelay(failures)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void jitterSpreadsEachDelayBetweenHalfAndAllOfTheNominalOne() {
        assertThat(schedule(0.0).nextAttempt(3, NOW, null)).isEqualTo(NOW.plusSeconds(10));
        assertThat(schedule(0.5).nextAttempt(3, NOW, null)).isEqualTo(NOW.plusSeconds(15));
        assertThat(schedule(0.999999).nextAttempt(3, NOW, null)).isBetween(NOW.plusMillis(19_990), NOW.plusSeconds(20));
    }

    @Test
    void retryAfterIsHonouredUpToTheCap() {
        assertThat(schedule(0).nextAttempt(1, NOW, Duration.ofSeconds(120))).isEqualTo(NOW.plusSeconds(120));
        assertThat(schedule(0).nextAttempt(1, NOW, Duration.ofHours(5))).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(schedule(0).nextAttempt(4, NOW, Duration.ofSeconds(1))).isEqualTo(NOW.plusSeconds(20));
    }

    @Test
    void aRetryThatWouldFallOutsideTheBudgetMeansDeadLetter() {
        RetrySchedule s = schedule(0);
        assertThat(s.exhausted(NOW, NOW.plus(Duration.ofHours(24)))).isFalse();
        assertThat(s.exhausted(NOW, NOW.plus(Duration.ofHours(24)).plusMillis(1))).isTrue();
    }

    @Test
    void nonsenseSettingsAreRefusedNamingTheProperties() {
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofHours(1),
                () -> 0)).hasMessageContaining("gateway.outbox").hasMessageContaining("backoff-cap");
    }
}
