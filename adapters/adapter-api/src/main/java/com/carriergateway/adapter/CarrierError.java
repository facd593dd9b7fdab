package com.carriergateway.adapter;

import java.time.Duration;

/**
 * Why a carrier call did not succeed, keeping the carrier's own words.
 *
 * @param carrierId the adapter instance that answered
 * @param category what kind of failure, independent of carrier
 * @param carrierCode the carrier's own error code, or null if it gave none
 * @param carrierMessage the carrier's own error text, or null
 * @param httpStatus the carrier's HTTP status, 0 when no answer arrived
 * @param detail the adapter's own explanation, for operators (never patient data)
 * @param retryAfter how long the carrier asked us to wait before trying again (its {@code Retry-After}), or null
 */
public record CarrierError(
        String carrierId,
        Category category,
        String carrierCode,
        String carrierMessage,
        int httpStatus,
        String detail,
        Duration retryAfter) {

    public CarrierError(String carrierId, Category category, String carrierCode, String carrierMessage, int httpStatus,
                        String detail) {
        this(carrierId, category, carrierCode, carrierMessage, httpStatus, detail, null);
    }

    /** This error, with the wait the carrier asked for. */
    public CarrierError withRetryAfter(Duration wait) {
        return new CarrierError(carrierId, category, carrierCode, carrierMessage, httpStatus, detail, wait);
    }

    public enum Category {
        /** The carrier rejected our credentials or token, even after a fresh token. */
        AUTHENTICATION,
        /** The carrier does not know the order (or will not say, as Connect's 404 does). */
        NOT_FOUND,
        /** The carrier rejected the request's content. */
        VALIDATION,
        /** The request is valid but the order's state forbids it (already shipped, within the cancel window). */
        CONFLICT,
        /** The address is not deliverable. */
        UNDELIVERABLE_ADDRESS,
        /** 5xx, 503, connection refused or reset. */
        UNAVAILABLE,
        /** No answer in time. */
        TIMEOUT,
        /** The carrier answered something we cannot read. */
        PROTOCOL,
        /** The carrier asked us to slow down. */
        RATE_LIMITED,
        /** Not called: the carrier's circuit breaker is open after repeated failures. */
        CIRCUIT_OPEN,
        /** Not called: too many calls to this carrier are already in flight. */
        BULKHEAD_FULL,
        /** Anything else. */
        UNKNOWN
    }

    public static CarrierError of(String carrierId, Category category, String detail) {
        return new CarrierError(carrierId, category, null, null, 0, detail);
    }

    /** One line for logs and envelopes: carrier code and text when present, else the detail. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        if (carrierCode != null && !carrierCode.isBlank()) {
            sb.append(carrierCode).append(": ");
        }
        if (carrierMessage != null && !carrierMessage.isBlank()) {
            sb.append(carrierMessage);
        } else if (detail != null) {
            sb.append(detail);
        } else {
            sb.append(category);
        }
        if (httpStatus > 0) {
            sb.append(" (HTTP ").append(httpStatus).append(')');
        }
        return sb.toString();
    }
}
