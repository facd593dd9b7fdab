package com.carriergateway.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The gateway as a newcomer runs it (demo profile: sandboxes, demo pharmacy), on free ports, with its own
 * in-memory H2 database, its metrics exported at /actuator/prometheus as in a real run (Spring Boot's tests switch
 * exporting off unless asked). Every test class with this annotation shares one running gateway. A class that adds
 * properties of its own gets a second gateway, which must get a database of its own as well: two gateways on one
 * database each send the other's callbacks to their own BestRx sandbox ({@link TestGatewaysTest}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "gateway.sandbox.ports.pitney-bowes=0",
                "gateway.sandbox.ports.connect=0",
                "gateway.sandbox.ports.bestrx=0",
                "gateway.sandbox.ports.uber-direct=0",
                "spring.datasource.url=jdbc:h2:mem:gateway-test;DB_CLOSE_DELAY=-1",
                // the table-driven suites send the demo pharmacy bursts far above the default 50/s and would be
                // answered 429 on a fast machine; the limiter is tested with a pharmacy of its own (3/s)
                "gateway.rate-limit.requests-per-second=100000",
                // the suites try many wrong admin credentials in a minute; the lock after too many is tested in
                // ConsoleBrowserTest, with a gateway of its own
                "gateway.admin.max-failed-sign-ins=100000",
        })
public @interface GatewayTest {
}
