package com.carriergateway.adapter.connect;

import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.StatusUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * How a Connect order's state maps onto the canonical status. Connect documents no order status values
 * (Unconfirmed), so the state is derived from signals on the order resource, each mapped through a table
 * that configuration may override ({@code status-map.<key>=<DeliveryStatus>|NONE}).
 *
 * <p>Keys: {@code rejected}, {@code cancelled}, {@code service-activated}, {@code default},
 * {@code order.<status>} for an explicit status field, {@code appointment.<status>} for the active
 * appointment, {@code event.<z-event-type without .event>} for webhooks. Status words are lower-cased with
 * spaces and underscores turned into dashes ("In Progress" is {@code in-progress}). {@code NONE} means the
 * signal gives no status (the next signal decides; a webhook then yields no event).
 */
final class ConnectStatusMap {

    /** A derived status plus remarks about signals that could not be mapped. */
    record Derived(StatusUpdate update, List<String> warnings) {
    }

    private static final Map<String, String> DEFAULTS = defaults();

    private final Map<String, Optional<DeliveryStatus>> table;

    private ConnectStatusMap(Map<String, Optional<DeliveryStatus>> table) {
        this.table = table;
    }

    static ConnectStatusMap defaultMap() {
        return withOverrides(Map.of(), key -> "status-map." + key);
    }

    /**
     * The defaults with {@code overrides} on top.
     *
     * @param propertyName names a key's property in error messages
     * @throws IllegalArgumentException naming the property when a value is not a canonical status or NONE
     */
    static ConnectStatusMap withOverrides(Map<String, String> overrides, Function<String, String> propertyName) {
        Map<String, Optional<DeliveryStatus>> table = new LinkedHashMap<>();
        DEFAULTS.forEach((k, v) -> table.put(k, status(v, k, propertyName)));
        overrides.forEach((k, v) -> table.put(normalise(k), status(v, k, propertyName)));
        if (table.get("default").isEmpty()) {
            throw new IllegalArgumentException(propertyName.apply("default") + " must be a delivery status, not NONE");
        }
        return new ConnectStatusMap(table);
    }

    /** The canonical status for a signal; empty when unmapped or mapped to NONE. */
    Optional<DeliveryStatus> lookup(String key) {
        Optional<DeliveryStatus> s = table.get(normalise(key));
        return s == null ? Optional.empty() : s;
    }

    /** Whether the key is in the table at all (NONE counts as mapped). */
    boolean knows(String key) {
        return table.containsKey(normalise(key));
    }

