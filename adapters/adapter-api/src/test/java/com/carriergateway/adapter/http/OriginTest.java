package com.carriergateway.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class OriginTest {

    static final URI BASE = URI.create("https://api.carrier.example/v1");

    @Test
    void theSameSchemeHostAndPortIsTheSameOriginWhateverThePathOrCase() {
        assertThat(Origin.same(BASE, URI.create("https://API.carrier.example/v1/orders/42?page=2"))).isTrue();
        assertThat(Origin.same(BASE, URI.create("HTTPS://api.carrier.example:443/other"))).isTrue();
        assertThat(Origin.same(URI.create("http://127.0.0.1:8091"), URI.create("http://127.0.0.1:8091/x"))).isTrue();
    }

    @Test
    void anotherHostSchemeOrPortIsNotWhereTheTokenMayGo() {
        assertThat(Origin.same(BASE, URI.create("https://evil.example/v1"))).isFalse();
        assertThat(Origin.same(BASE, URI.create("http://api.carrier.example/v1"))).isFalse();
        assertThat(Origin.same(BASE, URI.create("https://api.carrier.example:8443/v1"))).isFalse();
        assertThat(Origin.same(BASE, URI.create("/v1/relative"))).isFalse();
    }
}
