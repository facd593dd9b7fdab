package com.carriergateway.core.outbox;

import java.time.Duration;
import java.util.Locale;

/**
 * How one status callback attempt ended: delivered, or why not (what the dispatcher needs to decide a retry, a
 * backoff or a dead letter). The detail holds statuses and codes only, never an answer's text.
 */
public record CallbackResult(Kind kind, int httpStatus, String detail, Duration retryAfter) {

    /** The outcome, also the {@code outcome} tag of the send metrics. */
    public enum Kind {
        DELIVERED, REJECTED, THROTTLED, SERVER_ERROR, CLIENT_ERROR, TIMEOUT, NETWORK, NOT_CONFIGURED;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean delivered() {
        return kind == Kind.DELIVERED;
    }

    /** No response: the transport failed. Only the failure's type is kept (its message may quote the URL). */
    public static CallbackResult fromFailure(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        boolean timeout = t.getClass().getSimpleName().contains("Timeout")
                || cause.getClass().getSimpleName().contains("Timeout");
        return new CallbackResult(timeout ? Kind.TIMEOUT : Kind.NETWORK, 0,
                (timeout ? "timed out: " : "no answer: ") + cause.getClass().getSimpleName(), null);
    }

    public static CallbackResult notConfigured(String pharmacyId) {
        return new CallbackResult(Kind.NOT_CONFIGURED, 0,
                "no callback URL configured (gateway.pharmacies." + pharmacyId + ".callback.url)", null);
    }
}
