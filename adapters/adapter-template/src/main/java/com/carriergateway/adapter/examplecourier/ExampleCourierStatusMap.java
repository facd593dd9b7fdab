package com.carriergateway.adapter.examplecourier;

import com.carriergateway.adapter.CarrierStatusMap;
import com.carriergateway.adapter.model.DeliveryStatus;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The courier's delivery statuses mapped onto the canonical {@link DeliveryStatus}. Every entry can be changed or
 * removed from configuration ({@code status-map.<code>=<DeliveryStatus|NONE>}), so a status the carrier adds or
 * renames needs no release. A code that maps to nothing means "no change": callers never move an order for it.
 */
public final class ExampleCourierStatusMap {

    static final Map<String, DeliveryStatus> DEFAULTS = defaults();

    private ExampleCourierStatusMap() {
    }

    public static CarrierStatusMap defaultMap() {
        return CarrierStatusMap.of(DEFAULTS, ExampleCourierStatusMap::normalise);
    }

    /**
     * The built-in map with {@code overrides} applied.
     *
     * @throws IllegalArgumentException naming the property when a value is not a {@link DeliveryStatus} or NONE
     */
    public static CarrierStatusMap withOverrides(Map<String, String> overrides, UnaryOperator<String> propertyOf) {
        return defaultMap().withOverrides(overrides, propertyOf);
    }

    /** Carriers are rarely consistent about case and separators: "Picked up", "picked-up" and "PICKED_UP" are one. */
    private static String normalise(String code) {
        return code.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

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
