package com.carriergateway.adapter.uberdirect;

import com.carriergateway.adapter.CarrierStatusMap;
import com.carriergateway.adapter.model.DeliveryStatus;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Uber Direct delivery statuses mapped onto the canonical {@link DeliveryStatus}. Uber publishes its seven statuses,
 * so the defaults are not guesses; what each means for a pharmacy is a choice, and every entry can be overridden or
 * removed with {@code status-map.<status>=<DeliveryStatus|NONE>}. A status that maps to nothing means "no change".
 *
 * <p>{@code pending} is CREATED: Uber holds the delivery but no courier has accepted it (Uber's create answer is
 * always {@code pending}). {@code pickup} is ACKNOWLEDGED: a courier accepted the job and is on the way to the
 * pharmacy; nothing has left it yet. A {@code courier_imminent} flip keeps the status, so it reads as a repeat.
 */
public final class UberDirectStatusMap {

    static final Map<String, DeliveryStatus> DEFAULTS = defaults();

    private UberDirectStatusMap() {
    }

    public static CarrierStatusMap defaultMap() {
        return CarrierStatusMap.of(DEFAULTS, UberDirectStatusMap::normalise);
    }

    /**
     * The built-in map with {@code overrides} applied.
     *
     * @throws IllegalArgumentException naming the property when a value is not a {@link DeliveryStatus} or NONE
     */
    public static CarrierStatusMap withOverrides(Map<String, String> overrides, UnaryOperator<String> propertyOf) {
        return defaultMap().withOverrides(overrides, propertyOf);
    }

    /** Uber writes statuses in lower case with underscores; tolerate "Pickup Complete" and "pickup-complete". */
    private static String normalise(String status) {
        return status.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    private static Map<String, DeliveryStatus> defaults() {
        Map<String, DeliveryStatus> m = new LinkedHashMap<>();
        m.put("pending", DeliveryStatus.CREATED);
        m.put("pickup", DeliveryStatus.ACKNOWLEDGED);
        m.put("pickup_complete", DeliveryStatus.PICKED_UP);
        m.put("dropoff", DeliveryStatus.OUT_FOR_DELIVERY);
        m.put("delivered", DeliveryStatus.DELIVERED);
        m.put("canceled", DeliveryStatus.CANCELLED);
        // Uber's word is American; a British spelling from a copy of the docs is the same status.
        m.put("cancelled", DeliveryStatus.CANCELLED);
        // The forward leg ended undelivered and a return leg started: the parcel is on its way back, not yet there.
        m.put("returned", DeliveryStatus.RETURNED);
        return m;
    }
}
