package com.carriergateway.core.routing;

import com.carriergateway.core.pharmacy.PharmacyDirectoryTest;
import com.carriergateway.core.pharmacy.PharmacyDirectory;
import com.carriergateway.core.pharmacy.PharmacyAccount;

import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.model.Address;
import com.carriergateway.adapter.model.DeliveryOrder;
import com.carriergateway.core.TestOrders;
import java.time.LocalDate;
import com.carriergateway.core.config.GatewayProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class CarrierRouterTest {

    static final String A = PharmacyDirectoryTest.A;
    final Clock clock = Clock.fixed(Instant.parse("2020-06-01T12:00:00Z"), ZoneOffset.UTC);

    static GatewayProperties.Rule rule(String carrier, Consumer<GatewayProperties.Rule> conditions) {
        GatewayProperties.Rule r = new GatewayProperties.Rule();
        r.setCarrier(carrier);
        conditions.accept(r);
        return r;
    }

    PharmacyAccount pharmacy(GatewayProperties.Rule... rules) {
        GatewayProperties.Pharmacy p = PharmacyDirectoryTest.pharmacy("k", "s");
        p.setRules(List.of(rules));
        return PharmacyDirectory.fromConfiguration(Map.of(A, p), PharmacyDirectoryTest.CARRIERS).byId(A).orElseThrow();
    }

    static String chosen(CarrierRouter router, PharmacyAccount p, DeliveryOrder order) {
        RoutingDecision d = router.route(p.routing(), order);
        assertThat(d).isInstanceOf(RoutingDecision.Chosen.class);
        assertThat(d.skipped()).isEmpty();
        return ((RoutingDecision.Chosen) d).carrierId();
    }

    @Test
    void theFirstMatchingRuleChoosesElseTheDefault() throws Exception {
        CarrierRouter router = new CarrierRouter(PharmacyDirectoryTest.CARRIERS, clock);
        PharmacyAccount p = pharmacy(
                rule("connect", r -> r.setServiceLevels(List.of("SAME_DAY"))),
                rule("pb", r -> r.setRefrigerated(true)),
                rule("connect", r -> r.setZipPrefixes(List.of("601"))));
        assertThat(chosen(router, p, TestOrders.withServiceLevel(TestOrders.seed(), "same_day"))).isEqualTo("connect");
        assertThat(chosen(router, p, TestOrders.withHandling(TestOrders.seed(), true, true, false))).isEqualTo("pb");
        assertThat(chosen(router, p, TestOrders.seed())).as("ZIP 60108").isEqualTo("connect");
        assertThat(chosen(router, p, TestOrders.withRecipientAddress(TestOrders.seed(),
                a -> Address.us(a.line1(), a.line2(), a.city(), a.state(), "53703")))).isEqualTo("pb");
    }

    @Test
    void aRuleMatchesOnlyWhenEveryConditionHolds() throws Exception {
        CarrierRouter router = new CarrierRouter(PharmacyDirectoryTest.CARRIERS, clock);
        PharmacyAccount p = pharmacy(rule("connect", r -> {
            r.setStates(List.of("il"));
            r.setDeliveryWithinDays(1);
        }));
        assertThat(chosen(router, p, TestOrders.withDeliveryDate(TestOrders.seed(), LocalDate.parse("2020-06-02")))).isEqualTo("connect");
        assertThat(chosen(router, p, TestOrders.withDeliveryDate(TestOrders.seed(), LocalDate.parse("2020-06-03")))).isEqualTo("pb");
        assertThat(chosen(router, p, TestOrders.withDeliveryDate(TestOrders.seed(), null))).isEqualTo("pb");
    }

    @Test
    void addressesAreValidatedByACarrierThatCan() {
        CarrierRouter router = new CarrierRouter(PharmacyDirectoryTest.CARRIERS, clock);
        GatewayProperties.Pharmacy p = PharmacyDirectoryTest.pharmacy("k", "s");
        p.setDefaultCarrier("connect");
        PharmacyAccount account = PharmacyDirectory.fromConfiguration(Map.of(A, p), PharmacyDirectoryTest.CARRIERS)
                .byId(A).orElseThrow();
        assertThat(router.addressCarrierFor(account.routing())).isEqualTo("pb");
    }
}
