package com.carriergateway.routes.callback;

import java.time.Duration;
import java.util.Map;

/**
 * One UpdateOrderStatus POST. {@code toString} names the URL only: the body carries health data and the
 * authorization a secret.
 *
 * @param authorization the {@code Authorization} header value, or null
 * @param headers further headers (ids for BestRx's de-duplication)
 */
public record CallbackRequest(String url, String authorization, Duration timeout, String body,
                              Map<String, String> headers) {

    @Override
    public String toString() {
        return "CallbackRequest[" + url + "]";
    }
}
