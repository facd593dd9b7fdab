package com.carriergateway.routes.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.model.DeliveryOrder;
import com.carriergateway.routes.bestrx.BestRxJson;
import com.carriergateway.routes.bestrx.CreateOrderReader;
import com.carriergateway.routes.config.GatewayProperties;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

    static DeliveryOrder order(Consumer<ObjectNode> edit) throws Exception {
        try (InputStream in = CarrierRouterTest.class.getResourceAsStream("/bestrx/create-order-seed.json")) {
            ObjectNode json = (ObjectNode) BestRxJson.readObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            edit.accept(json);
            return CreateOrderReader.read(json, A, Instant.now()).order();
        }
    }

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

    @Test
    void theFirstMatchingRuleChoosesElseTheDefault() throws Exception {
        CarrierRouter router = new CarrierRouter(PharmacyDirectoryTest.CARRIERS, clock);
        PharmacyAccount p = pharmacy(
                rule("connect", r -> r.setServiceLevels(List.of("SAME_DAY"))),
                rule("pb", r -> r.setRefrigerated(true)),
                rule("connect", r -> r.setZipPrefixes(List.of("601"))));
        assertThat(router.carrierFor(p, order(j -> j.put("service_level", "same_day")))).isEqualTo("connect");
        assertThat(router.carrierFor(p, order(j -> j.put("refrigeration_needed", "true")))).isEqualTo("pb");
        assertThat(router.carrierFor(p, order(j -> { }))).as("ZIP 60108").isEqualTo("connect");
        assertThat(router.carrierFor(p, order(j -> ((ObjectNode) j.get("recipient").get("address"))
                .put("zip_code", "53703")))).isEqualTo("pb");
    }

    @Test
    void aRuleMatchesOnlyWhenEveryConditionHolds() throws Exception {
        CarrierRouter router = new CarrierRouter(PharmacyDirectoryTest.CARRIERS, clock);
        PharmacyAccount p = pharmacy(rule("connect", r -> {
            r.setStates(List.of("il"));
            r.setDeliveryWithinDays(1);
        }));
        assertThat(router.carrierFor(p, order(j -> j.put("requested_delivery_date", "2020-06-02")))).isEqualTo("connect");
        assertThat(router.carrierFor(p, order(j -> j.put("requested_delivery_date", "2020-06-03")))).isEqualTo("pb");
        assertThat(router.carrierFor(p, order(j -> j.putNull("requested_delivery_date")))).isEqualTo("pb");
    }

    @Test
    void addressesAreValidatedByACarrierThatCan() {
        CarrierRouter router = new CarrierRouter(PharmacyDirectoryTest.CARRIERS, clock);
        GatewayProperties.Pharmacy p = PharmacyDirectoryTest.pharmacy("k", "s");
        p.setDefaultCarrier("connect");
        PharmacyAccount account = PharmacyDirectory.fromConfiguration(Map.of(A, p), PharmacyDirectoryTest.CARRIERS)
                .byId(A).orElseThrow();
        assertThat(router.addressCarrierFor(account)).isEqualTo("pb");
    }
}
