package com.carriergateway.app.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Locale;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.ApiKeyDefinition;
import org.apache.camel.model.rest.BasicAuthDefinition;
import org.apache.camel.model.rest.ParamDefinition;
import org.apache.camel.model.rest.ResponseHeaderDefinition;
import org.apache.camel.model.rest.ResponseMessageDefinition;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.RestParamType;
import org.apache.camel.model.rest.RestPropertyDefinition;
import org.apache.camel.model.rest.RestSecurityDefinition;
import org.apache.camel.model.rest.SecurityDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Adds the Camel REST DSL's calls (BestRx's, the carrier webhooks) to the document springdoc builds from the Spring MVC
 * controllers, so one document at {@code /openapi.json} covers every HTTP surface. Everything comes from the REST DSL
 * as the routes declared it: path, verb, id, description, parameters, security, the request and answer types (their
 * schemas written by swagger-core, with the contract's own converter) and the answers with their examples.
 *
 * <p>Why not camel-openapi-java's reader: it registers its own model resolver in swagger-core's global converters,
 * which springdoc shares, and would rename the admin API's schemas; and it writes JSON examples as strings. Springdoc
 * builds the document once, on its first request, and caches it: nothing here runs on a BestRx call.
 */
public final class RestDslOperations implements OpenApiCustomizer {

    private static final String JSON = "application/json";

    private final CamelContext camel;
    private final ModelConverters schemas = new ModelConverters();

    public RestDslOperations(CamelContext camel, ModelConverter contractSchemas) {
        this.camel = camel;
        this.schemas.addConverter(contractSchemas);
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        Model model = camel.getCamelContextExtension().getContextPlugin(Model.class);
        for (RestDefinition rest : model.getRestDefinitions()) {
            securitySchemes(rest, api.getComponents());
            for (VerbDefinition verb : each(rest.getVerbs())) {
                String path = join(rest.getPath(), verb.getPath());
                PathItem item = api.getPaths().computeIfAbsent(path, p -> new PathItem());
                item.operation(PathItem.HttpMethod.valueOf(verb.asVerb().toUpperCase(Locale.ROOT)),
                        operation(rest, verb, api.getComponents()));
            }
        }
    }

    private Operation operation(RestDefinition rest, VerbDefinition verb, Components components) {
        String text = verb.getDescriptionText();
        Operation op = new Operation().operationId(verb.getId()).summary(summary(text)).description(text);
        if (rest.getTag() != null) {
            op.addTagsItem(rest.getTag());
        }
        String consumes = verb.getConsumes() != null ? verb.getConsumes() : JSON;
        for (ParamDefinition param : each(verb.getParams())) {
            if (param.getType() == RestParamType.body) {
                op.setRequestBody(body(param, verb.getTypeClass(), consumes, components));
            } else {
                op.addParametersItem(parameter(param));
            }
        }
        for (SecurityDefinition security : each(verb.getSecurity())) {
            op.addSecurityItem(new SecurityRequirement().addList(security.getKey()));
        }
        String produces = verb.getProduces() != null ? verb.getProduces() : JSON;
        ApiResponses responses = new ApiResponses();
        for (ResponseMessageDefinition answer : each(verb.getResponseMsgs())) {
            responses.addApiResponse(answer.getCode(), response(answer, produces, components));
        }
        if (!responses.containsKey("200") && verb.getOutTypeClass() != null) {
            responses.addApiResponse("200", new ApiResponse().description("OK")
                    .content(content(produces, schema(verb.getOutTypeClass(), components))));
        }
        return op.responses(responses);
    }

    private RequestBody body(ParamDefinition param, Class<?> type, String consumes, Components components) {
        MediaType media = new MediaType();
        if (type != null) {
            media.schema(schema(type, components));
        }
        for (RestPropertyDefinition example : each(param.getExamples())) {
            media.addExamples("BestRx's published example", new Example().value(json(example.getValue())));
        }
        return new RequestBody().required(param.getRequired()).description(param.getDescription())
                .content(new Content().addMediaType(consumes, media));
    }

    private static Parameter parameter(ParamDefinition param) {
        StringSchema schema = new StringSchema();
        List<String> allowed = param.getAllowableValuesAsStringList();
        if (allowed != null && !allowed.isEmpty()) {
            schema.setEnum(allowed);
        }
        return new Parameter().in(param.getType().name()).name(param.getName()).required(param.getRequired())
                .description(param.getDescription()).schema(schema);
    }

    private ApiResponse response(ResponseMessageDefinition answer, String produces, Components components) {
        ApiResponse response = new ApiResponse().description(answer.getMessage());
        if (answer.getResponseModel() != null) {
            MediaType media = new MediaType().schema(schema(classOf(answer.getResponseModel()), components));
            for (RestPropertyDefinition example : each(answer.getExamples())) {
                media.addExamples(example.getKey(), new Example().value(json(example.getValue())));
            }
            response.content(new Content().addMediaType(produces, media));
        }
        for (ResponseHeaderDefinition header : each(answer.getHeaders())) {
            response.addHeaderObject(header.getName(), new Header().description(header.getDescription())
                    .schema(new Schema<>().type(header.getDataType() == null ? "string" : header.getDataType())));
        }
        return response;
    }

    private static void securitySchemes(RestDefinition rest, Components components) {
        if (rest.getSecurityDefinitions() == null) {
            return;
        }
        for (RestSecurityDefinition definition : rest.getSecurityDefinitions().getSecurityDefinitions()) {
            SecurityScheme scheme;
            if (definition instanceof BasicAuthDefinition) {
                scheme = new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic");
            } else if (definition instanceof ApiKeyDefinition key) {
                scheme = new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                        .name(key.getName());
            } else {
                throw new IllegalStateException("no OpenAPI form for the REST DSL's " + definition.getClass());
            }
            components.addSecuritySchemes(definition.getKey(), scheme.description(definition.getDescription()));
        }
    }

    /** A reference to the type's schema; the schemas it needs go into the document's components. */
    private Schema<?> schema(Class<?> type, Components components) {
        ResolvedSchema resolved = schemas.resolveAsResolvedSchema(new AnnotatedType(type).resolveAsRef(true));
        resolved.referencedSchemas.forEach(components::addSchemas);
        return resolved.schema;
    }

    private Class<?> classOf(String name) {
        try {
            return camel.getClassResolver().resolveMandatoryClass(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the REST DSL names a type that is not there: " + name, e);
        }
    }

    private static Content content(String mediaType, Schema<?> schema) {
        return new Content().addMediaType(mediaType, new MediaType().schema(schema));
    }

    private static Object json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an example in the REST DSL is not JSON", e);
        }
    }

    /** The REST DSL leaves a list it was given nothing for null. */
    private static <T> List<T> each(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String summary(String description) {
        if (description == null) {
            return null;
        }
        int end = description.indexOf(". ");
        int colon = description.indexOf(": ");
        if (colon >= 0 && (end < 0 || colon < end)) {
            end = colon;
        }
        return end < 0 ? description : description.substring(0, end);
    }

    private static String join(String base, String path) {
        String a = base == null ? "" : base;
        String b = path == null ? "" : path;
        if (a.endsWith("/")) {
            a = a.substring(0, a.length() - 1);
        }
        if (!b.isEmpty() && !b.startsWith("/")) {
            b = "/" + b;
        }
        return a + b;
    }
}
