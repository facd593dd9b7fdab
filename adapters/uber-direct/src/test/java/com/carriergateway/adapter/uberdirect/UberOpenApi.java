package com.carriergateway.adapter.uberdirect;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Uber's own contract, as a test oracle: the validator loaded with the patched copies of Uber's OpenAPI files
 * ({@code uber-openapi/patched}, changes in PATCHES.md). Paths are matched under the files' servers, {@code /v1} for
 * the Direct API and {@code /} for the token endpoint, which is how the sandbox serves them too.
 */
final class UberOpenApi {

    static final OpenApiInteractionValidator DELIVERIES = load("uber-openapi/patched/deliveries-openapi.yaml");
    static final OpenApiInteractionValidator AUTH = load("uber-openapi/patched/auth-openapi.yaml");

    static final String TOKEN_PATH = "/oauth/v2/token";

    private UberOpenApi() {
    }

    /**
     * What in one exchange the sandbox served breaks Uber's contract: the request the adapter sent, and the answer,
     * when Uber documents one. Empty when both hold. Not Uber's: the sandbox's own {@code /sandbox/…} endpoints, and
     * the token endpoint's errors, for which Uber documents nothing.
     */
    static List<String> problems(ServeEvent event) {
        LoggedRequest request = event.getRequest();
        String path = request.getUrl().split("\\?", 2)[0];
        List<String> problems = new ArrayList<>();
        if (path.startsWith("/v1/")) {
            add(problems, "request", request, DELIVERIES.validateRequest(request(request)));
            add(problems, "answer", request,
                    DELIVERIES.validateResponse(path, method(request), response(event.getResponse())));
        } else if (path.equals(TOKEN_PATH)) {
            add(problems, "request", request, AUTH.validateRequest(request(request)));
            if (event.getResponse().getStatus() == 200) {
                add(problems, "answer", request,
                        AUTH.validateResponse(path, method(request), response(event.getResponse())));
            }
        } else if (!path.startsWith("/sandbox/")) {
            problems.add(request.getMethod() + " " + path + " is neither Uber's API nor the sandbox's");
        }
        return problems;
    }

    /** A stub's answer against the response Uber documents for this call and status. */
    static ValidationReport validateAnswer(String path, Request.Method method, int status, String contentType,
                                           String body) {
        OpenApiInteractionValidator validator = path.equals(TOKEN_PATH) ? AUTH : DELIVERIES;
        return validator.validateResponse(path, method,
                SimpleResponse.Builder.status(status).withContentType(contentType).withBody(body).build());
    }

    private static void add(List<String> problems, String what, LoggedRequest request, ValidationReport report) {
        report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> !isUbersOwnMetadataExample(m))
                .forEach(m -> problems.add(request.getMethod() + " " + request.getUrl() + " " + what + ": "
                        + m.getMessage()));
    }

    /**
     * The validator treats a member a schema does not list as an error (stricter than OpenAPI, and worth it: a
     * misspelt field fails). Uber's error schema lists only {@code metadata.delivery_id}, while Uber's own examples
     * put the offending field's name there ({@code {"dropoff_phone_number": "dropoff phone number is not valid."}},
     * {@code param_details}); the sandbox follows the examples, so that one member of the error body is let through.
     */
    static boolean isUbersOwnMetadataExample(ValidationReport.Message m) {
        return m.getKey().equals("validation.response.body.schema.additionalProperties")
                && m.getMessage().startsWith("[Path '/metadata']");
    }

    private static SimpleRequest request(LoggedRequest r) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(r.getMethod().getName(), r.getUrl().split("\\?", 2)[0]);
        for (QueryParameter q : r.getQueryParams().values()) {
            b.withQueryParam(q.key(), q.values());
        }
        r.getHeaders().all().forEach(h -> b.withHeader(h.key(), h.values()));
        String body = r.getBodyAsString();
        if (body != null && !body.isEmpty()) {
            b.withBody(body);
        }
        return b.build();
    }

    private static SimpleResponse response(LoggedResponse r) {
        SimpleResponse.Builder b = SimpleResponse.Builder.status(r.getStatus());
        if (r.getHeaders() != null) {
            r.getHeaders().all().forEach(h -> b.withHeader(h.key(), h.values()));
        }
        String body = r.getBodyAsString();
        if (body != null && !body.isEmpty()) {
            b.withBody(body);
        }
        return b.build();
    }

    private static Request.Method method(LoggedRequest r) {
        return Request.Method.valueOf(r.getMethod().getName());
    }

    private static OpenApiInteractionValidator load(String resource) {
        try (InputStream in = UberOpenApi.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return OpenApiInteractionValidator
                    .createForInlineApiSpecification(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
