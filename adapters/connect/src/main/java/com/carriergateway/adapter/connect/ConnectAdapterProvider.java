package com.carriergateway.adapter.connect;

import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.CarrierAdapterProvider;
import java.time.Clock;

/** Makes Connect available as {@code gateway.carriers.<id>.type=connect}. */
public final class ConnectAdapterProvider implements CarrierAdapterProvider<ConnectProperties> {

    @Override
    public String type() {
        return "connect";
    }

    @Override
    public Class<ConnectProperties> settingsType() {
        return ConnectProperties.class;
    }

    @Override
    public CarrierAdapter create(String carrierId, ConnectProperties settings, Clock clock) {
        return ConnectAdapter.create(carrierId, settings, clock);
    }
}
