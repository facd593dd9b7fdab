package com.carriergateway.adapter.uberdirect;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * When Uber may pick up and drop off an order, from the date the pharmacy asked for. No I/O.
 *
 * <p>An order for today, for a date already past, or for no date at all is on demand: Uber's guide says to leave all
 * four window fields blank for a packed order, and then drops off within about 90 minutes. An order for a later date
 * gets that day's window in the pharmacy's time zone ({@code scheduled-window-start}/{@code -end}): the courier may
 * collect from the window's start until {@link #RIDE_ALLOWANCE} before its end, and must drop off within it. That
 * keeps Uber's rules: the pickup window lasts at least 10 minutes, the dropoff window at least 20, the dropoff window
 * opens before the pickup deadline and closes after it.
 */
final class DeliveryWindows {

    /** Time kept between the latest pickup and the end of the dropoff window, for the ride. */
    static final Duration RIDE_ALLOWANCE = Duration.ofMinutes(30);
    /** Uber's shortest pickup window (10 minutes) plus the ride allowance. */
    static final Duration SHORTEST_WINDOW = RIDE_ALLOWANCE.plusMinutes(10);

    /** RFC 3339 in UTC, as Uber's examples write it ({@code 2024-12-12T14:00:00Z}). */
    static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ISO_INSTANT;

    /** The four times of a scheduled delivery. */
    record Window(Instant pickupReady, Instant pickupDeadline, Instant dropoffReady, Instant dropoffDeadline) {
    }

    private DeliveryWindows() {
    }

    /**
     * The window for {@code requested}, or empty for an on-demand delivery.
     *
     * @param now today is decided in {@code zone} from this instant
     */
    static Optional<Window> forDate(LocalDate requested, ZoneId zone, LocalTime start, LocalTime end, Instant now) {
        if (requested == null || !requested.isAfter(LocalDate.ofInstant(now, zone))) {
            return Optional.empty();
        }
        Instant opens = requested.atTime(start).atZone(zone).toInstant();
        Instant closes = requested.atTime(end).atZone(zone).toInstant();
        return Optional.of(new Window(opens, closes.minus(RIDE_ALLOWANCE), opens, closes));
    }

    /** True when the pharmacy asked for a date that has already gone by (booked on demand instead). */
    static boolean isPast(LocalDate requested, ZoneId zone, Instant now) {
        return requested != null && requested.isBefore(LocalDate.ofInstant(now, zone));
    }
}
