package com.carriergateway.adapter.pitneybowes;

import com.carriergateway.adapter.contract.CarrierSettingsBinding;
import java.util.HashMap;
import java.util.Map;

/** Settings for the pure unit tests: the required keys plus whatever a test adds. */
final class PitneyBowesTestSettings {

    private PitneyBowesTestSettings() {
    }

    static Map<String, String> required() {
        Map<String, String> values = new HashMap<>();
        values.put("api-key", "key");
        values.put("api-secret", "secret");
        values.put("client-id", "1234");
        return values;
    }

    static PitneyBowesSettings with(Map<String, String> extra) {
        Map<String, String> values = required();
        values.putAll(extra);
        return PitneyBowesSettings.from("pitney-bowes",
                CarrierSettingsBinding.bind(new PitneyBowesAdapterProvider(), "pitney-bowes", values));
    }

    static PitneyBowesSettings defaults() {
        return with(Map.of());
    }
}
