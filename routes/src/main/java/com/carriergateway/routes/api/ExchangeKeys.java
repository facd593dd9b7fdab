package com.carriergateway.routes.api;

/** Exchange properties the BestRx flows pass between their steps. */
public final class ExchangeKeys {

    public static final String REQUEST_ID = "cg.requestId";
    public static final String OPERATION = "cg.operation";
    public static final String PHARMACY = "cg.pharmacy";
    public static final String JSON = "cg.json";
    public static final String REQUEST = "cg.request";
    public static final String FINGERPRINT = "cg.fingerprint";
    public static final String CLAIM = "cg.claim";
    public static final String CARRIER = "cg.carrier";
    public static final String BOOKED = "cg.booked";
    public static final String WARNINGS = "cg.warnings";

    private ExchangeKeys() {
    }
}
