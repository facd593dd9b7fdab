package com.carriergateway.adapter.contract;

import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.CarrierAdapterProvider;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Binds a carrier's settings in a test exactly as the gateway binds {@code gateway.carriers.<id>.*}: Spring Boot's
 * binder over the keys as an operator writes them ({@code base-url}, {@code request-timeout=10s},
 * {@code status-map.PCK}), refusing a key the settings record does not have and naming the property of a value that
 * does not convert.
 */
public final class CarrierSettingsBinding {

    private CarrierSettingsBinding() {
    }

    /** The provider's settings record bound from {@code values} (keys relative to the carrier, e.g. {@code api-key}). */
    public static <S> S bind(CarrierAdapterProvider<S> provider, String carrierId, Map<String, String> values) {
        Map<String, String> properties = new LinkedHashMap<>();
        String prefix = "gateway.carriers." + carrierId;
        values.forEach((k, v) -> properties.put(prefix + "." + k, v));
        Binder binder = new Binder(new MapConfigurationPropertySource(properties));
        return binder.bind(prefix, Bindable.of(provider.settingsType()),
                        new NoUnboundElementsBindHandler(BindHandler.DEFAULT))
                .orElseGet(() -> binder.bindOrCreate(prefix, provider.settingsType()));
    }

    /** An adapter created from {@code values} as the gateway creates it. */
    public static <S> CarrierAdapter create(CarrierAdapterProvider<S> provider, String carrierId,
                                            Map<String, String> values, Clock clock) {
        return provider.create(carrierId, bind(provider, carrierId, values), clock);
    }
}
