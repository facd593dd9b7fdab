package com.carriergateway.core.answer;

/**
 * Every message code the gateway answers with: stable, documented in {@code src/site/markdown/errors.md}.
 * DIS0xxx are raised by the gateway, DIS1xxx relay a carrier's answer (with the carrier's own code and text),
 * DIS2xxx are warnings attached to an otherwise successful answer.
 */
public enum MessageCode {
    UNAUTHORIZED("DIS0000", 401, Source.GATEWAY),
    INVALID_REQUEST("DIS0001", 400, Source.GATEWAY),
    PHARMACY_MISMATCH("DIS0002", 403, Source.GATEWAY),
    ORDER_NOT_FOUND("DIS0003", 404, Source.GATEWAY),
    MALFORMED_BODY("DIS0004", 400, Source.GATEWAY),
    UNSUPPORTED_MEDIA_TYPE("DIS0005", 415, Source.GATEWAY),
    PAYLOAD_TOO_LARGE("DIS0006", 413, Source.GATEWAY),
    IDEMPOTENCY_CONFLICT("DIS0007", 409, Source.GATEWAY),
    REQUEST_IN_PROGRESS("DIS0008", 409, Source.GATEWAY),
    RATE_LIMITED("DIS0009", 429, Source.GATEWAY),
    UNKNOWN_PATH("DIS0010", 404, Source.GATEWAY),
    METHOD_NOT_ALLOWED("DIS0011", 405, Source.GATEWAY),
    NO_CARRIER("DIS0012", 422, Source.GATEWAY),
    /** The gateway is starting or shutting down: nothing was done, send it again after Retry-After. */
    NOT_READY("DIS0013", 503, Source.GATEWAY),
    NO_CAPABLE_CARRIER("DIS0014", 422, Source.GATEWAY),
    INTERNAL_ERROR("DIS0099", 500, Source.GATEWAY),

    CARRIER_REFUSED("DIS1001", 422, Source.CARRIER),
    CARRIER_REJECTED_REQUEST("DIS1002", 422, Source.CARRIER),
    CARRIER_AUTHENTICATION_FAILED("DIS1003", 502, Source.CARRIER),
    CARRIER_UNAVAILABLE("DIS1004", 503, Source.CARRIER),
    CARRIER_TIMEOUT("DIS1005", 504, Source.CARRIER),
    CARRIER_OPERATION_NOT_SUPPORTED("DIS1006", 501, Source.CARRIER),
    CARRIER_ORDER_NOT_FOUND("DIS1007", 422, Source.CARRIER),
    ADDRESS_NOT_FOUND("DIS1008", 200, Source.CARRIER),
    ADDRESS_NOT_DELIVERABLE_AS_GIVEN("DIS1009", 200, Source.CARRIER),
    CARRIER_CIRCUIT_OPEN("DIS1010", 503, Source.GATEWAY),
    CARRIER_BAD_ANSWER("DIS1011", 502, Source.CARRIER),

    AMOUNTS_DO_NOT_ADD_UP("DIS2001", 200, Source.GATEWAY),
    FIELD_DEFAULTED("DIS2002", 200, Source.GATEWAY),
    CARRIER_FAILOVER("DIS2003", 200, Source.GATEWAY),
    CARRIER_WARNING("DIS2004", 200, Source.CARRIER),
    PROVIDER_IDS_DO_NOT_MATCH("DIS2005", 200, Source.GATEWAY),
    CARRIER_SKIPPED("DIS2006", 200, Source.GATEWAY);

    /** Who raised a message. */
    public enum Source { GATEWAY, CARRIER }

    private final String code;
    private final int httpStatus;
    private final Source source;

    MessageCode(String code, int httpStatus, Source source) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.source = source;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public Source source() {
        return source;
    }
}
