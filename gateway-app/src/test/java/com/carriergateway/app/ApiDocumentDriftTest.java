package com.carriergateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.core.answer.MessageCode;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.RestRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The served API document against what the running gateway really serves: every REST DSL call Camel serves and every
 * admin mapping Spring MVC serves is documented (and nothing else is), each with a summary, its security and its
 * answers; every message code is in the document, each error code as an answer of every BestRx call. A call added
 * without its documentation, or a document describing a call that is gone, fails here.
 */
@GatewayTest
class ApiDocumentDriftTest extends EndToEndTest {

    @Autowired
    CamelContext camel;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mvc;

    ServedApiDocument document;

    @BeforeEach
    void fetchTheDocument() {
        document = ServedApiDocument.fetch(gateway);
    }

    @Test
    void everyCallCamelServesIsDocumentedWithItsAnswers() {
        Set<String> served = new TreeSet<>();
        for (RestRegistry.RestService call : camel.getRestRegistry().listAllRestServices()) {
            String path = call.getBasePath() + (call.getUriTemplate() == null ? "" : call.getUriTemplate());
            String method = call.getMethod().toLowerCase(Locale.ROOT);
            served.add(method + " " + path);
            JsonNode op = document.operation(path, method);
            assertThat(op.isMissingNode()).as(method + " " + path + " is served but not documented").isFalse();
            assertDocumented(method + " " + path, op);
            assertThat(op.path("requestBody").path("content").has("application/json")).as(path + " body").isTrue();
            if (path.startsWith("/Order/") || path.startsWith("/Address/")) {
                for (int status : errorStatuses()) {
                    assertThat(op.at("/responses/" + status + "/content/application~1json/schema/$ref").asText())
                            .as(path + " answer " + status).isEqualTo("#/components/schemas/ErrorAnswer");
                }
            }
        }
        Set<String> documented = new TreeSet<>();
        document.json.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            if (!p.getKey().startsWith("/admin/")) {
                documented.add(m + " " + p.getKey());
            }
        }));
        assertThat(served).as("the BestRx calls and the webhook").hasSize(4);
        assertThat(documented).as("documented calls outside /admin that Camel does not serve").isEqualTo(served);
    }

    @Test
    void everyAdminMappingIsDocumented() {
        Set<String> mapped = new TreeSet<>();
        mvc.getHandlerMethods().forEach((info, handler) -> {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/admin/")) {
                    continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    String m = method.name().toLowerCase(Locale.ROOT);
                    mapped.add(m + " " + pattern);
                    JsonNode op = document.operation(pattern, m);
                    assertThat(op.isMissingNode()).as(m + " " + pattern + " is mapped but not documented").isFalse();
                    assertDocumented(m + " " + pattern, op);
                    assertThat(op.at("/responses/401/content/application~1json/schema").isMissingNode())
                            .as(pattern + " answers 401 without the admin credential").isFalse();
                }
            }
        });
        Set<String> documented = new TreeSet<>();
        document.json.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            if (p.getKey().startsWith("/admin/")) {
                documented.add(m + " " + p.getKey());
            }
        }));
        assertThat(mapped).as("the admin API").isNotEmpty();
        assertThat(documented).as("documented /admin calls Spring MVC does not map").isEqualTo(mapped);
    }

    @Test
    void everyMessageCodeIsInTheDocumentAndEveryErrorCodeIsAnAnswerOfEveryBestRxCall() {
        Set<String> codes = new TreeSet<>();
        for (MessageCode code : MessageCode.values()) {
            codes.add(code.code());
        }
        Set<String> inDocument = new TreeSet<>();
        document.json.at("/components/schemas/AnswerMessage/properties/message_code/enum")
                .forEach(c -> inDocument.add(c.asText()));
        assertThat(inDocument).isEqualTo(codes);

        for (String path : List.of("/Order/CreateOrder", "/Order/CancelOrder", "/Address/ValidateAddress")) {
            for (MessageCode code : MessageCode.values()) {
                if (code.httpStatus() >= 400) {
                    assertThat(document.operation(path, "post").at("/responses/" + code.httpStatus() + "/description")
                            .asText()).as(path + " " + code).contains(code.code());
                }
            }
        }
    }

    /** A call's summary, a security scheme the document defines, and a described 200 answer with a schema. */
    private void assertDocumented(String call, JsonNode op) {
        assertThat(op.path("summary").asText()).as(call + " summary").isNotBlank();
        List<String> schemes = new ArrayList<>();
        op.path("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(schemes::add));
        assertThat(schemes).as(call + " security").isNotEmpty();
        assertThat(schemes).allSatisfy(s -> assertThat(document.json.at("/components/securitySchemes/" + s)
                .isMissingNode()).as(call + " security scheme " + s + " is defined").isFalse());
        assertThat(op.at("/responses/200/description").asText()).as(call + " 200").isNotBlank();
        assertThat(op.at("/responses/200/content/application~1json/schema").isMissingNode()).as(call + " 200 schema")
                .isFalse();
    }

    private static Set<Integer> errorStatuses() {
        Set<Integer> statuses = new HashSet<>();
        for (MessageCode code : MessageCode.values()) {
            if (code.httpStatus() >= 400) {
                statuses.add(code.httpStatus());
            }
        }
        return statuses;
    }
}
