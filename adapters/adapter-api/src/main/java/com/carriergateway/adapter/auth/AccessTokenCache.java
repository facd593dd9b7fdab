package com.carriergateway.adapter.auth;

import com.carriergateway.adapter.AccessTokenState;
import com.carriergateway.adapter.http.CarrierCallException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Holds one carrier access token and mints a new one shortly before it expires, or when a carrier
 * answered 401 to it. Concurrent callers share one refresh.
 */
public final class AccessTokenCache {

    /** Fetches a fresh token from the carrier's token endpoint. */
    @FunctionalInterface
    public interface TokenSource {
        /**
         * @throws CarrierCallException no usable answer (down, slow, unreadable): try again later
         * @throws TokenRefused the endpoint refused the credentials: permanent
         */
        AccessToken fetch() throws CarrierCallException, TokenRefused;
    }

    private final TokenSource source;
    private final Clock clock;
    private final Duration refreshMargin;
    private volatile AccessToken current;
    private volatile Instant lastFailureAt;
    private volatile String lastFailure;

    public AccessTokenCache(TokenSource source, Clock clock, Duration refreshMargin) {
        this.source = source;
        this.clock = clock;
        this.refreshMargin = refreshMargin;
    }

    /** A token valid for at least the refresh margin, fetched only when needed. */
    public String token() throws CarrierCallException, TokenRefused {
        AccessToken t = current;
        if (isFresh(t)) {
            return t.value();
        }
        synchronized (this) {
            t = current;
            if (!isFresh(t)) {
                try {
                    t = source.fetch();
                } catch (CarrierCallException e) {
                    noteFailure(e.getClass().getSimpleName());
                    throw e;
                } catch (TokenRefused e) {
                    noteFailure("refused");
                    throw e;
                }
                current = t;
            }
            return t.value();
        }
    }

    /** The carrier refused {@code token}: forget it, unless another caller has already replaced it. */
    public synchronized void invalidate(String token) {
        if (current != null && current.value().equals(token)) {
            current = null;
        }
    }

    /** What is held now, for operators (never the token itself). */
    public AccessTokenState state() {
        AccessToken t = current;
        return new AccessTokenState(t != null && Instant.now(clock).isBefore(t.expiresAt()),
                t == null ? null : t.expiresAt(), lastFailureAt, lastFailure);
    }

    private void noteFailure(String what) {
        lastFailureAt = Instant.now(clock);
        lastFailure = what;
    }

    private boolean isFresh(AccessToken t) {
        return t != null && Instant.now(clock).isBefore(t.expiresAt().minus(refreshMargin));
    }
}
