package com.carriergateway.routes.flow;

import com.carriergateway.routes.bestrx.BestRxOperation;
import com.carriergateway.routes.http.RequestIds;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.MDC;

/**
 * Opens a BestRx flow: which call it is, and its request id ({@link RequestIds}: the id the HTTP edge gave the call,
 * or a new one when the flow is entered otherwise) in the logging context until the exchange is done.
 */
public final class RequestContext {

    private RequestContext() {
    }

    /** The first step of the flow for {@code operation}. */
    public static Processor begin(BestRxOperation operation) {
        return exchange -> {
            String id = RequestIds.of(exchange.getIn().getHeader(RequestIds.HEADER, String.class));
            exchange.setProperty(ExchangeKeys.REQUEST_ID, id);
            exchange.setProperty(ExchangeKeys.OPERATION, operation);
            MDC.put(RequestIds.MDC_KEY, id);
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    MDC.remove(RequestIds.MDC_KEY);
                }
            });
        };
    }

    public static String requestId(Exchange exchange) {
        return exchange.getProperty(ExchangeKeys.REQUEST_ID, String.class);
    }

    public static BestRxOperation operation(Exchange exchange) {
        BestRxOperation op = exchange.getProperty(ExchangeKeys.OPERATION, BestRxOperation.class);
        return op == null ? BestRxOperation.OTHER : op;
    }
}
