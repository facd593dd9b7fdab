package com.carriergateway.adapter.uberdirect;

import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.CarrierAdapterProvider;
import java.time.Clock;

/** Registers the {@code uber-direct} carrier type with the gateway (see META-INF/services). */
public final class UberDirectAdapterProvider implements CarrierAdapterProvider<UberDirectProperties> {

    public static final String TYPE = "uber-direct";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<UberDirectProperties> settingsType() {
        return UberDirectProperties.class;
    }

    /** Fails fast, naming the property, when a setting is missing or wrong. */
    @Override
    public CarrierAdapter create(String carrierId, UberDirectProperties settings, Clock clock) {
        return new UberDirectAdapter(UberDirectSettings.from(carrierId, settings), clock);
    }
}
