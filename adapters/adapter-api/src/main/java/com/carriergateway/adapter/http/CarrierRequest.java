package com.carriergateway.adapter.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One request to a carrier, as the adapter means it: method, absolute URL, headers in order, and a text body
 * (UTF-8) or none. {@link CarrierHttp} puts it on the wire.
 */
public record CarrierRequest(String method, String url, List<Header> headers, String body) {

    public record Header(String name, String value) {
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    public CarrierRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        headers = List.copyOf(headers);
    }

    /** The first value of header {@code name} (case-insensitive), or null. */
    public String header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst().orElse(null);
    }

    public static Builder to(String url) {
        return new Builder(url);
    }

    /** Reads like the JDK's {@code HttpRequest.Builder}, which adapters were first written against. */
    public static final class Builder {

        private final String url;
        private final List<Header> headers = new ArrayList<>(6);
        private String method = "GET";
        private String body;

        private Builder(String url) {
            this.url = url;
        }

        public Builder header(String name, String value) {
            headers.add(new Header(name, value));
            return this;
        }

        public Builder GET() {
            return method("GET", null);
        }

        public Builder POST(String body) {
            return method("POST", body);
        }

        /** A method with a body, or with none when {@code body} is null. */
        public Builder method(String method, String body) {
            this.method = method;
            this.body = body;
            return this;
        }

        public CarrierRequest build() {
            return new CarrierRequest(method, url, headers, body);
        }
    }
}
