package com.carriergateway.adapter.pitneybowes;

import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.CarrierAdapterProvider;
import com.carriergateway.adapter.CarrierSettings;
import java.time.Clock;

/** Registers the {@code pitney-bowes} carrier type with the gateway (see META-INF/services). */
public final class PitneyBowesAdapterProvider implements CarrierAdapterProvider {

    public static final String TYPE = "pitney-bowes";

    @Override
    public String type() {
        return TYPE;
    }

    /** Fails fast, naming the property, when a setting is missing or wrong. */
    @Override
    public CarrierAdapter create(CarrierSettings settings, Clock clock) {
        return new PitneyBowesAdapter(PitneyBowesSettings.from(settings), clock);
    }
}
