package com.carriergateway.adapter.uberdirect;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.ValidationReport;
import com.carriergateway.adapter.json.CarrierJson;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Uber stubs the adapter never reaches (it always sends Uber a correct request), called directly: their answers
 * are Uber's documented ones too. And the oracle itself: it must refuse what Uber's contract refuses, or the contract
 * test's "no problems" would mean nothing.
 */
class SandboxStubsTest {

    static WireMockServer uber;
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final String API = "/v1/customers/cus_sandbox_pharmacy/deliveries";

    @BeforeAll
    static void start() {
        uber = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .usingFilesUnderClasspath("wiremock-stubs/uber-direct"));
        uber.start();
    }

    @AfterAll
    static void stop() {
        uber.stop();
    }

    @Test
    void aCallWithoutABearerTokenGetsUbersUnauthorized() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(url(API + "/del_1")).GET());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(CarrierJson.text(CarrierJson.read(r.body()).orElseThrow(), "code")).isEqualTo("unauthorized");
        assertUbers(API + "/del_1", Request.Method.GET, r);
    }

    @Test
    void aCreateWithoutUbersRequiredFieldsGetsInvalidParams() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(url(API)).header("Authorization", "Bearer sandbox-x")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"pickup_name\": \"BestRx Pharmacy\", "
                        + "\"dropoff_phone_number\": \"(630) 555-1111\"}")));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(CarrierJson.text(CarrierJson.read(r.body()).orElseThrow(), "code")).isEqualTo("invalid_params");
        assertUbers(API, Request.Method.POST, r);
    }

    @Test
    void pastTheLastPageTheListIsEmpty() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(url(API + "?offset=8"))
                .header("Authorization", "Bearer sandbox-x").GET());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(CarrierJson.read(r.body()).orElseThrow().get("data")).isEmpty();
        assertUbers(API, Request.Method.GET, r);
    }

    @Test
    void aTokenRequestThatIsNotTheClientCredentialsFormIsRefused() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(url("/oauth/v2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=u&password=p")));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(CarrierJson.text(CarrierJson.read(r.body()).orElseThrow(), "error")).isEqualTo("invalid_request");
    }

    @Test
    void theSandboxServesItsSignatureImage() throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(url("/sandbox/signature-images/del_1.png")).GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(Base64.getEncoder().encodeToString(r.body()))
                .isEqualTo(UberDirectContractTest.SANDBOX_SIGNATURE_PNG);
        assertThat(new String(r.body(), 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    @Test
    void theOracleRefusesWhatUbersContractRefuses() {
        assertThat(UberOpenApi.validateAnswer(API, Request.Method.POST, 200, "application/json",
                "{\"id\": \"del_1\", \"status\": \"on_its_way\"}").hasErrors()).as("status outside the enum").isTrue();
        assertThat(UberOpenApi.validateAnswer(API, Request.Method.POST, 200, "application/json",
                "{\"id\": \"del_1\", \"manifest_items\": [{\"name\": \"x\"}]}").hasErrors())
                .as("manifest_items as an array where the schema has one object").isTrue();
        assertThat(UberOpenApi.validateAnswer(API, Request.Method.POST, 200, "application/json",
                "{\"id\": \"del_1\", \"fee\": \"10.99\"}").hasErrors()).as("money as text").isTrue();
        assertThat(UberOpenApi.validateAnswer(API + "/del_1", Request.Method.GET, 429, "application/json",
                "{\"code\": \"customer_limited\"}").hasErrors()).as("a status Get does not document").isTrue();
        assertThat(UberOpenApi.validateAnswer("/oauth/v2/token", Request.Method.POST, 200, "application/json",
                "{\"access_token\": \"t\", \"expires_in\": \"2592000\"}").hasErrors()).as("expires_in as text").isTrue();
        ValidationReport request = UberOpenApi.DELIVERIES.validateRequest(
                com.atlassian.oai.validator.model.SimpleRequest.Builder.post(API)
                        .withContentType("application/json").withHeader("Authorization", "Bearer t")
                        .withBody("{\"pickup_name\": \"p\", \"pickup_address\": \"a\", \"pickup_phone_number\": "
                                + "\"(630) 893-9210\", \"dropoff_name\": \"d\", \"dropoff_address\": \"b\", "
                                + "\"dropoff_phone_number\": \"+16305551111\", \"manifest_items\": [], "
                                + "\"pickup_ready_dt\": \"tomorrow\"}").build());
        assertThat(request.getMessages()).extracting(ValidationReport.Message::getMessage)
                .anySatisfy(m -> assertThat(m).contains("pickup_phone_number"))
                .anySatisfy(m -> assertThat(m).contains("pickup_ready_dt"));
    }

    private static void assertUbers(String path, Request.Method method, HttpResponse<String> r) {
        ValidationReport report = UberOpenApi.validateAnswer(path, method, r.statusCode(),
                r.headers().firstValue("Content-Type").orElse(null), r.body());
        assertThat(report.getMessages()).as("what breaks Uber's OpenAPI").isEmpty();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(String pathAndQuery) {
        return URI.create("http://localhost:" + uber.port() + pathAndQuery);
    }
}
