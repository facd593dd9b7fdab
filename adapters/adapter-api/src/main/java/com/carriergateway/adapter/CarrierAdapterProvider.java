package com.carriergateway.adapter;

import java.time.Clock;

/**
 * How the gateway finds carrier types: each adapter module lists one implementation in
 * {@code META-INF/services/com.carriergateway.adapter.CarrierAdapterProvider}. Configuration then creates
 * instances by type ({@code gateway.carriers.<id>.type=pitney-bowes}), so adding a carrier needs a module
 * and configuration, not a change to the gateway.
 */
public interface CarrierAdapterProvider {

    /** The type name used in configuration, e.g. {@code pitney-bowes}. */
    String type();

    /**
     * Creates an adapter instance. Must fail fast, naming the property, when settings are missing or wrong.
     *
     * @param clock the gateway's clock; adapters take "now" only from it, so tests can pin time
     */
    CarrierAdapter create(CarrierSettings settings, Clock clock);
}
