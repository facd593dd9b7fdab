package com.carriergateway.app.sandbox;

import com.carriergateway.sandbox.SignedWebhooks;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * In-process WireMock servers standing in for the external systems (carriers and BestRx), each serving the
 * stubs of its folder in {@code wiremock-stubs/}: the same stubs the adapters' contract tests run against.
 * Mappings are read through Spring's resource loader so they are found in a packaged jar too.
 */
public final class SandboxServers implements AutoCloseable {

    private final Map<String, WireMockServer> servers = new LinkedHashMap<>();

    /**
     * Starts one server for {@code system} on {@code port} (0 = any free port) with its stubs loaded. The
     * request journal keeps the last 1,000 requests, so an operator can see what a sandbox received.
     */
    public WireMockServer start(String system, int port) {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options()
                .port(port)
                .bindAddress("127.0.0.1")
                .notifier(new QuietSandboxNotifier(system))
                .maxRequestJournalEntries(1000)
                .containerThreads(50)
                .jettyAcceptors(1)
                // the Uber Direct sandbox plays signed webhooks; WireMock's own webhooks cannot sign
                .extensions(SignedWebhooks.factory()));
        server.start();
        if (load(server, system) == 0) {
            server.stop();
            throw new IllegalStateException("no stubs found on the classpath under wiremock-stubs/" + system);
        }
        servers.put(system, server);
        return server;
    }

    public WireMockServer server(String system) {
        return servers.get(system);
    }

    public Map<String, WireMockServer> all() {
        return Collections.unmodifiableMap(servers);
    }

    /** Puts the sandbox back to its stubs as loaded: for tests. */
    public void reset(String system) {
        WireMockServer server = servers.get(system);
        server.resetAll();
        load(server, system);
    }

    /** Loads the stubs of {@code system} into {@code server}; returns how many. */
    public static int load(WireMockServer server, String system) {
        ObjectMapper json = new ObjectMapper();
        int count = 0;
        try {
            Resource[] files = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:wiremock-stubs/" + system + "/mappings/**/*.json");
            for (Resource file : files) {
                String text;
                try (InputStream in = file.getInputStream()) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                JsonNode root = json.readTree(text);
                if (root.has("mappings")) {
                    for (JsonNode m : root.get("mappings")) {
                        server.addStubMapping(StubMapping.buildFrom(m.toString()));
                        count++;
                    }
                } else {
                    server.addStubMapping(StubMapping.buildFrom(text));
                    count++;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the stubs of " + system, e);
        }
        return count;
    }

    @Override
    public void close() {
        servers.values().forEach(WireMockServer::stop);
        servers.clear();
    }
}
