package com.carriergateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API document the gateway serves ({@code /openapi.json}) is a valid OpenAPI 3 document, every example in it fits
 * its schema, and what really crosses the wire fits it too: BestRx's published examples as requests, and the answers
 * the running gateway (demo sandboxes) gives to them, to bad requests, to a carrier's webhook and to an operator.
 * Answers' schemas allow no undocumented field, so a field the gateway starts writing fails here until it is described.
 */
@GatewayTest
class ApiContractTest extends EndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREATE = "/Order/CreateOrder";
    private static final String CANCEL = "/Order/CancelOrder";
    private static final String VALIDATE = "/Address/ValidateAddress";
    private static final String WEBHOOK = "/webhooks/{carrierId}";

    ServedApiDocument document;

    @BeforeEach
    void fetchTheDocument() {
        document = ServedApiDocument.fetch(gateway);
    }

    @Test
    void theServedDocumentIsAValidOpenApi3Document() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document.text, null, options);

        assertThat(parsed.getMessages()).as("swagger-parser's findings").isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.0.");
        assertThat(parsed.getOpenAPI().getPaths()).containsKeys(CREATE, CANCEL, VALIDATE, WEBHOOK,
                "/admin/outbox/dead-letters");
    }

    @Test
    void theSwaggerUiIsServedByTheGatewayItself() {
        GatewayHttp.Answer page = gateway.send(gateway.request("/swagger-ui/index.html").GET().build());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui-bundle.js").doesNotContain("https://");
        GatewayHttp.Answer bundle = gateway.send(gateway.request("/swagger-ui/swagger-ui-bundle.js").GET().build());
        assertThat(bundle.status()).isEqualTo(200);
        GatewayHttp.Answer config = gateway.send(gateway.request("/openapi.json/swagger-config").GET().build());
        assertThat(config.json().get("url").asText()).isEqualTo("/openapi.json");
    }

    @Test
    void everyAdminOperationDocumentsTheCredentialRefusals() {
        List<String> admin = new ArrayList<>();
        document.json.path("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/admin/")) {
                path.getValue().fields().forEachRemaining(op -> {
                    admin.add(op.getKey() + " " + path.getKey());
                    assertThat(op.getValue().path("responses").has("401")).as(op.getKey() + " " + path.getKey()).isTrue();
                    assertThat(op.getValue().path("responses").has("429")).as(op.getKey() + " " + path.getKey()).isTrue();
                });
            }
        });
        assertThat(admin).contains("post /admin/orders/{providerOrderId}/reconcile", "get /admin/outbox/dead-letters");
    }

    @Test
    void everyExampleInTheDocumentFitsItsSchema() {
        List<String> checked = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        document.json.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String base = "/paths/" + path.getKey().replace("/", "~1") + "/" + op.getKey();
            check(op.getValue().path("requestBody"), base + "/requestBody", checked, problems);
            op.getValue().path("responses").fields().forEachRemaining(r ->
                    check(r.getValue(), base + "/responses/" + r.getKey(), checked, problems));
        }));

        assertThat(problems).isEmpty();
        assertThat(checked).as("BestRx's three examples, their answers, and error answers")
                .hasSizeGreaterThanOrEqualTo(9);
    }

    private void check(JsonNode bodyOrAnswer, String pointer, List<String> checked, List<String> problems) {
        bodyOrAnswer.path("content").fields().forEachRemaining(media -> media.getValue().path("examples").fields()
                .forEachRemaining(example -> {
                    String schema = pointer + "/content/" + media.getKey().replace("/", "~1") + "/schema";
                    checked.add(pointer + " " + example.getKey());
                    document.problems(schema, example.getValue().path("value"))
                            .forEach(p -> problems.add(pointer + " example " + example.getKey() + ": " + p));
                }));
    }

    @Test
    void bestRxsExamplesAndTheGatewaysAnswersToThemFitTheDocument() throws Exception {
        long id = Seeds.nextUniqueId();
        String create = Seeds.createOrder(id);
        String cancel = Seeds.edited("cancel-order-seed.json", j -> j.put("bestrx_unique_order_id", id));
        String validate = GatewayHttp.seed("validate-address-seed.json");
        for (String[] request : new String[][] {{CREATE, GatewayHttp.seed("create-order-seed.json")},
                {CREATE, create}, {CANCEL, GatewayHttp.seed("cancel-order-seed.json")}, {CANCEL, cancel},
                {VALIDATE, validate}}) {
            assertThat(document.problems(ServedApiDocument.requestSchema(request[0], "post"), JSON.readTree(request[1])))
                    .as(request[0] + " request").isEmpty();
        }

        GatewayHttp.Answer created = gateway.createOrder(create);
        GatewayHttp.Answer repeated = gateway.createOrder(create);
        GatewayHttp.Answer validated = gateway.validateAddress(validate);
        GatewayHttp.Answer cancelled = gateway.cancelOrder(cancel);

        assertFits(CREATE, created, 200);
        assertFits(CREATE, repeated, 200);
        assertFits(VALIDATE, validated, 200);
        assertFits(CANCEL, cancelled, 200);
        assertThat(cancelled.json().at("/messages/0/message_code").asText()).as("a warning, described too")
                .isEqualTo("DIS2005");
    }

    @Test
    void theGatewaysErrorAnswersFitTheDocument() {
        long id = Seeds.nextUniqueId();
        String order = Seeds.createOrder(id);
        assertThat(gateway.createOrder(order).status()).isEqualTo(200);

        assertFits(CREATE, gateway.post(CREATE, order, GatewayHttp.basic("demo-key", "wrong"), Map.of()), 401);
        assertFits(CREATE, gateway.createOrder(Seeds.createOrder(id, j -> j.put("total_amount", "lots"))), 400);
        assertFits(CREATE, gateway.createOrder(Seeds.createOrder(id, j -> j.put("service_level", "express"))), 409);
        assertFits(CREATE, gateway.createOrder("[1]"), 400);
        assertFits(CREATE, gateway.post(CREATE, order, GatewayHttp.DEMO_AUTH, Map.of("Content-Type", "text/plain")),
                415);
        assertFits(CREATE, gateway.createOrder(Seeds.createOrder(id, j -> j.put("delivery_notes", "x".repeat(300_000)))),
                413);
        assertFits(CANCEL, gateway.cancelOrder(Seeds.cancelOrder(Seeds.nextUniqueId())), 404);
        assertFits(CANCEL, gateway.post(CANCEL, Seeds.cancelOrder(id), null, Map.of()), 401);
        assertFits(VALIDATE, gateway.validateAddress(Seeds.edited("validate-address-seed.json",
                j -> j.with("store").put("bestrx_pharmacy_id", "00000000-0000-0000-0000-000000000001"))), 403);
        assertFits(VALIDATE, gateway.validateAddress("{}"), 400);
    }

    @Test
    void webhookAndAdminAnswersFitTheDocument() {
        long id = Seeds.nextUniqueId();
        GatewayHttp.Answer created = gateway.createOrder(Seeds.createOrder(id));
        String tracking = created.json().at("/data/tracking_id").asText();
        String order = created.json().at("/data/provider_order_id").asText();

        assertFits(WEBHOOK, StatusTraffic.pbWebhook(gateway, StatusTraffic.batch(
                StatusTraffic.pbEvent(tracking, "PSR", "2026-01-01T10:00:00Z", null))), 200);
        assertFits(WEBHOOK, gateway.post(StatusTraffic.PB_WEBHOOK, "[]", GatewayHttp.basic("x", "y"), Map.of()), 401);
        assertFits(WEBHOOK, gateway.post("/webhooks/no-such-carrier", "[]", StatusTraffic.PB_WEBHOOK_AUTH, Map.of()),
                404);
        assertFits(WEBHOOK, StatusTraffic.pbWebhook(gateway, "not json"), 400);

        assertFits("/admin/orders/{providerOrderId}/history", "get",
                admin("/admin/orders/" + order + "/history", StatusTraffic.ADMIN_AUTH), 200);
        assertFits("/admin/orders/{providerOrderId}/history", "get",
                admin("/admin/orders/CG-NO-SUCH/history", StatusTraffic.ADMIN_AUTH), 404);
        assertFits("/admin/outbox/dead-letters", "get",
                admin("/admin/outbox/dead-letters", StatusTraffic.ADMIN_AUTH), 200);
        assertFits("/admin/outbox/dead-letters", "get", admin("/admin/outbox/dead-letters", null), 401);
        String reconcile = "/admin/orders/{providerOrderId}/reconcile";
        assertFits(reconcile, reconcile(order, "{\"found_at_carrier\": false}"), 409);
        assertFits(reconcile, reconcile("CG-NO-SUCH", "{\"found_at_carrier\": false}"), 404);
        assertFits(reconcile, reconcile(order, "{\"found_at_carrier\": \"maybe\"}"), 400);
    }

    private GatewayHttp.Answer reconcile(String order, String body) {
        return gateway.post("/admin/orders/" + order + "/reconcile", body, StatusTraffic.ADMIN_AUTH, Map.of());
    }

    private GatewayHttp.Answer admin(String path, String auth) {
        HttpRequest.Builder b = gateway.request(path).GET();
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return gateway.send(b.build());
    }

    private void assertFits(String path, GatewayHttp.Answer answer, int status) {
        assertFits(path, "post", answer, status);
    }

    private void assertFits(String path, String method, GatewayHttp.Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(document.problems(ServedApiDocument.responseSchema(path, method, status), answer.json()))
                .as(method + " " + path + " answer " + status + ": " + answer.body()).isEmpty();
    }
}
