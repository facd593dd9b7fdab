package com.carriergateway.routes.rest.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.routes.bestrx.AddressReading;
import com.carriergateway.routes.bestrx.BestRxProperties;
import com.carriergateway.routes.bestrx.FieldReader;
import com.carriergateway.routes.bestrx.InputProblems;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * The API document describes each of BestRx's loose values as exactly what the gateway's reader accepts: for values
 * BestRx sends and values it must not, the schema {@link BestRxSchemas} writes and {@link FieldReader} give the same
 * verdict. A reader made stricter or looser without its description fails here.
 */
class LooseValuesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** 106.0 is read as 106 too, which OpenAPI 3.0's integer cannot say: its description does. */
    @Test
    void anIdIsAPositiveWholeNumberOrItsDigits() {
        agree(Loose.Id.class, (f, v) -> f.id(v, "", "v", true),
                "1", "106", "123456789", "\"1001\"", "\" 42 \"", "\"000123\"",
                "0", "-5", "\"0\"", "\"-5\"", "\"abc\"", "\"1.5\"", "1.5", "true", "\"1234567890123456789\"", "{}");
    }

    @Test
    void anAmountIsANumberOrNumericTextNeverNegative() {
        agree(Loose.Amount.class, (f, v) -> f.amount(v, "", "v", true),
                "32.15", "0", "50", "\"32.15\"", "\"$10\"", "\" 7 \"", "\"1e3\"", "99999999.99",
                "-1", "\"-5\"", "\"abc\"", "true", "100000000", "[]");
    }

    @Test
    void aFlagIsABooleanOrItsWord() {
        agree(Loose.Flag.class, (f, v) -> f.flag(v, "", "v", false, false),
                "true", "false", "\"true\"", "\"FALSE\"", "\"Yes\"", "\"n\"", "\"1\"", "\"0\"", "1", "0",
                "\"maybe\"", "2", "\"truth\"", "{}");
    }

    @Test
    void textMayComeAsANumberOrABoolean() {
        agree(Loose.Text.class, (f, v) -> f.text(v, "", "v", true),
                "\"1234567\"", "1234567", "1.5", "true", "\"BR1234563\"",
                "{}", "[]");
    }

    @Test
    void aZipIsFiveOrNineDigitsAsTextOrANumber() {
        ObjectNode address = JSON.createObjectNode();
        agree(Loose.Zip.class, (f, v) -> {
            address.removeAll();
            address.set("zip_code", v.get("v"));
            AddressReading.read(f, address);
        },
                "\"60523\"", "\"60523-1234\"", "\"605231234\"", "60523", "1234", "605231234", "0",
                "\"1234\"", "\"6052\"", "123456", "\"60523-12\"", "\"abcde\"", "true");
    }

    @Test
    void aMeasureIsANumberWithAUnitOrABareNumber() {
        agree(Loose.Measure.class, (f, v) -> f.measure(v, "", "v", "in"),
                "\"2 in\"", "\"8 oz\"", "\"3\"", "\"2.5in\"", "2", "2.5",
                "\"-1\"", "-1", "\"in 2\"", "true", "\"2,5 in\"");
    }

    @Test
    void aDateIsAnIsoDateOrDateTime() {
        agree(Loose.Date.class, (f, v) -> f.date(v, "", "v"),
                "\"2020-05-31\"", "\"2020-05-31T10:00:00Z\"", "\"2022-05-31 08:00\"",
                "\"2020-13-01\"", "\"31/05/2020\"", "20200531", "\"2020-5-31\"");
    }

    /** Each value: accepted by the schema exactly when the reader reads it without a problem. */
    private static void agree(Class<?> loose, BiConsumer<FieldReader, JsonNode> read, String... values) {
        var schema = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30()).getSchema(schemaOf(loose));
        List<String> disagreements = new ArrayList<>();
        for (String value : values) {
            JsonNode node = parse(value);
            InputProblems problems = new InputProblems();
            ObjectNode parent = JSON.createObjectNode();
            parent.set("v", node);
            read.accept(new FieldReader(problems), parent);
            boolean readerAccepts = !problems.hasErrors();
            boolean schemaAccepts = schema.validate(node).isEmpty();
            if (readerAccepts != schemaAccepts) {
                disagreements.add(value + ": reader " + (readerAccepts ? "accepts" : "refuses") + ", document "
                        + (schemaAccepts ? "accepts" : "refuses"));
            }
        }
        assertThat(disagreements).as(loose.getSimpleName()).isEmpty();
    }

    /** The schema the API document gives the loose value (written by the contract's converter through swagger-core). */
    private static JsonNode schemaOf(Class<?> loose) {
        ModelConverters converters = new ModelConverters();
        converters.addConverter(new BestRxSchemas(new BestRxProperties()));
        return Json.mapper().valueToTree(converters.resolveAsResolvedSchema(new AnnotatedType(loose)).schema);
    }

    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (Exception e) {
            throw new IllegalArgumentException(value, e);
        }
    }
}
