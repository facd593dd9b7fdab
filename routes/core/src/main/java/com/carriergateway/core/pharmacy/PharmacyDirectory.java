package com.carriergateway.core.pharmacy;

import com.carriergateway.adapter.DeliveryCapability;
import java.util.EnumSet;
import java.util.TreeSet;
import com.carriergateway.core.routing.RoutingPolicy;
import com.carriergateway.core.routing.RoutingRule;

import com.carriergateway.core.answer.GatewayProblem;
import com.carriergateway.core.answer.MessageCode;
import com.carriergateway.adapter.credential.BasicCredential;
import com.carriergateway.core.pharmacy.PharmacyIds;
import com.carriergateway.core.carrier.CarrierRegistry;
import com.carriergateway.core.config.GatewayProperties;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configured pharmacies, checked at startup, and the authentication of BestRx's calls: HTTP Basic with a
 * per-pharmacy key and secret. Secrets are compared as SHA-256 digests with {@link MessageDigest#isEqual},
 * in constant time, and an unknown key costs the same work as a known one.
 */
public final class PharmacyDirectory {

    private static final byte[] NO_SECRET = BasicCredential.sha256("no such key");

    private final Map<String, PharmacyAccount> byId;
    private final Map<String, PharmacyAccount> byKey;

    private PharmacyDirectory(Map<String, PharmacyAccount> byId) {
        this.byId = Map.copyOf(byId);
        Map<String, PharmacyAccount> keys = new HashMap<>();
        byId.values().forEach(p -> keys.put(p.apiKey(), p));
        this.byKey = Map.copyOf(keys);
    }

    /**
     * @throws IllegalStateException naming the property of the first configuration mistake found
     */
    public static PharmacyDirectory fromConfiguration(Map<String, GatewayProperties.Pharmacy> config,
                                                      CarrierRegistry carriers) {
        Map<String, PharmacyAccount> accounts = new HashMap<>();
        Set<String> keys = new LinkedHashSet<>();
        config.forEach((rawId, p) -> {
            String prop = "gateway.pharmacies." + rawId;
            if (!PharmacyIds.isWellFormed(rawId)) {
                throw new IllegalStateException(prop + ": the pharmacy id must be BestRx's GUID");
            }
            String id = PharmacyIds.normalise(rawId);
            if (blank(p.getApiKey())) {
                throw new IllegalStateException(prop + ".api-key is required");
            }
            if (!keys.add(p.getApiKey())) {
                throw new IllegalStateException(prop + ".api-key is used by another pharmacy");
            }
            byte[] digest;
            if (!blank(p.getApiSecretSha256())) {
                digest = HexFormat.of().parseHex(p.getApiSecretSha256().trim().toLowerCase());
            } else if (!blank(p.getApiSecret())) {
                digest = BasicCredential.sha256(p.getApiSecret());
            } else {
                throw new IllegalStateException(prop + ".api-secret (or .api-secret-sha256) is required");
            }
            if (blank(p.getDefaultCarrier())) {
                throw new IllegalStateException(prop + ".default-carrier is required");
            }
            requireCarrier(carriers, prop + ".default-carrier", p.getDefaultCarrier());
            List<RoutingRule> rules = new ArrayList<>();
            for (int i = 0; i < p.getRules().size(); i++) {
                GatewayProperties.Rule r = p.getRules().get(i);
                String rp = prop + ".rules[" + i + "]";
                if (blank(r.getCarrier())) {
                    throw new IllegalStateException(rp + ".carrier is required");
                }
                requireCarrier(carriers, rp + ".carrier", r.getCarrier());
                if (r.getDeliveryWithinDays() != null && r.getDeliveryWithinDays() < 0) {
                    throw new IllegalStateException(rp + ".delivery-within-days must not be negative");
                }
                RoutingRule rule = new RoutingRule(r.getCarrier(), Set.copyOf(r.getServiceLevels()),
                        r.getRefrigerated(), Set.copyOf(r.getStates()), r.getZipPrefixes(), r.getDeliveryWithinDays(),
                        Set.copyOf(r.getRequires()));
                Set<DeliveryCapability> lacking = EnumSet.noneOf(DeliveryCapability.class);
                lacking.addAll(rule.requires());
                lacking.removeAll(carriers.get(r.getCarrier()).deliveryCapabilities());
                if (!lacking.isEmpty()) {
                    throw new IllegalStateException(rp + ".requires=" + new TreeSet<>(rule.requires()) + ": carrier "
                            + r.getCarrier() + " cannot honour " + new TreeSet<>(lacking) + " (it declares "
                            + new TreeSet<>(carriers.get(r.getCarrier()).deliveryCapabilities()) + ")");
                }
                if (!rule.hasConditions()) {
                    throw new IllegalStateException(rp + " has no condition; use default-carrier for a catch-all");
                }
                rules.add(rule);
            }
            if (!blank(p.getAddressCarrier())) {
                requireCarrier(carriers, prop + ".address-carrier", p.getAddressCarrier());
            }
            if (!blank(p.getFailoverCarrier())) {
                requireCarrier(carriers, prop + ".failover-carrier", p.getFailoverCarrier());
            }
            accounts.put(id, new PharmacyAccount(id, p.getName(), p.getApiKey(), digest,
                    new RoutingPolicy(p.getDefaultCarrier(), rules, blankToNull(p.getAddressCarrier()),
                            blankToNull(p.getFailoverCarrier())), p.getCallback()));
        });
        return new PharmacyDirectory(accounts);
    }

    /**
     * The pharmacy whose credential is in this {@code Authorization} header.
     *
     * @throws GatewayProblem 401 when the header is missing, malformed, or the key or secret is wrong
     */
    public PharmacyAccount authenticate(String authorization) {
        BasicCredential credential;
        try {
            credential = BasicCredential.parse(authorization);
        } catch (BasicCredential.Unreadable e) {
            throw new GatewayProblem(MessageCode.UNAUTHORIZED, e.problem() == BasicCredential.Problem.MISSING
                    ? "Authentication required: send HTTP Basic credentials (the pharmacy's API key and secret)."
                    : "The Basic credentials are not valid base64.");
        }
        PharmacyAccount account = byKey.get(credential.user());
        // an unknown key is still checked against a secret, so it takes as long as a wrong secret
        boolean secretOk = credential.passwordMatches(account == null ? NO_SECRET : account.secretSha256());
        if (account == null || !secretOk) {
            throw new GatewayProblem(MessageCode.UNAUTHORIZED, "The API key or secret is not valid.");
        }
        return account;
    }

    public Optional<PharmacyAccount> byId(String pharmacyId) {
        return Optional.ofNullable(byId.get(pharmacyId));
    }

    public Collection<PharmacyAccount> all() {
        return byId.values();
    }

    private static void requireCarrier(CarrierRegistry carriers, String property, String carrierId) {
        if (!carriers.has(carrierId)) {
            throw new IllegalStateException(property + "=" + carrierId + " names no configured carrier; configured: "
                    + carriers.ids());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s.trim();
    }

}
