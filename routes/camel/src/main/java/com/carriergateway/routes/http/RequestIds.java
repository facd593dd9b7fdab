package com.carriergateway.routes.http;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every call's id, the one rule for all edges: an incoming {@code X-Request-ID} is honoured when it is a sane token
 * (1–64 of {@code [A-Za-z0-9._:-]}), otherwise one is made. The id is in the answer's header (and BestRx envelope),
 * in the logging context of every line the call causes, and in the order history.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-ID";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("^[A-Za-z0-9._:-]{1,64}$");

    private RequestIds() {
    }

    /** {@code incoming} when it is sane, else a new id. */
    public static String of(String incoming) {
        return incoming != null && SANE.matcher(incoming).matches() ? incoming : "req_" + UUID.randomUUID();
    }
}
