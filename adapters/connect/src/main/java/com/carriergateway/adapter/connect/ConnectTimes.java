package com.carriergateway.adapter.connect;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads Connect timestamps. Connect documents appointment times as UTC with a separate
 * {@code timezoneOffset}, but examples elsewhere carry offsets, so both are accepted and compared as instants.
 */
final class ConnectTimes {

    private ConnectTimes() {
    }

    /**
     * The instant a Connect time stands for: ISO-8601 with {@code Z} or an offset; without a zone it is
     * UTC (Connect's documented convention); a bare date is its UTC midnight; digits are epoch milliseconds.
     */
    static Optional<Instant> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String s = value.trim();
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException ignored) {
            // not an offset date-time; try the other documented or likely forms
        }
        try {
            return Optional.of(LocalDateTime.parse(s).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            // not a local date-time
        }
        try {
            return Optional.of(LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            // not a date
        }
        if (s.matches("[0-9]{10,15}")) {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(s)));
        }
        return Optional.empty();
    }
}
