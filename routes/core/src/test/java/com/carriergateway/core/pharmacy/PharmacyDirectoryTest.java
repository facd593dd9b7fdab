package com.carriergateway.core.pharmacy;

import com.carriergateway.adapter.DeliveryCapability;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.Operation;
import com.carriergateway.core.answer.GatewayProblem;
import com.carriergateway.core.answer.MessageCode;
import com.carriergateway.core.carrier.CarrierRegistry;
import com.carriergateway.core.config.GatewayProperties;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

public class PharmacyDirectoryTest {

    public static final String A = "ef0a4740-0be9-44f7-b89d-9e66eeba0b9a";

    static CarrierAdapter carrier(String id, Operation... ops) {
        return carrier(id, java.util.EnumSet.allOf(DeliveryCapability.class), ops);
    }

    public static CarrierAdapter carrier(String id, Set<DeliveryCapability> atTheDoor, Operation... ops) {
        return new CarrierAdapter() {
            public String carrierId() {
                return id;
            }

            public Set<Operation> capabilities() {
                return Set.of(ops);
            }

            public Set<DeliveryCapability> deliveryCapabilities() {
                return atTheDoor;
            }
        };
    }

    /** Two carriers that honour whatever an order asks at the door, one of them validating addresses. */
    public static final CarrierRegistry CARRIERS = new CarrierRegistry(Map.of(
            "pb", carrier("pb", Operation.CREATE_ORDER, Operation.VALIDATE_ADDRESS),
            "connect", carrier("connect", Operation.CREATE_ORDER)));

    public static GatewayProperties.Pharmacy pharmacy(String key, String secret) {
        GatewayProperties.Pharmacy p = new GatewayProperties.Pharmacy();
        p.setApiKey(key);
        p.setApiSecret(secret);
        p.setDefaultCarrier("pb");
        return p;
    }

    static String basic(String key, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPharmacysOwnCredentialAuthenticatesIt() {
        PharmacyDirectory d = PharmacyDirectory.fromConfiguration(Map.of(A, pharmacy("k1", "s3cret:with:colons")), CARRIERS);
        assertThat(d.authenticate(basic("k1", "s3cret:with:colons")).pharmacyId()).isEqualTo(A);
    }

    @Test
    void wrongMissingOrMalformedCredentialsAre401() {
        PharmacyDirectory d = PharmacyDirectory.fromConfiguration(Map.of(A, pharmacy("k1", "s1")), CARRIERS);
        for (String header : new String[] {null, "", "Bearer abc", "Basic !!!", basic("k1", "wrong"), basic("nope", "s1"),
                basic("k1", "")}) {
            GatewayProblem p = catchThrowableOfType(GatewayProblem.class, () -> d.authenticate(header));
            assertThat(p.httpStatus()).as(String.valueOf(header)).isEqualTo(401);
            assertThat(p.messages().get(0).code()).isEqualTo(MessageCode.UNAUTHORIZED);
        }
    }

    @Test
    void aSecretMayBeConfiguredAsItsDigestOnly() {
        GatewayProperties.Pharmacy p = pharmacy("k1", null);
        p.setApiSecretSha256("5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8"); // "password"
        PharmacyDirectory d = PharmacyDirectory.fromConfiguration(Map.of(A, p), CARRIERS);
        assertThat(d.authenticate(basic("k1", "password")).pharmacyId()).isEqualTo(A);
    }

    @Test
    void configurationMistakesStopStartupNamingTheProperty() {
        assertThatThrownBy(() -> PharmacyDirectory.fromConfiguration(Map.of("not-a-guid", pharmacy("k", "s")), CARRIERS))
                .hasMessageContaining("gateway.pharmacies.not-a-guid");
        GatewayProperties.Pharmacy unknownCarrier = pharmacy("k", "s");
        unknownCarrier.setDefaultCarrier("fedex");
        assertThatThrownBy(() -> PharmacyDirectory.fromConfiguration(Map.of(A, unknownCarrier), CARRIERS))
                .hasMessageContaining("gateway.pharmacies." + A + ".default-carrier=fedex");
        GatewayProperties.Pharmacy emptyRule = pharmacy("k", "s");
        GatewayProperties.Rule rule = new GatewayProperties.Rule();
        rule.setCarrier("connect");
        emptyRule.setRules(List.of(rule));
        assertThatThrownBy(() -> PharmacyDirectory.fromConfiguration(Map.of(A, emptyRule), CARRIERS))
                .hasMessageContaining(".rules[0] has no condition");
        Map<String, GatewayProperties.Pharmacy> twoWithOneKey = new LinkedHashMap<>();
        twoWithOneKey.put(A, pharmacy("same", "s1"));
        twoWithOneKey.put("11111111-2222-3333-4444-555555555555", pharmacy("same", "s2"));
        assertThatThrownBy(() -> PharmacyDirectory.fromConfiguration(twoWithOneKey, CARRIERS))
                .hasMessageContaining("api-key is used by another pharmacy");
        assertThatThrownBy(() -> PharmacyDirectory.fromConfiguration(Map.of(A, pharmacy("k", null)), CARRIERS))
                .hasMessageContaining(".api-secret (or .api-secret-sha256) is required");
    }
}
