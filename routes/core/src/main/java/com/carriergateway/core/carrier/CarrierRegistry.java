package com.carriergateway.core.carrier;

import com.carriergateway.adapter.CarrierAdapter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The carrier instances this gateway runs, by configured id (each already behind its resilience decorators). The app
 * builds them from {@code gateway.carriers.*} with the adapter types found on the classpath: adding a carrier is a
 * module plus configuration, nothing here changes.
 */
public final class CarrierRegistry {

    private final Map<String, CarrierAdapter> adapters;

    public CarrierRegistry(Map<String, CarrierAdapter> adapters) {
        this.adapters = Collections.unmodifiableMap(new LinkedHashMap<>(adapters));
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
