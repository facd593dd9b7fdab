package com.carriergateway.routes.rest.contract;

import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.DocumentFormat;
import com.carriergateway.core.answer.MessageCode;
import com.carriergateway.core.answer.MessageType;
import com.carriergateway.routes.bestrx.BestRxProperties;
import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the contract's {@link Loose} and {@link Coded} values as JSON schemas (a swagger-core model converter, used by
 * whatever builds the API document). A loose value is described as everything the gateway's readers accept, e.g. an id
 * as {@code oneOf: [integer ≥ 1, string of digits]}; a coded value as the codes this gateway answers with
 * ({@link MessageCode}, the configured BestRx tables). Fields of a {@link RequestPart} that are not required are
 * marked nullable, since BestRx's null means absent.
 */
public final class BestRxSchemas implements ModelConverter {

    /** A positive whole number of at most 18 digits, leading zeros allowed ({@code FieldReader.id}). */
    static final String ID_TEXT = "^\\s*(?=\\d{1,18}\\s*$)0*[1-9]\\d*\\s*$";
    /** A number and an optional unit ({@code FieldReader.measure}). */
    static final String MEASURE_TEXT = "^\\s*\\d+(\\.\\d+)?\\s*[A-Za-z\"']*\\.?\\s*$";
    /** A number as {@code BigDecimal} reads it, after a {@code $} is dropped ({@code FieldReader.amount}). */
    static final String AMOUNT_TEXT = "^\\s*\\$?\\s*\\+?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?\\s*$";
    /** Yes/no words {@code FieldReader.flag} takes, in any case (JSON Schema patterns have no case-insensitive flag). */
    static final String FLAG_TEXT =
            "^\\s*([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]|[Yy]([Ee][Ss])?|[Nn][Oo]?|1|0)\\s*$";
    static final String ZIP_TEXT = "^\\s*\\d{5}(-?\\d{4})?\\s*$";
    static final String DATE_TEXT = "^\\s*\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])([T ].*)?$";

    private final BestRxProperties props;

