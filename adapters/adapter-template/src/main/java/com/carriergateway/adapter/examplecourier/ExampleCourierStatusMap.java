package com.carriergateway.adapter.examplecourier;

import com.carriergateway.adapter.model.DeliveryStatus;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The courier's delivery statuses mapped onto the canonical {@link DeliveryStatus}. Every entry can be changed or
 * removed from configuration ({@code status-map.<code>=<DeliveryStatus|NONE>}), so a status the carrier adds or
 * renames needs no release. A code that maps to nothing means "no change": callers never move an order for it.
 */
public final class ExampleCourierStatusMap {

    /** Override value that removes a built-in mapping. */
    public static final String NONE = "NONE";

    static final Map<String, DeliveryStatus> DEFAULTS = defaults();

    private final Map<String, DeliveryStatus> map;

    private ExampleCourierStatusMap(Map<String, DeliveryStatus> map) {
        this.map = Map.copyOf(map);
    }

    public static ExampleCourierStatusMap defaultMap() {
        return new ExampleCourierStatusMap(DEFAULTS);
    }

    /**
     * The built-in map with {@code overrides} applied.
     *
     * @param propertyOf names the configuration property of an override key, for messages
     * @throws IllegalArgumentException naming the property when a value is neither a {@link DeliveryStatus} nor NONE
     */
    public static ExampleCourierStatusMap withOverrides(Map<String, String> overrides, UnaryOperator<String> propertyOf) {
        Map<String, DeliveryStatus> map = new LinkedHashMap<>(DEFAULTS);
        overrides.forEach((code, value) -> {
            String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
            if (v.equals(NONE)) {
                map.remove(normalise(code));
                return;
            }
            try {
                map.put(normalise(code), DeliveryStatus.valueOf(v));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(propertyOf.apply(code) + " must be one of "
                        + Arrays.toString(DeliveryStatus.values()) + " or " + NONE + ": " + value);
            }
        });
        return new ExampleCourierStatusMap(map);
    }

    /** The canonical status of a courier status; empty for unknown codes and codes mapped to NONE. */
    public Optional<DeliveryStatus> lookup(String code) {
        return code == null || code.isBlank() ? Optional.empty() : Optional.ofNullable(map.get(normalise(code)));
    }

    /** Carriers are rarely consistent about case and separators: "Picked up", "picked-up" and "PICKED_UP" are one. */
    private static String normalise(String code) {
        return code.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    /** TODO(carrier): the carrier's documented statuses (order and tracking event codes alike), each mapped once. */
    private static Map<String, DeliveryStatus> defaults() {
        Map<String, DeliveryStatus> m = new LinkedHashMap<>();
        m.put("created", DeliveryStatus.CREATED);
        m.put("accepted", DeliveryStatus.ACKNOWLEDGED);
        m.put("courier_assigned", DeliveryStatus.ACKNOWLEDGED);
        m.put("picked_up", DeliveryStatus.PICKED_UP);
        m.put("in_transit", DeliveryStatus.IN_TRANSIT);
        m.put("out_for_delivery", DeliveryStatus.OUT_FOR_DELIVERY);
        m.put("attempted", DeliveryStatus.DELIVERY_ATTEMPTED);
        m.put("failed", DeliveryStatus.UNABLE_TO_DELIVER);
        m.put("delivered", DeliveryStatus.DELIVERED);
        m.put("returned", DeliveryStatus.RETURNED);
        m.put("cancelled", DeliveryStatus.CANCELLED);
        m.put("canceled", DeliveryStatus.CANCELLED);
        return m;
    }
}
