package com.carriergateway.adapter.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The kit's request matching, on requests that really crossed HTTP into WireMock. */
class ExpectedRequestTest {

    static WireMockServer server;
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static LoggedRequest received(String method, String pathAndQuery, String body, String... headers) throws Exception {
        server.resetRequests();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        http.send(b.build(), HttpResponse.BodyHandlers.discarding());
        return server.getAllServeEvents().get(0).getRequest();
    }

    @Test
    void aFormBodyMatchesItsFieldsInAnyOrderAndRegexValues() throws Exception {
        ExpectedRequest token = ExpectedRequest.post("/oauth/token")
                .formBody(Map.of("grant_type", "client_credentials", "client_assertion", "regex:[\\w-]+\\.[\\w-]+\\.[\\w-]+"));
        assertThat(token.mismatch(received("POST", "/oauth/token", "client_assertion=a.b.c&grant_type=client_credentials")))
                .isNull();
        assertThat(token.mismatch(received("POST", "/oauth/token", "grant_type=client_credentials"))).contains("body");
        assertThat(token.mismatch(received("POST", "/oauth/token", "grant_type=password&client_assertion=a.b.c")))
                .contains("body");
    }

    @Test
    void jsonBodiesCompareStrictlyAndEveryDifferenceIsNamed() throws Exception {
        ExpectedRequest cancel = ExpectedRequest.post("/api/connect/orders/cancel")
                .header("X-API-VERSION", "7").jsonBody("{\"orderId\": 1}");
        assertThat(cancel.mismatch(received("POST", "/api/connect/orders/cancel", "{\"orderId\":1}",
                "X-API-VERSION", "7"))).isNull();
        String m = cancel.mismatch(received("PUT", "/api/connect/orders/cancel?x=1",
                "{\"orderId\":1,\"reason\":\"x\"}", "X-API-VERSION", "6"));
        assertThat(m).contains("method PUT").contains("query parameters").contains("X-API-VERSION=6").contains("body");
    }

    @Test
    void anEmptyBodyMeansNoBodyAtAll() throws Exception {
        ExpectedRequest put = ExpectedRequest.put("/v1/orders/1/cancel").query("clientId", "1234").emptyBody();
        assertThat(put.mismatch(received("PUT", "/v1/orders/1/cancel?clientId=1234", ""))).isNull();
        assertThat(put.mismatch(received("PUT", "/v1/orders/1/cancel?clientId=1234", "{}"))).contains("body");
    }
}
