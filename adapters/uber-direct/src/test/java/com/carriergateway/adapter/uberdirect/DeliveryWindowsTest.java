package com.carriergateway.adapter.uberdirect;

import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.uberdirect.DeliveryWindows.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DeliveryWindowsTest {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final LocalTime NINE = LocalTime.of(9, 0);
    static final LocalTime FIVE_PM = LocalTime.of(17, 0);
    /** 2026-01-15 04:00 in Chicago: still the 15th there, while UTC is already 10:00. */
    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    @Test
    void noDateTodayOrAPastDateIsOnDemand() {
        assertThat(DeliveryWindows.forDate(null, CHICAGO, NINE, FIVE_PM, NOW)).isEmpty();
        assertThat(DeliveryWindows.forDate(LocalDate.parse("2026-01-15"), CHICAGO, NINE, FIVE_PM, NOW)).isEmpty();
        assertThat(DeliveryWindows.forDate(LocalDate.parse("2020-06-02"), CHICAGO, NINE, FIVE_PM, NOW)).isEmpty();
        assertThat(DeliveryWindows.isPast(LocalDate.parse("2020-06-02"), CHICAGO, NOW)).isTrue();
        assertThat(DeliveryWindows.isPast(LocalDate.parse("2026-01-15"), CHICAGO, NOW)).isFalse();
        assertThat(DeliveryWindows.isPast(null, CHICAGO, NOW)).isFalse();
    }

    @Test
    void todayIsDecidedInThePharmacysZone() {
        // 2026-01-16 02:00 UTC is still the 15th in Chicago: the 16th is tomorrow there, so it is scheduled.
        Instant lateEvening = Instant.parse("2026-01-16T02:00:00Z");
        assertThat(DeliveryWindows.forDate(LocalDate.parse("2026-01-16"), CHICAGO, NINE, FIVE_PM, lateEvening))
                .isPresent();
        assertThat(DeliveryWindows.forDate(LocalDate.parse("2026-01-16"), ZoneId.of("UTC"), NINE, FIVE_PM,
                lateEvening)).isEmpty();
    }

    @Test
    void aLaterDateGetsThatDaysWindowInLocalTime() {
        Window w = DeliveryWindows.forDate(LocalDate.parse("2026-01-20"), CHICAGO, NINE, FIVE_PM, NOW).orElseThrow();
        assertThat(w.pickupReady()).isEqualTo(Instant.parse("2026-01-20T15:00:00Z"));
        assertThat(w.pickupDeadline()).isEqualTo(Instant.parse("2026-01-20T22:30:00Z"));
        assertThat(w.dropoffReady()).isEqualTo(Instant.parse("2026-01-20T15:00:00Z"));
        assertThat(w.dropoffDeadline()).isEqualTo(Instant.parse("2026-01-20T23:00:00Z"));
        assertThat(DeliveryWindows.RFC_3339.format(w.pickupReady())).isEqualTo("2026-01-20T15:00:00Z");
    }

    @Test
    void theShortestAllowedWindowKeepsEveryOneOfUbersRules() {
        LocalTime start = LocalTime.of(12, 0);
        Window w = DeliveryWindows.forDate(LocalDate.parse("2026-07-01"), CHICAGO, start,
                start.plus(DeliveryWindows.SHORTEST_WINDOW), NOW).orElseThrow();
        // pickup_window_too_small: at least 10 minutes
        assertThat(Duration.between(w.pickupReady(), w.pickupDeadline()))
                .isGreaterThanOrEqualTo(Duration.ofMinutes(10));
        // dropoff_ready_after_pickup_deadline
        assertThat(w.dropoffReady()).isBeforeOrEqualTo(w.pickupDeadline());
        // dropoff_deadline_too_early: at least 20 minutes after dropoff ready
        assertThat(Duration.between(w.dropoffReady(), w.dropoffDeadline()))
                .isGreaterThanOrEqualTo(Duration.ofMinutes(20));
        // dropoff_deadline_before_pickup_deadline
        assertThat(w.dropoffDeadline()).isAfter(w.pickupDeadline());
        // summer time: 12:00 in Chicago is 17:00 UTC
        assertThat(w.pickupReady()).isEqualTo(Instant.parse("2026-07-01T17:00:00Z"));
    }
}
