package com.carriergateway.app.carriers;

import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.CarrierAdapterProvider;
import com.carriergateway.core.carrier.CarrierRegistry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.StreamSupport;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Builds the carrier instances of {@code gateway.carriers.<id>.*}: the adapter type found on the classpath by
 * {@code type} (default: the id), its settings record bound by Spring Boot's binder (relaxed names, durations, lists,
 * maps; a key the record does not have or a value that does not convert stops the start, naming the property), then
 * wrapped by {@code decorate} (resilience).
 */
final class CarrierInstances {

    private CarrierInstances() {
    }

    static CarrierRegistry build(ConfigurableEnvironment env, Set<String> carrierIds, Clock clock,
                                 UnaryOperator<CarrierAdapter> decorate) {
        Map<String, CarrierAdapterProvider<?>> providers = new TreeMap<>();
        ServiceLoader.load(CarrierAdapterProvider.class).forEach(p -> providers.put(p.type(), p));
        Binder gatewayKeys = Binder.get(env);
        Map<String, CarrierAdapter> built = new LinkedHashMap<>();
        for (String id : carrierIds) {
            String prefix = "gateway.carriers." + id;
            if (!gatewayKeys.bind(prefix + ".enabled", Boolean.class).orElse(true)) {
                continue;
            }
            String type = gatewayKeys.bind(prefix + ".type", String.class).orElse(id);
            CarrierAdapterProvider<?> provider = providers.get(type);
            if (provider == null) {
                throw new IllegalStateException(prefix + ".type=" + type
                        + " names no carrier adapter on the classpath; known types: " + providers.keySet());
            }
            try {
                built.put(id, decorate.apply(create(provider, id, adapterKeys(env, prefix), prefix, clock)));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("carrier " + id + " is misconfigured: " + e.getMessage(), e);
            }
        }
        return new CarrierRegistry(built);
    }

    private static <S> CarrierAdapter create(CarrierAdapterProvider<S> provider, String id, Binder binder,
                                             String prefix, Clock clock) {
        S settings = binder.bind(prefix, Bindable.of(provider.settingsType()),
                        new NoUnboundElementsBindHandler(BindHandler.DEFAULT))
                .orElseGet(() -> binder.bindOrCreate(prefix, provider.settingsType()));
        return provider.create(id, settings, clock);
    }

    /** A binder that sees the carrier's keys without the gateway's own ({@code type}, {@code enabled}). */
    private static Binder adapterKeys(ConfigurableEnvironment env, String prefix) {
        ConfigurationPropertyName type = ConfigurationPropertyName.of(prefix + ".type");
        ConfigurationPropertyName enabled = ConfigurationPropertyName.of(prefix + ".enabled");
        Iterable<ConfigurationPropertySource> sources = StreamSupport
                .stream(ConfigurationPropertySources.get(env).spliterator(), false)
                .map(s -> s.filter(name -> !name.equals(type) && !name.equals(enabled)))
                .toList();
        return new Binder(sources, new PropertySourcesPlaceholdersResolver(env));
    }
}
