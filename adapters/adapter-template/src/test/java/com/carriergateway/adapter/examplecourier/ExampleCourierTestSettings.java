package com.carriergateway.adapter.examplecourier;

import com.carriergateway.adapter.contract.CarrierSettingsBinding;
import java.util.HashMap;
import java.util.Map;

/** Settings for the pure unit tests, bound as the gateway binds them: the required keys plus what a test adds. */
final class ExampleCourierTestSettings {

    static final String CARRIER_ID = "example-courier";

    private ExampleCourierTestSettings() {
    }

    static Map<String, String> required() {
        Map<String, String> values = new HashMap<>();
        values.put("base-url", "https://api.example-courier.test");
        values.put("client-id", "client");
        values.put("client-secret", "secret");
        return values;
    }

    static ExampleCourierSettings with(Map<String, String> extra) {
        Map<String, String> values = required();
        values.putAll(extra);
        return ExampleCourierSettings.from(CARRIER_ID,
                CarrierSettingsBinding.bind(new ExampleCourierAdapterProvider(), CARRIER_ID, values));
    }

    static ExampleCourierSettings defaults() {
        return with(Map.of());
    }
}
