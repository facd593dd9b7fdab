package com.carriergateway.adapter.connect;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A technician appointment on a Connect order. Field names follow the AppointmentCancelled payload; where
 * and how the order resource carries appointments is Unconfirmed (see {@link ConnectResponses}).
 *
 * @param startTime as Connect gave it (UTC or with an offset), kept verbatim for messages
 */
record ConnectAppointment(
        String id, String status, String startTime, String endTime, String timezoneOffset, String slotType) {

    /** The start as an instant; empty when Connect gave none (times appear only once confirmed) or it is unreadable. */
    Optional<Instant> start() {
        return ConnectTimes.parse(startTime);
    }

    /**
     * Whether the appointment still stands. Statuses compare case-insensitively because Connect's own
     * example mixes "Booked" and "cancelled"; an appointment without a status counts as active.
     */
    boolean isActive(Set<String> inactiveStatuses) {
        return status == null || !inactiveStatuses.contains(status.trim().toLowerCase(Locale.ROOT));
    }
}
