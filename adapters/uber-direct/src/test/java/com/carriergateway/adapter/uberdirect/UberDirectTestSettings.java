package com.carriergateway.adapter.uberdirect;

import com.carriergateway.adapter.contract.CarrierSettingsBinding;
import java.util.HashMap;
import java.util.Map;

/** Settings for the pure unit tests: the required keys, bound as the gateway binds them, plus whatever a test adds. */
final class UberDirectTestSettings {

    static final String CUSTOMER_ID = "cus_sandbox_pharmacy";

    private UberDirectTestSettings() {
    }

    static Map<String, String> required() {
        Map<String, String> values = new HashMap<>();
        values.put("client-id", "sandbox-client");
        values.put("client-secret", "sandbox-secret");
        values.put("customer-id", CUSTOMER_ID);
        return values;
    }

    static UberDirectSettings with(Map<String, String> extra) {
        Map<String, String> values = required();
        values.putAll(extra);
        return UberDirectSettings.from("uber-direct",
                CarrierSettingsBinding.bind(new UberDirectAdapterProvider(), "uber-direct", values));
    }

    static UberDirectSettings defaults() {
        return with(Map.of());
    }
}
