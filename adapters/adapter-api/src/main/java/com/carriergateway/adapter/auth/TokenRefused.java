package com.carriergateway.adapter.auth;

import com.carriergateway.adapter.CarrierError;

/**
 * The carrier's token endpoint refused the gateway's own credentials: permanent until an operator fixes them. (A
 * token endpoint that is down, slow or unreadable is a {@link com.carriergateway.adapter.http.CarrierCallException}.)
 */
public final class TokenRefused extends Exception {

    private final transient CarrierError error;

    public TokenRefused(CarrierError error) {
        super(error.summary(), null, false, false);
        this.error = error;
    }

    public CarrierError error() {
        return error;
    }
}
