package com.carriergateway.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The API document a running gateway serves at {@code /openapi.json}, and a JSON Schema validator over it: a request or
 * answer is checked against the schema the document gives it, its {@code $ref}s resolved within the document, with
 * OpenAPI 3.0's own keywords ({@code nullable}) understood.
 */
final class ServedApiDocument {

    /** Where the document is registered for the validator: any absolute IRI will do, nothing is fetched from it. */
    private static final String BASE = "https://carrier-gateway.test/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    final String text;
    final JsonNode json;
    private final SchemaRegistry schemas;

    private ServedApiDocument(String text) throws IOException {
        this.text = text;
        this.json = JSON.readTree(text);
        this.schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(), b -> b.schemas(Map.of(BASE, text)));
    }

    static ServedApiDocument fetch(GatewayHttp gateway) {
        GatewayHttp.Answer answer = gateway.send(gateway.request("/openapi.json").GET().build());
        if (answer.status() != 200) {
            throw new AssertionError("GET /openapi.json answered " + answer.status() + ": " + answer.body());
        }
        try {
            ServedApiDocument document = new ServedApiDocument(answer.body());
            Path copy = Path.of("target", "openapi.json");
            Files.createDirectories(copy.getParent());
            Files.writeString(copy, document.json.toPrettyString());
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The operation object at {@code path} and {@code method} (lower case), or a missing node. */
    JsonNode operation(String path, String method) {
        return json.path("paths").path(path).path(method);
    }

    /** JSON pointer of the request body's schema of an operation. */
    static String requestSchema(String path, String method) {
        return "/paths/" + escape(path) + "/" + method + "/requestBody/content/application~1json/schema";
    }

    /** JSON pointer of the schema of an operation's answer with {@code status}. */
    static String responseSchema(String path, String method, int status) {
        return "/paths/" + escape(path) + "/" + method + "/responses/" + status + "/content/application~1json/schema";
    }

    /** The validator's complaints about {@code instance} against the schema at {@code pointer}; empty when it fits. */
    List<String> problems(String pointer, JsonNode instance) {
        if (json.at(pointer).isMissingNode()) {
            return List.of("the document has no schema at " + pointer);
        }
        List<Error> errors = schemas.getSchema(SchemaLocation.of(BASE + "#" + pointer)).validate(instance);
        return errors.stream().map(Error::toString).toList();
    }

    private static String escape(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }
}
