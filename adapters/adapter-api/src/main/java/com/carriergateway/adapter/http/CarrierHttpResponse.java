package com.carriergateway.adapter.http;

import java.net.http.HttpHeaders;

/** A carrier's answer: status, headers and body text. */
public record CarrierHttpResponse(int status, HttpHeaders headers, String body) {

    public String header(String name) {
        return headers == null ? null : headers.firstValue(name).orElse(null);
    }

    public boolean is2xx() {
        return status >= 200 && status < 300;
    }
}
