package com.carriergateway.routes.routing;

import com.carriergateway.routes.config.GatewayProperties;
import java.util.List;

/**
 * A pharmacy the gateway serves: who it is, how it authenticates (the digest of its secret, never the
 * secret), and where its orders go.
 */
public record PharmacyAccount(
        String pharmacyId,
        String name,
        String apiKey,
        byte[] secretSha256,
        String defaultCarrier,
        List<RoutingRule> rules,
        String addressCarrier,
        String failoverCarrier,
        GatewayProperties.Callback callback) {

    @Override
    public String toString() {
        return "PharmacyAccount[" + pharmacyId + ", " + name + "]";
    }
}