    public BestRxSchemas(BestRxProperties props) {
        this.props = props;
    }

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        JavaType javaType = Json.mapper().constructType(type.getType());
        Schema<?> own = schemaOf(javaType, context);
        if (own != null) {
            return annotated(own, type.getCtxAnnotations());
        }
        Schema<?> resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        if (resolved != null && RequestPart.class.isAssignableFrom(javaType.getRawClass())) {
            // the chain answers with the model itself or with a reference to it, defined in the context
            Schema<?> model = resolved.get$ref() == null ? resolved
                    : context.getDefinedModels().get(resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1));
            if (model != null && model.getProperties() != null) {
                optionalMayBeNull(model);
            }
        }
        return resolved;
    }

    private Schema<?> schemaOf(JavaType type, ModelConverterContext context) {
        Class<?> raw = type.getRawClass();
        if (raw == Loose.Id.class) {
            return oneOf("A positive whole number, as a JSON number (106.0 is read as 106) or as digits in a string.",
                    new IntegerSchema().format("int64").minimum(BigDecimal.ONE),
                    new StringSchema().pattern(ID_TEXT));
        }
        if (raw == Loose.Amount.class) {
            return oneOf("An amount, as a JSON number or a numeric string (a leading $ is ignored); not negative.",
                    new NumberSchema().minimum(BigDecimal.ZERO).maximum(new BigDecimal("100000000"))
                            .exclusiveMaximum(true),
                    new StringSchema().pattern(AMOUNT_TEXT));
        }
        if (raw == Loose.Flag.class) {
            return oneOf("Yes or no: a JSON boolean, the text true/false/yes/no/y/n/1/0 in any case, or 1/0.",
                    new BooleanSchema(), new StringSchema().pattern(FLAG_TEXT),
                    new IntegerSchema()._enum(List.of(0, 1)));
        }
        if (raw == Loose.Text.class) {
            return oneOf("Text; a JSON number or boolean is read as its text.", new StringSchema(), new NumberSchema(),
                    new BooleanSchema());
        }
        if (raw == Loose.Zip.class) {
            return oneOf("A US ZIP code, 12345 or 12345-6789 (9 digits are read as ZIP+4); a JSON number gets its "
                            + "leading zeros back.",
                    new StringSchema().pattern(ZIP_TEXT),
                    new IntegerSchema().minimum(BigDecimal.ZERO).maximum(new BigDecimal("99999")),
                    new IntegerSchema().minimum(new BigDecimal("100000000")).maximum(new BigDecimal("999999999")));
        }
        if (raw == Loose.Measure.class) {
            return oneOf("A number with a unit, e.g. \"2 in\" or \"8 oz\", or a bare number (assumed inches for "
                            + "dimensions, ounces for weight).",
                    new StringSchema().pattern(MEASURE_TEXT), new NumberSchema().minimum(BigDecimal.ZERO));
        }
        if (raw == Loose.Date.class) {
            return new StringSchema().pattern(DATE_TEXT)
                    .description("A date, YYYY-MM-DD; a date-time is accepted and its date kept.");
        }
        if (raw == Loose.OneOrMany.class) {
            JavaType element = type.containedType(0);
            Schema<?> item = element.getRawClass() == String.class ? new StringSchema()
                    : context.resolve(new AnnotatedType(element).resolveAsRef(true));
            return oneOf("A list; a single element is read as a list of one.", new ArraySchema().items(item), item);
        }
        if (raw == Coded.MessageCode.class) {
            StringSchema s = new StringSchema();
            for (MessageCode code : MessageCode.values()) {
                s.addEnumItem(code.code());
            }
            return s.description("The message's stable code (errors.md): "
                    + java.util.Arrays.stream(MessageCode.values()).map(c -> c.code() + " " + c.name() + " ("
                            + c.httpStatus() + ")").collect(Collectors.joining(", ")) + ".");
        }
        if (raw == Coded.Invalid.class) {
            return oneOf("false: the request was not processed. Text for CreateOrder, ValidateAddress and answers "
                            + "given before a call is known (unknown path, body too large, not ready); a boolean for "
                            + "CancelOrder (gateway.bestrx.envelope.*).",
                    new StringSchema()._enum(List.of("false")), new BooleanSchema()._enum(List.of(false)));
        }
        if (raw == Coded.MessageType.class) {
            return numbered("BestRx's message type", props.getMessageTypes());
        }
        if (raw == Coded.FileType.class) {
            IntegerSchema s = (IntegerSchema) numbered("BestRx's file type; null when the carrier issued no document",
                    props.getFileTypes());
            s.nullable(true);
            s.getEnum().add(null);
            return s;
        }
        if (raw == Coded.StatusCode.class) {
            List<String> codes = new ArrayList<>();
            List<String> meanings = new ArrayList<>();
            for (DeliveryStatus status : DeliveryStatus.values()) {
                BestRxProperties.StatusCode code = props.getStatusCodes().get(status);
                if (code != null && !codes.contains(code.getCode())) {
                    codes.add(code.getCode());
                    meanings.add(code.getCode() + " " + code.getDescription());
                }
            }
            return new StringSchema()._enum(codes).description("BestRx's status code as configured (gateway.bestrx.status-codes): "
                    + String.join(", ", meanings) + ".");
        }
        return null;
    }

    private static <K extends Enum<K>> Schema<?> numbered(String what, Map<K, Integer> table) {
        IntegerSchema s = new IntegerSchema();
        s.setEnum(new ArrayList<>());
        List<String> meanings = new ArrayList<>();
        table.forEach((name, number) -> {
            if (!s.getEnum().contains(number)) {
                s.getEnum().add(number);
            }
            meanings.add(number + " " + name.name());
        });
        return s.description(what + " as configured: " + String.join(", ", meanings) + ".");
    }

    private static ComposedSchema oneOf(String description, Schema<?>... choices) {
        ComposedSchema s = new ComposedSchema();
        s.setOneOf(new ArrayList<>(List.of(choices)));
        s.setDescription(description);
        return s;
    }

    /**
     * The field's own {@code @Schema} words on a schema this converter wrote (swagger-core applies them only to the
     * schemas it writes itself): its description before the value's, its example, a maximum length on the text choice.
     */
    private static Schema<?> annotated(Schema<?> schema, Annotation[] annotations) {
        if (annotations == null) {
            return schema;
        }
        for (Annotation a : annotations) {
            if (a instanceof io.swagger.v3.oas.annotations.media.Schema field) {
                if (!field.description().isEmpty()) {
                    schema.setDescription(field.description() + " " + schema.getDescription());
                }
                if (!field.example().isEmpty()) {
                    schema.setExample(field.example());
                }
                if (field.maxLength() < Integer.MAX_VALUE) {
                    textChoices(schema).forEach(t -> t.setMaxLength(field.maxLength()));
                }
            }
        }
        return schema;
    }

    private static List<Schema> textChoices(Schema<?> schema) {
        List<Schema> all = schema.getOneOf() == null ? List.of(schema) : schema.getOneOf();
        return all.stream().filter(s -> "string".equals(s.getType())).toList();
    }

    /**
     * Every optional field of something BestRx sends may be null. A choice of types is nullable through its first
     * choice: OpenAPI 3.0 ignores {@code nullable} beside {@code oneOf}, and on every choice null would match more
     * than one. A reference to another object is left as it is (3.0 allows nothing beside a {@code $ref}).
     */
    @SuppressWarnings("rawtypes")
    private static void optionalMayBeNull(Schema<?> model) {
        List<String> required = model.getRequired() == null ? List.of() : model.getRequired();
        Map<String, Schema> properties = model.getProperties();
        properties.forEach((name, property) -> {
            if (required.contains(name) || property.get$ref() != null) {
                return;
            }
            if (property.getOneOf() != null && !property.getOneOf().isEmpty()) {
                ((Schema<?>) property.getOneOf().get(0)).setNullable(true);
            } else {
                property.setNullable(true);
            }
        });
    }
}
