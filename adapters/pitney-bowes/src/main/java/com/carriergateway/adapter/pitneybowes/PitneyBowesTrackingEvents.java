package com.carriergateway.adapter.pitneybowes;

import com.carriergateway.adapter.CarrierStatusMap;
import com.carriergateway.adapter.json.CarrierJson;
import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.CarrierStatusEvent;
import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.ProofOfDelivery;
import com.carriergateway.adapter.model.Signer;
import com.carriergateway.adapter.model.StatusUpdate;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * PB's tracking webhook body to status events, no I/O.
 *
 * <p>PB POSTs a JSON array of tracking events; it documents only {@code eventCode}, {@code eventDescription},
 * {@code StandardizedEventCode} and {@code StandardizedEventDescription} (capitalised). The rest of the event shape
 * read here follows PB's Tracking API scan details and is an assumption: {@code trackingNumber}, {@code eventDate}
 * ({@code yyyy-MM-dd} or a full ISO time), {@code eventTime} ({@code HH:mm[:ss]}), {@code eventTimeOffset}
 * ({@code -05:00}, else UTC), {@code packageStatus}, {@code signedBy} and an optional {@code eventId}. Field names
 * are matched ignoring case, and every field may be missing.
 */
final class PitneyBowesTrackingEvents {

    /** PB's informational codes: no status meaning, skipped without a warning unless configured. */
    static final Set<String> INFORMATIONAL_CODES = Set.of("INF", "MSC");

    private PitneyBowesTrackingEvents() {
    }

    /**
     * The status events in {@code body}, oldest first. An event without a tracking number or with a code that
     * maps to no status is skipped (with a warning unless informational); a body that is not a JSON array or
     * object is a PROTOCOL failure.
     *
     * @param receivedAt the event time when PB sends none
     */
    static CarrierResult<List<CarrierStatusEvent>> parse(String carrierId, String body, CarrierStatusMap map,
                                                         Instant receivedAt) {
        JsonNode root = CarrierJson.read(body).orElse(null);
        if (root == null || !(root.isArray() || root.isObject())) {
            return CarrierResult.permanentFailure(CarrierError.of(carrierId, Category.PROTOCOL,
                    "PB tracking webhook body is not a JSON array of events"));
        }
        List<JsonNode> items = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(items::add);
        } else {
            items.add(root); // tolerate a single event sent bare
        }
        List<String> warnings = new ArrayList<>();
        List<CarrierStatusEvent> events = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            event(items.get(i), i, map, receivedAt, warnings).ifPresent(events::add);
        }
        events.sort(Comparator.comparing(e -> e.update().occurredAt()));
        return new CarrierResult.Success<>(events, warnings);
    }

    private static Optional<CarrierStatusEvent> event(JsonNode e, int index, CarrierStatusMap map,
                                                      Instant receivedAt, List<String> warnings) {
        if (!e.isObject()) {
            warnings.add("event " + index + " is not a JSON object; skipped");
            return Optional.empty();
        }
        String code = CarrierJson.text(e, "standardizedEventCode", "l1Code");
        Optional<DeliveryStatus> status = map.lookup(code);
        if (status.isEmpty()) {
            if (code == null || !INFORMATIONAL_CODES.contains(code.toUpperCase(Locale.ROOT))) {
                warnings.add("event " + index + " with standardized code " + code + " maps to no status; skipped");
            }
            return Optional.empty();
        }
        String trackingNumber = CarrierJson.text(e, "trackingNumber", "parcelTrackingNumber", "trackingId");
        if (trackingNumber == null) {
            warnings.add("event " + index + " (" + code + ") has no tracking number; skipped");
            return Optional.empty();
        }
        Instant occurredAt = occurredAt(e, receivedAt);
        String reason = CarrierJson.text(e, "standardizedEventDescription", "eventDescription", "scanDescription");
        StatusUpdate update = new StatusUpdate(status.get(), reason, occurredAt, code.toUpperCase(Locale.ROOT),
                proof(CarrierJson.text(e, "signedBy")));
        String eventId = CarrierJson.text(e, "eventId");
        if (eventId == null) {
            // PB sends no event id; this one is stable across PB's retries of the same event, for de-duplication.
            String date = CarrierJson.text(e, "eventDate");
            eventId = date == null ? null : String.join("|", trackingNumber, update.carrierCode(), date,
                    String.valueOf(CarrierJson.text(e, "eventTime")));
        }
        return Optional.of(new CarrierStatusEvent(null, trackingNumber, null, eventId, update));
    }

    /** {@code eventDate} + {@code eventTime} + {@code eventTimeOffset}, or a full ISO time in {@code eventDate}. */
    static Instant occurredAt(JsonNode e, Instant fallback) {
        String date = CarrierJson.text(e, "eventDate");
        if (date == null) {
            return fallback;
        }
        Instant full = PitneyBowesResponses.instant(date);
        if (full != null) {
            return full;
        }
        try {
            LocalDate d = LocalDate.parse(date);
            String time = CarrierJson.text(e, "eventTime");
            LocalTime t = time == null ? LocalTime.MIDNIGHT : LocalTime.parse(time);
            String offset = CarrierJson.text(e, "eventTimeOffset");
            ZoneOffset z = offset == null ? ZoneOffset.UTC : ZoneOffset.of(offset);
            return d.atTime(t).toInstant(z);
        } catch (DateTimeException e2) { // includes DateTimeParseException
            return fallback;
        }
    }

    /** {@code signedBy} as a signer: the last word is the last name, the rest the first name. */
    static ProofOfDelivery proof(String signedBy) {
        if (signedBy == null) {
            return null;
        }
        String[] words = signedBy.trim().split("\\s+");
        String last = words[words.length - 1];
        String first = words.length == 1 ? null : String.join(" ", java.util.Arrays.copyOf(words, words.length - 1));
        return new ProofOfDelivery(null, null, new Signer(null, first, last, null, null, null), List.of());
    }
}
