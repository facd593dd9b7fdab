package com.carriergateway.routes.api;

import com.carriergateway.routes.bestrx.BestRxOperation;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.MDC;

/**
 * Gives every BestRx request its id: an incoming {@code X-Request-ID} is honoured when it is a sane token,
 * otherwise one is made. The id goes into the logging context (so every log line of the request carries
 * it), the answer's header and the envelope, and is cleared from the thread when the exchange is done.
 */
public final class RequestContext {

    public static final String HEADER = "X-Request-ID";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("^[A-Za-z0-9._:-]{1,64}$");

    private RequestContext() {
    }

    public static void begin(Exchange exchange, BestRxOperation operation) {
        String incoming = exchange.getIn().getHeader(HEADER, String.class);
        String id = incoming != null && SANE.matcher(incoming).matches() ? incoming : "req_" + UUID.randomUUID();
        exchange.setProperty(ExchangeKeys.REQUEST_ID, id);
        exchange.setProperty(ExchangeKeys.OPERATION, operation);
        MDC.put(MDC_KEY, id);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                MDC.remove(MDC_KEY);
            }
        });
    }

    public static String requestId(Exchange exchange) {
        return exchange.getProperty(ExchangeKeys.REQUEST_ID, String.class);
    }

    public static BestRxOperation operation(Exchange exchange) {
        BestRxOperation op = exchange.getProperty(ExchangeKeys.OPERATION, BestRxOperation.class);
        return op == null ? BestRxOperation.OTHER : op;
    }
}
