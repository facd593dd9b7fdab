package com.carriergateway.adapter;

import java.time.Clock;

/**
 * How the gateway finds carrier types: each adapter module lists one implementation in
 * {@code META-INF/services/com.carriergateway.adapter.CarrierAdapterProvider}. Configuration then creates instances
 * by type ({@code gateway.carriers.<id>.type=pitney-bowes}), so adding a carrier needs a module and configuration,
 * not a change to the gateway.
 *
 * @param <S> the adapter's settings: a record whose components are its configuration keys in camel case
 *     ({@code base-url} → {@code baseUrl}). The gateway binds {@code gateway.carriers.<id>.*} to it with Spring Boot's
 *     binder (relaxed names, durations such as {@code 10s}, lists, maps, enums), refuses keys the record does not
 *     have, and names the property of a value that does not convert. The record's constructor supplies defaults and
 *     throws {@link IllegalArgumentException} naming the key of a missing or wrong value.
 */
public interface CarrierAdapterProvider<S> {

    /** The type name used in configuration, e.g. {@code pitney-bowes}. */
    String type();

    /** The settings record bound from {@code gateway.carriers.<id>.*}. */
    Class<S> settingsType();

    /**
     * Creates an adapter instance.
     *
     * @param carrierId the configured id of this instance
     * @param clock the gateway's clock; adapters take "now" only from it, so tests can pin time
     */
    CarrierAdapter create(String carrierId, S settings, Clock clock);

    /** The full name of a carrier instance's key, for messages: {@code gateway.carriers.<id>.<key>}. */
    static String property(String carrierId, String key) {
        return "gateway.carriers." + carrierId + "." + key;
    }
}
