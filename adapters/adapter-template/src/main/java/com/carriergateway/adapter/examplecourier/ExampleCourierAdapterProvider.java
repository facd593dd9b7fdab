package com.carriergateway.adapter.examplecourier;

import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.CarrierAdapterProvider;
import java.time.Clock;

/**
 * Registers the {@code example-courier} carrier type with the gateway (listed in
 * {@code META-INF/services/com.carriergateway.adapter.CarrierAdapterProvider}), so that
 * {@code gateway.carriers.<id>.type=example-courier} creates an instance.
 */
public final class ExampleCourierAdapterProvider implements CarrierAdapterProvider<ExampleCourierProperties> {

    public static final String TYPE = "example-courier";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<ExampleCourierProperties> settingsType() {
        return ExampleCourierProperties.class;
    }

    /** Fails fast, naming the property, when a setting is missing or wrong. */
    @Override
    public CarrierAdapter create(String carrierId, ExampleCourierProperties settings, Clock clock) {
        return new ExampleCourierAdapter(ExampleCourierSettings.from(carrierId, settings), clock);
    }
}
