package com.carriergateway.app;

import com.carriergateway.app.sandbox.SandboxServers;
import com.carriergateway.core.store.OrderStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every end-to-end test has at hand: the running gateway (over HTTP), its sandboxes (to inject faults and
 * read what each received), and its order store (to check what was, or was not, stored).
 */
abstract class EndToEndTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected SandboxServers sandboxes;
    @Autowired
    protected OrderStore store;

    protected GatewayHttp gateway;

    @BeforeEach
    void connectToTheGateway() {
        gateway = new GatewayHttp(port);
    }
}
