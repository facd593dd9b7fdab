package com.carriergateway.routes.flow;

/**
 * The two facts a BestRx flow keeps beside its message body, for every step and the error handling: which call it
 * is (the envelope's details differ) and the request id. Everything else travels as the typed body.
 */
public final class ExchangeKeys {

    public static final String REQUEST_ID = "cg.requestId";
    public static final String OPERATION = "cg.operation";

    private ExchangeKeys() {
    }
}
