package com.carriergateway.adapter.pitneybowes;

import com.carriergateway.adapter.CarrierStatusMap;
import com.carriergateway.adapter.model.DeliveryStatus;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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

    static final Map<String, DeliveryStatus> DEFAULTS = defaults();

    private PitneyBowesStatusMap() {
    }

    public static CarrierStatusMap defaultMap() {
        return CarrierStatusMap.of(DEFAULTS, PitneyBowesStatusMap::normalise);
    }

    /**
     * The built-in map with {@code overrides} applied.
     *
     * @throws IllegalArgumentException naming the property when a value is not a {@link DeliveryStatus} or NONE
     */
    public static CarrierStatusMap withOverrides(Map<String, String> overrides, UnaryOperator<String> propertyOf) {
        return defaultMap().withOverrides(overrides, propertyOf);
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
