package com.carriergateway.adapter.pitneybowes;

import com.carriergateway.adapter.model.DeliveryStatus;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * PB order statuses (Fulfillment {@code status}) and PB standardized tracking event codes, mapped onto the
 * canonical {@link DeliveryStatus}. The two vocabularies do not overlap (event codes are three letters), so one
 * table serves both.
 *
 * <p>PB does not publish its order status list, so the built-in order statuses are educated guesses; every entry
 * can be overridden or removed with {@code status-map.<code>=<DeliveryStatus|NONE>}. A code that maps to nothing
 * means "no change": callers must not move an order because of it.
 */
public final class PitneyBowesStatusMap {

    /** Override value that removes a built-in mapping. */
    public static final String NONE = "NONE";

    static final Map<String, DeliveryStatus> DEFAULTS = defaults();

    private final Map<String, DeliveryStatus> map;

    private PitneyBowesStatusMap(Map<String, DeliveryStatus> map) {
        this.map = Collections.unmodifiableMap(map);
    }

    public static PitneyBowesStatusMap defaultMap() {
        return new PitneyBowesStatusMap(new LinkedHashMap<>(DEFAULTS));
    }

    /**
     * The built-in map with {@code overrides} applied.
     *
     * @param propertyOf names the configuration property of an override key, for error messages
     * @throws IllegalArgumentException naming the property when a value is not a {@link DeliveryStatus} or NONE
     */
    public static PitneyBowesStatusMap withOverrides(Map<String, String> overrides, UnaryOperator<String> propertyOf) {
        Map<String, DeliveryStatus> map = new LinkedHashMap<>(DEFAULTS);
        overrides.forEach((code, value) -> {
            String key = normalise(code);
            String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
            if (v.equals(NONE)) {
                map.remove(key);
                return;
            }
            try {
                map.put(key, DeliveryStatus.valueOf(v));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(propertyOf.apply(code) + " must be one of "
                        + java.util.Arrays.toString(DeliveryStatus.values()) + " or " + NONE + ": " + value);
            }
        });
        return new PitneyBowesStatusMap(map);
    }

    /** The canonical status of a PB status or event code; empty for unknown codes and codes mapped to NONE. */
    public Optional<DeliveryStatus> lookup(String pbCode) {
        if (pbCode == null || pbCode.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(map.get(normalise(pbCode)));
    }

    Map<String, DeliveryStatus> asMap() {
        return map;
    }

    /** PB spells statuses in upper case with underscores; tolerate "Partially shipped" and "in-process" too. */
    private static String normalise(String code) {
        return code.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    private static Map<String, DeliveryStatus> defaults() {
        Map<String, DeliveryStatus> m = new LinkedHashMap<>();
        // Fulfillment order statuses (Unconfirmed: only CANCELLED appears in PB's samples).
        m.put("CREATED", DeliveryStatus.CREATED);
        m.put("NEW", DeliveryStatus.CREATED);
        m.put("OPEN", DeliveryStatus.CREATED);
        m.put("PENDING", DeliveryStatus.CREATED);
        m.put("RECEIVED", DeliveryStatus.ACKNOWLEDGED);
        m.put("ACCEPTED", DeliveryStatus.ACKNOWLEDGED);
        m.put("RELEASED", DeliveryStatus.ACKNOWLEDGED);
        m.put("ALLOCATED", DeliveryStatus.ACKNOWLEDGED);
        m.put("IN_PROCESS", DeliveryStatus.ACKNOWLEDGED);
        m.put("PROCESSING", DeliveryStatus.ACKNOWLEDGED);
        m.put("PICKED", DeliveryStatus.ACKNOWLEDGED);
        m.put("PACKED", DeliveryStatus.ACKNOWLEDGED);
        m.put("SHIPPED", DeliveryStatus.PICKED_UP);
        m.put("PARTIALLY_SHIPPED", DeliveryStatus.PICKED_UP);
        m.put("IN_TRANSIT", DeliveryStatus.IN_TRANSIT);
        m.put("DELIVERED", DeliveryStatus.DELIVERED);
        m.put("RETURNED", DeliveryStatus.RETURNED);
        m.put("CANCELLED", DeliveryStatus.CANCELLED);
        m.put("CANCELED", DeliveryStatus.CANCELLED);
        // PB standardized tracking event codes (published subset). INF, MSC and DYU stay unmapped: no change.
        m.put("AWP", DeliveryStatus.ACKNOWLEDGED);
        m.put("PSR", DeliveryStatus.ACKNOWLEDGED);
        m.put("TRD", DeliveryStatus.IN_TRANSIT);
        m.put("SPH", DeliveryStatus.IN_TRANSIT);
        m.put("CUC", DeliveryStatus.IN_TRANSIT);
        m.put("OFD", DeliveryStatus.OUT_FOR_DELIVERY);
        m.put("DAT", DeliveryStatus.DELIVERY_ATTEMPTED);
        m.put("UDL", DeliveryStatus.UNABLE_TO_DELIVER);
        m.put("DLD", DeliveryStatus.DELIVERED);
        m.put("RTS", DeliveryStatus.RETURNED);
        return m;
    }
}
