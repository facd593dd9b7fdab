package com.carriergateway.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A gateway with several pharmacies (the demo one A, B and C and D), short carrier timeouts and a carrier
 * instance {@code pb-flaky} whose circuit opens fast, for the fault, failover, tenant and rate-limit tests.
 * C books with pb-flaky and opted into failover to Connect; E books with pb-flaky without failover; D may make
 * three requests a second.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "gateway.sandbox.ports.pitney-bowes=0",
                "gateway.sandbox.ports.connect=0",
                "gateway.sandbox.ports.bestrx=0",
                "gateway.sandbox.ports.uber-direct=0",
                "spring.datasource.url=jdbc:h2:mem:gateway-faults;DB_CLOSE_DELAY=-1",
                "gateway.carriers.pitney-bowes.request-timeout=1500ms",
                "gateway.carriers.pb-flaky.type=pitney-bowes",
                "gateway.carriers.pb-flaky.base-url=${gateway.sandbox.url.pitney-bowes}",
                "gateway.carriers.pb-flaky.api-key=flaky-key",
                "gateway.carriers.pb-flaky.api-secret=flaky-secret",
                "gateway.carriers.pb-flaky.client-id=flaky-client",
                "gateway.carriers.pb-flaky.request-timeout=1500ms",
                "gateway.resilience.defaults.retry-backoff=10ms",
                "gateway.resilience.carriers.pb-flaky.minimum-number-of-calls=4",
                "gateway.resilience.carriers.pb-flaky.sliding-window-size=4",
                "gateway.resilience.carriers.pb-flaky.wait-duration-in-open-state=5m",
                "gateway.pharmacies." + FaultsAndTenantsTest.B + ".api-key=b-key",
                "gateway.pharmacies." + FaultsAndTenantsTest.B + ".api-secret=b-secret",
                "gateway.pharmacies." + FaultsAndTenantsTest.B + ".default-carrier=pitney-bowes",
                "gateway.pharmacies." + FaultsAndTenantsTest.C + ".api-key=c-key",
                "gateway.pharmacies." + FaultsAndTenantsTest.C + ".api-secret=c-secret",
                "gateway.pharmacies." + FaultsAndTenantsTest.C + ".default-carrier=pb-flaky",
                "gateway.pharmacies." + FaultsAndTenantsTest.C + ".failover-carrier=connect",
                "gateway.pharmacies." + FaultsAndTenantsTest.D + ".api-key=d-key",
                "gateway.pharmacies." + FaultsAndTenantsTest.D + ".api-secret=d-secret",
                "gateway.pharmacies." + FaultsAndTenantsTest.D + ".default-carrier=pitney-bowes",
                "gateway.pharmacies." + FaultsAndTenantsTest.D + ".requests-per-second=3",
                "gateway.pharmacies." + FaultsAndTenantsTest.E + ".api-key=e-key",
                "gateway.pharmacies." + FaultsAndTenantsTest.E + ".api-secret=e-secret",
                "gateway.pharmacies." + FaultsAndTenantsTest.E + ".default-carrier=pb-flaky",
        })
public @interface FaultsAndTenantsTest {
    String B = "11111111-2222-3333-4444-555555555555";
    String C = "22222222-3333-4444-5555-666666666666";
    String D = "33333333-4444-5555-6666-777777777777";
    String E = "44444444-5555-6666-7777-888888888888";
}
