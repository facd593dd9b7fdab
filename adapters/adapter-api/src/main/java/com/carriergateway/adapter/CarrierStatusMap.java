package com.carriergateway.adapter;

import com.carriergateway.adapter.model.DeliveryStatus;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A carrier's status vocabulary mapped onto the canonical {@link DeliveryStatus}: the adapter's built-in table, which
 * an operator can change entry by entry ({@code status-map.<code>=<DeliveryStatus|NONE>}) when a carrier account
 * uses a code differently. A code that maps to nothing means "no change": callers must not move an order because of
 * it. Codes are compared after the adapter's own normalisation (case, spaces, dashes), so the carrier's spelling
 * variants all find their entry.
 */
public final class CarrierStatusMap {

    /** Override value that removes a built-in mapping. */
    public static final String NONE = "NONE";

    private final Map<String, DeliveryStatus> map;
    private final UnaryOperator<String> normalise;

    private CarrierStatusMap(Map<String, DeliveryStatus> map, UnaryOperator<String> normalise) {
        this.map = Collections.unmodifiableMap(map);
        this.normalise = normalise;
    }

    /** @param defaults the built-in table, keys already normalised; {@code normalise} reads a carrier's code */
    public static CarrierStatusMap of(Map<String, DeliveryStatus> defaults, UnaryOperator<String> normalise) {
        return new CarrierStatusMap(new LinkedHashMap<>(defaults), normalise);
    }

    /**
     * This map with {@code overrides} applied.
     *
     * @param propertyOf names the configuration property of an override key, for error messages
     * @throws IllegalArgumentException naming the property when a value is not a {@link DeliveryStatus} or NONE
     */
    public CarrierStatusMap withOverrides(Map<String, String> overrides, UnaryOperator<String> propertyOf) {
        Map<String, DeliveryStatus> changed = new LinkedHashMap<>(map);
        overrides.forEach((code, value) -> {
            String key = normalise.apply(code);
            String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
            if (v.equals(NONE)) {
                changed.remove(key);
                return;
            }
            try {
                changed.put(key, DeliveryStatus.valueOf(v));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(propertyOf.apply(code) + " must be one of "
                        + Arrays.toString(DeliveryStatus.values()) + " or " + NONE + ": " + value);
            }
        });
        return new CarrierStatusMap(changed, normalise);
    }

    /** The canonical status of a carrier code; empty for unknown codes and codes mapped to NONE. */
    public Optional<DeliveryStatus> lookup(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(map.get(normalise.apply(code)));
    }

    /** The table as it stands (normalised codes), for documentation and tests. */
    public Map<String, DeliveryStatus> asMap() {
        return map;
    }
}
