package com.carriergateway.core.pharmacy;

import com.carriergateway.core.routing.RoutingPolicy;

import com.carriergateway.core.config.GatewayProperties;

/**
 * A pharmacy the gateway serves: who it is, how it authenticates (the digest of its secret, never the
 * secret), and where its orders go.
 */
public record PharmacyAccount(
        String pharmacyId,
        String name,
        String apiKey,
        byte[] secretSha256,
        RoutingPolicy routing,
        GatewayProperties.Callback callback) {

    @Override
    public String toString() {
        return "PharmacyAccount[" + pharmacyId + ", " + name + "]";
    }
}
