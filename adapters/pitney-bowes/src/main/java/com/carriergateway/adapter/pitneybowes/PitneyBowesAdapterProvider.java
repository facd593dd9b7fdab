package com.carriergateway.adapter.pitneybowes;

import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.CarrierAdapterProvider;
import java.time.Clock;

/** Registers the {@code pitney-bowes} carrier type with the gateway (see META-INF/services). */
public final class PitneyBowesAdapterProvider implements CarrierAdapterProvider<PitneyBowesProperties> {

    public static final String TYPE = "pitney-bowes";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<PitneyBowesProperties> settingsType() {
        return PitneyBowesProperties.class;
    }

    /** Fails fast, naming the property, when a setting is missing or wrong. */
    @Override
    public CarrierAdapter create(String carrierId, PitneyBowesProperties settings, Clock clock) {
        return new PitneyBowesAdapter(PitneyBowesSettings.from(carrierId, settings), clock);
    }
}
