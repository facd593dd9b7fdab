package com.carriergateway.routes.carrier;

import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.CarrierAdapterProvider;
import com.carriergateway.adapter.CarrierSettings;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The carrier instances this gateway runs, built from {@code gateway.carriers.*} with the adapter types found
 * on the classpath. Adding a carrier is a module on the classpath plus configuration: nothing here changes.
 */
public final class CarrierRegistry {

    private final Map<String, CarrierAdapter> adapters;

    public CarrierRegistry(Map<String, CarrierAdapter> adapters) {
        this.adapters = Collections.unmodifiableMap(new LinkedHashMap<>(adapters));
    }

    /**
     * @param decorate wraps each adapter (e.g. with circuit breakers); identity when nothing to add
     * @throws IllegalStateException naming the property when a carrier's type is unknown or its settings wrong
     */
    public static CarrierRegistry fromConfiguration(Map<String, Map<String, String>> carriers, Clock clock,
                                                    UnaryOperator<CarrierAdapter> decorate) {
        Map<String, CarrierAdapterProvider> providers = new TreeMap<>();
        ServiceLoader.load(CarrierAdapterProvider.class).forEach(p -> providers.put(p.type(), p));
        Map<String, CarrierAdapter> built = new LinkedHashMap<>();
        carriers.forEach((id, values) -> {
            CarrierSettings settings = new CarrierSettings(id, values);
            if (!settings.bool("enabled", true)) {
                return;
            }
            String type = settings.get("type", id);
            CarrierAdapterProvider provider = providers.get(type);
            if (provider == null) {
                throw new IllegalStateException(settings.property("type") + "=" + type
                        + " names no carrier adapter on the classpath; known types: " + providers.keySet());
            }
            try {
                built.put(id, decorate.apply(provider.create(settings, clock)));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("carrier " + id + " is misconfigured: " + e.getMessage(), e);
            }
        });
        return new CarrierRegistry(built);
    }

    public CarrierAdapter get(String carrierId) {
        CarrierAdapter a = adapters.get(carrierId);
        if (a == null) {
            throw new IllegalStateException("no carrier '" + carrierId + "' is configured");
        }
        return a;
    }

    public boolean has(String carrierId) {
        return adapters.containsKey(carrierId);
    }

    public Set<String> ids() {
        return adapters.keySet();
    }

    public Map<String, CarrierAdapter> all() {
        return adapters;
    }
}
