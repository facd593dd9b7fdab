package com.carriergateway.adapter.auth;

import java.time.Instant;

/** An OAuth access token and when it stops being valid. {@link #toString()} hides the value. */
public record AccessToken(String value, Instant expiresAt) {

    @Override
    public String toString() {
        return "AccessToken[expiresAt=" + expiresAt + "]";
    }
}
