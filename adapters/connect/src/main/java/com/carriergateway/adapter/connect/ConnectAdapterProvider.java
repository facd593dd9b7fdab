package com.carriergateway.adapter.connect;

import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.CarrierAdapterProvider;
import com.carriergateway.adapter.CarrierSettings;
import java.time.Clock;

/** Makes Connect available as {@code gateway.carriers.<id>.type=connect}. */
public final class ConnectAdapterProvider implements CarrierAdapterProvider {

    @Override
    public String type() {
        return "connect";
    }

    @Override
    public CarrierAdapter create(CarrierSettings settings, Clock clock) {
        return ConnectAdapter.create(settings, clock);
    }
}
