package com.carriergateway.app;

import com.carriergateway.core.config.GatewayProperties;
import com.carriergateway.adapter.webhook.WebhookSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Under the {@code production} profile, refuses to start with anything meant for demos: the in-process
 * sandboxes, carrier sandbox endpoints, demo credentials, or the embedded H2 database. Each mistake is named.
 */
@Component
@Profile("production")
class ProductionGuard implements InitializingBean {

    private final GatewayProperties gateway;
    private final Environment env;

    ProductionGuard(GatewayProperties gateway, Environment env) {
        this.gateway = gateway;
        this.env = env;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = new ArrayList<>();
        if (env.getProperty("gateway.sandbox.enabled", Boolean.class, false)) {
            problems.add("gateway.sandbox.enabled is true: the in-process sandboxes are for demos");
        }
        boolean sandboxHostsAllowed = env.getProperty("gateway.production.allow-carrier-sandboxes", Boolean.class, false);
        gateway.getCarriers().forEach((id, settings) -> settings.forEach((key, value) -> {
            String v = value == null ? "" : value.toLowerCase(Locale.ROOT);
            if (key.endsWith("url") && (v.contains("127.0.0.1") || v.contains("localhost")
                    || (!sandboxHostsAllowed && v.contains("sandbox")))) {
                problems.add("gateway.carriers." + id + "." + key + " points at a sandbox (" + value + ")");
            }
            if (v.startsWith("demo-")) {
                problems.add("gateway.carriers." + id + "." + key + " holds a demo credential");
            }
        }));
        gateway.getPharmacies().forEach((id, p) -> {
            if ("demo-key".equals(p.getApiKey()) || "demo-secret".equals(p.getApiSecret())) {
                problems.add("gateway.pharmacies." + id + " uses the demo credentials");
            }
            String cb = p.getCallback().getUrl();
            if (cb != null && (cb.contains("127.0.0.1") || cb.contains("localhost"))) {
                problems.add("gateway.pharmacies." + id + ".callback.url points at a local sandbox");
            }
        });
        for (String key : List.of("gateway.admin.username", "gateway.admin.password")) {
            if (env.getProperty(key, "").toLowerCase(Locale.ROOT).startsWith("demo-")) {
                problems.add(key + " holds a demo credential");
            }
        }
        Binder.get(env).bind("gateway.webhooks", Bindable.mapOf(String.class, WebhookSettings.class))
                .orElse(Map.of()).forEach((id, w) -> {
                    if (isDemo(w.getUsername()) || isDemo(w.getPassword()) || isDemo(w.getSigningKey())) {
                        problems.add("gateway.webhooks." + id + " holds a demo credential");
                    }
                });
        String db = env.getProperty("spring.datasource.url", "");
        if (db.startsWith("jdbc:h2:") && !env.getProperty("gateway.production.allow-h2", Boolean.class, false)) {
            problems.add("spring.datasource.url is the embedded H2 database; production runs on PostgreSQL");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start with the production profile:\n - "
                    + String.join("\n - ", problems));
        }
    }

    private static boolean isDemo(String value) {
        return value != null && value.toLowerCase(Locale.ROOT).startsWith("demo-");
    }
}