    /** The webhook key for a {@code z-event-type}: {@code order.rejected.event} is {@code event.order.rejected}. */
    static String eventKey(String eventType) {
        String t = eventType.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith(".event")) {
            t = t.substring(0, t.length() - ".event".length());
        }
        return "event." + t;
    }

    /**
     * The order's canonical status. Precedence, first match wins: rejected ({@code rejectedReason} or
     * {@code rejectedOn}); cancelled ({@code cancelledOn}); service activated; the explicit status field;
     * the earliest active appointment's status; {@code default}.
     *
     * @param now when no signal carries its own time
     */
    Derived derive(ConnectOrder order, Set<String> inactiveAppointmentStatuses, Instant now) {
        List<String> warnings = new ArrayList<>();
        if (order.rejectedReason() != null || order.rejectedOn() != null) {
            Optional<DeliveryStatus> s = lookup("rejected");
            if (s.isPresent()) {
                return done(new StatusUpdate(s.get(), order.rejectedReason(), at(order.rejectedOn(), now),
                        "rejected", null), warnings);
            }
        }
        if (order.cancelledOn() != null) {
            Optional<DeliveryStatus> s = lookup("cancelled");
            if (s.isPresent()) {
                return done(StatusUpdate.of(s.get(), at(order.cancelledOn(), now), "cancelled"), warnings);
            }
        }
        if (order.serviceActivatedOn() != null) {
            Optional<DeliveryStatus> s = lookup("service-activated");
            if (s.isPresent()) {
                return done(new StatusUpdate(s.get(), "nbn service activated", at(order.serviceActivatedOn(), now),
                        "service-activated", null), warnings);
            }
        }
        if (order.status() != null) {
            Optional<DeliveryStatus> s = lookup("order." + order.status());
            if (s.isPresent()) {
                return done(StatusUpdate.of(s.get(), now, order.status()), warnings);
            }
            if (!knows("order." + order.status())) {
                warnings.add("unmapped Connect order status '" + order.status() + "' (status-map.order."
                        + normalise(order.status()) + ")");
            }
        }
        Optional<ConnectAppointment> appointment = order.appointments().stream()
                .filter(a -> a.isActive(inactiveAppointmentStatuses))
                .min(Comparator.comparing(a -> a.start().orElse(Instant.MAX)));
        if (appointment.isPresent() && appointment.get().status() != null) {
            ConnectAppointment a = appointment.get();
            Optional<DeliveryStatus> s = lookup("appointment." + a.status());
            if (s.isPresent()) {
                String when = a.startTime() == null ? "" : " for " + a.startTime();
                return done(new StatusUpdate(s.get(), "nbn appointment " + a.status() + when, now,
                        "appointment:" + a.status(), null), warnings);
            }
            if (!knows("appointment." + a.status())) {
                warnings.add("unmapped Connect appointment status '" + a.status() + "' (status-map.appointment."
                        + normalise(a.status()) + ")");
            }
        }
        return done(StatusUpdate.of(lookup("default").orElseThrow(), now, null), warnings);
    }

    private static Derived done(StatusUpdate update, List<String> warnings) {
        return new Derived(update, List.copyOf(warnings));
    }

    private static Instant at(String connectTime, Instant fallback) {
        return ConnectTimes.parse(connectTime).orElse(fallback);
    }

    static String normalise(String key) {
        return key.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
    }

    private static Optional<DeliveryStatus> status(String value, String key, Function<String, String> propertyName) {
        String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        if (v.equals("NONE")) {
            return Optional.empty();
        }
        try {
            return Optional.of(DeliveryStatus.valueOf(v));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(propertyName.apply(key) + " must be one of "
                    + List.of(DeliveryStatus.values()) + " or NONE: " + value);
        }
    }

    private static Map<String, String> defaults() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("rejected", "UNABLE_TO_DELIVER");
        m.put("cancelled", "CANCELLED");
        m.put("service-activated", "DELIVERED");
        m.put("default", "CREATED");
        // Explicit order status values are Unconfirmed; these are the plausible words.
        for (String s : List.of("new", "created", "pending", "submitted", "requested")) {
            m.put("order." + s, "CREATED");
        }
        for (String s : List.of("accepted", "acknowledged", "in-progress", "processing", "scheduled")) {
            m.put("order." + s, "ACKNOWLEDGED");
        }
        for (String s : List.of("completed", "complete", "active", "activated")) {
            m.put("order." + s, "DELIVERED");
        }
        for (String s : List.of("cancelled", "canceled")) {
            m.put("order." + s, "CANCELLED");
        }
        for (String s : List.of("rejected", "failed", "in-error")) {
            m.put("order." + s, "UNABLE_TO_DELIVER");
        }
        // Documented appointment statuses: Reserved (awaiting nbn validation), Booked, In Progress.
        m.put("appointment.reserved", "NONE");
        m.put("appointment.booked", "ACKNOWLEDGED");
        m.put("appointment.in-progress", "OUT_FOR_DELIVERY");
        m.put("event.order.rejected", "UNABLE_TO_DELIVER");
        m.put("event.service.cancelled", "CANCELLED");
        // A cancelled appointment leaves the order open for a new booking: no canonical change.
        m.put("event.appointment.cancelled", "NONE");
        return Map.copyOf(m);
    }
}
