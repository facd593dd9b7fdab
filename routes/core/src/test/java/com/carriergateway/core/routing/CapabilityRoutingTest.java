package com.carriergateway.core.routing;

import static com.carriergateway.adapter.DeliveryCapability.COLD_CHAIN;
import static com.carriergateway.adapter.DeliveryCapability.ID_CHECK;
import static com.carriergateway.adapter.DeliveryCapability.SIGNATURE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carriergateway.adapter.Operation;
import com.carriergateway.adapter.model.DeliveryOrder;
import com.carriergateway.core.TestOrders;
import com.carriergateway.core.carrier.CarrierRegistry;
import com.carriergateway.core.config.GatewayProperties;
import com.carriergateway.core.pharmacy.PharmacyAccount;
import com.carriergateway.core.pharmacy.PharmacyDirectory;
import com.carriergateway.core.pharmacy.PharmacyDirectoryTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * An order that asks for a signature, an ID check or refrigeration goes only to a carrier that declares it: carriers
 * that cannot are skipped (and named), and when none of the pharmacy's carriers can, the order is refused.
 */
class CapabilityRoutingTest {

    static final CarrierRegistry CARRIERS = new CarrierRegistry(Map.of(
            "pb", PharmacyDirectoryTest.carrier("pb", Set.of(SIGNATURE), Operation.CREATE_ORDER),
            "uber", PharmacyDirectoryTest.carrier("uber", Set.of(SIGNATURE, ID_CHECK), Operation.CREATE_ORDER),
            "connect", PharmacyDirectoryTest.carrier("connect", Set.of(), Operation.CREATE_ORDER)));

    final CarrierRouter router = new CarrierRouter(CARRIERS,
            Clock.fixed(Instant.parse("2020-06-01T12:00:00Z"), ZoneOffset.UTC));

    static PharmacyAccount pharmacy(String defaultCarrier, String failover, GatewayProperties.Rule... rules) {
        GatewayProperties.Pharmacy p = PharmacyDirectoryTest.pharmacy("k", "s");
        p.setDefaultCarrier(defaultCarrier);
        p.setFailoverCarrier(failover);
        p.setRules(List.of(rules));
        return PharmacyDirectory.fromConfiguration(Map.of(PharmacyDirectoryTest.A, p), CARRIERS)
                .byId(PharmacyDirectoryTest.A).orElseThrow();
    }

    static GatewayProperties.Rule rule(String carrier, Consumer<GatewayProperties.Rule> conditions) {
        return CarrierRouterTest.rule(carrier, conditions);
    }

    static DeliveryOrder asking(boolean refrigerated, boolean signature, boolean photoId) {
        return TestOrders.withHandling(TestOrders.seed(), refrigerated, signature, photoId);
    }

    @Test
    void aRuleThatRequiresAnIdCheckTakesExactlyTheOrdersThatAskForOne() {
        PharmacyAccount p = pharmacy("pb", null, rule("uber", r -> r.setRequires(List.of(ID_CHECK))));

        assertThat(router.route(p.routing(), asking(false, true, true)))
                .isEqualTo(new RoutingDecision.Chosen("uber", List.of()));
        assertThat(router.route(p.routing(), asking(false, true, false)))
                .isEqualTo(new RoutingDecision.Chosen("pb", List.of()));
    }

    @Test
    void aCarrierThatCannotHonourTheOrderIsSkippedAndNamedWithWhatItLacks() {
        PharmacyAccount p = pharmacy("uber", null, rule("connect", r -> r.setServiceLevels(List.of("same_day"))));
        DeliveryOrder sameDayWithId = TestOrders.withServiceLevel(asking(false, true, true), "same_day");

        assertThat(router.route(p.routing(), sameDayWithId)).isEqualTo(new RoutingDecision.Chosen("uber",
                List.of(new RoutingDecision.SkippedCarrier("connect", Set.of(SIGNATURE, ID_CHECK)))));
        assertThat(router.route(p.routing(), TestOrders.withServiceLevel(asking(false, false, false), "same_day")))
                .as("an order that asks for nothing at the door still goes by the rule")
                .isEqualTo(new RoutingDecision.Chosen("connect", List.of()));
    }

    @Test
    void whenNoCarrierOfThePharmacyCanHonourARequirementTheOrderIsRefusedNamingIt() {
        PharmacyAccount p = pharmacy("pb", null, rule("connect", r -> r.setServiceLevels(List.of("same_day"))));

        RoutingDecision refrigerated = router.route(p.routing(),
                TestOrders.withServiceLevel(asking(true, true, false), "same_day"));
        assertThat(refrigerated).isEqualTo(new RoutingDecision.Refused(Set.of(COLD_CHAIN), List.of(
                new RoutingDecision.SkippedCarrier("connect", Set.of(COLD_CHAIN, SIGNATURE)),
                new RoutingDecision.SkippedCarrier("pb", Set.of(COLD_CHAIN)))));
        assertThat(router.route(p.routing(), asking(false, true, true)))
                .as("uber could, but this pharmacy does not route to it")
                .isInstanceOf(RoutingDecision.Refused.class)
                .extracting(d -> ((RoutingDecision.Refused) d).unmet()).isEqualTo(Set.of(ID_CHECK));
    }

    @Test
    void aFailoverCarrierThatWouldDropARequirementIsNoFailover() {
        assertThat(router.failoverFor(pharmacy("pb", "uber").routing(), asking(false, true, true))).contains("uber");
        assertThat(router.failoverFor(pharmacy("pb", "connect").routing(), asking(false, true, false))).isEmpty();
        assertThat(router.failoverFor(pharmacy("pb", "connect").routing(), asking(false, false, false)))
                .contains("connect");
        assertThat(router.failoverFor(pharmacy("pb", null).routing(), asking(false, false, false))).isEmpty();
    }

    @Test
    void aRuleRequiringWhatItsCarrierCannotHonourStopsTheStartNamingTheRule() {
        assertThatThrownBy(() -> pharmacy("pb", null, rule("uber", r -> r.setServiceLevels(List.of("same_day"))),
                rule("pb", r -> r.setRequires(List.of(ID_CHECK, SIGNATURE)))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("gateway.pharmacies." + PharmacyDirectoryTest.A + ".rules[1].requires=[SIGNATURE, ID_CHECK]: "
                        + "carrier pb cannot honour [ID_CHECK] (it declares [SIGNATURE])");
    }
}
