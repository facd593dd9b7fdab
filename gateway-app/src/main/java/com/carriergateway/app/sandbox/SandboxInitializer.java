package com.carriergateway.app.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Demo mode: before the gateway's beans exist, starts the sandboxes named in {@code gateway.sandbox.systems}
 * and publishes their addresses as {@code gateway.sandbox.url.<system>}, which the demo configuration points
 * carriers and callbacks at. Off unless {@code gateway.sandbox.enabled=true} (the demo profile sets it).
 */
public class SandboxInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(SandboxInitializer.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        if (!env.getProperty("gateway.sandbox.enabled", Boolean.class, false)) {
            return;
        }
        String[] systems = env.getProperty("gateway.sandbox.systems", String[].class,
                new String[] {"pitney-bowes", "connect", "bestrx"});
        SandboxServers servers = new SandboxServers();
        Map<String, Object> urls = new LinkedHashMap<>();
        for (String system : systems) {
            int port = env.getProperty("gateway.sandbox.ports." + system, Integer.class, 0);
            var server = servers.start(system, port);
            urls.put("gateway.sandbox.url." + system, "http://127.0.0.1:" + server.port());
        }
        env.getPropertySources().addFirst(new MapPropertySource("gateway-sandbox", urls));
        context.getBeanFactory().registerSingleton("sandboxServers", servers);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                servers.close();
            }
        });
        log.warn("SANDBOX MODE: carriers and BestRx are in-process WireMock sandboxes, not the real services: {}", urls);
    }
}
