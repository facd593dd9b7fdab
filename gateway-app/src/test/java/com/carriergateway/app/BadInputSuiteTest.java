package com.carriergateway.app;

import com.carriergateway.core.store.OrderState;
import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.core.store.OrderStore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Malformed and edge-case bodies, case by case. Each is either accepted, because a real pharmacy could send
 * it, or refused with an envelope naming the field, a 4xx, and nothing stored. Never a 5xx. The reason for
 * each decision is written beside it.
 */
@GatewayTest
class BadInputSuiteTest extends EndToEndTest {

    static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    static final String CREATE = "/Order/CreateOrder";
    static final String CANCEL = "/Order/CancelOrder";
    static final String VALIDATE = "/Address/ValidateAddress";


    /** What the gateway must do with a case. */
    record Expect(int status, String code, String field) {
        static Expect accept() {
            return new Expect(200, null, null);
        }

        static Expect acceptWith(String warningCode) {
            return new Expect(200, warningCode, null);
        }

        static Expect refuse(int status, String code, String field) {
            return new Expect(status, code, field);
        }
    }

    record Case(String name, String path, java.util.function.Supplier<String> body, Expect expect, String why) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case create(String name, Consumer<ObjectNode> edit, Expect expect, String why) {
        return new Case("CreateOrder: " + name, CREATE, () -> Seeds.createOrder(Seeds.nextUniqueId(), edit), expect, why);
    }

    static Case raw(String name, String path, String body, Expect expect, String why) {
        return new Case(name, path, () -> body, expect, why);
    }

    static ObjectNode recipient(ObjectNode j) {
        return (ObjectNode) j.get("recipient");
    }

    static ObjectNode recipientAddress(ObjectNode j) {
        return (ObjectNode) j.get("recipient").get("address");
    }

    static Case cancel(String name, Consumer<ObjectNode> edit, Expect expect, String why) {
        return new Case("CancelOrder: " + name, CANCEL, () -> Seeds.edited("cancel-order-seed.json", j -> {
            j.put("bestrx_unique_order_id", Seeds.nextUniqueId());
            edit.accept(j);
        }), expect, why);
    }

    static Case validate(String name, Consumer<ObjectNode> edit, Expect expect, String why) {
        return new Case("ValidateAddress: " + name, VALIDATE, () -> Seeds.edited("validate-address-seed.json", edit),
                expect, why);
    }

    static Stream<Case> cases() {
        return Stream.of(
                create("a name with accents", j -> recipient(j).put("first_name", "José-María"), Expect.accept(),
                        "a name is a name"),
                create("a name with emoji", j -> recipient(j).put("last_name", "Doe 🌷"), Expect.accept(),
                        "people put emoji in names; the courier can print UTF-8"),
                create("a name in Chinese characters", j -> recipient(j).put("first_name", "李小龍"), Expect.accept(),
                        "a name is a name"),
                create("script-like delivery notes", j -> j.put("delivery_notes", "<script>alert(1)</script>"),
                        Expect.accept(), "it is text; nothing renders it here, and escaping is the reader's job"),
                create("SQL-like organisation name", j -> recipient(j).put("entity_name", "Robert'); DROP TABLE delivery_order;--"),
                        Expect.accept(), "SQL is parameterised and the name is not stored; the next cases prove the table is still there"),
                create("bestrx_order_id as a string", j -> j.put("bestrx_order_id", "123456789"), Expect.accept(),
                        "BestRx sends numbers as strings elsewhere"),
                create("bestrx_order_id with leading zeros", j -> j.put("bestrx_order_id", "000123"), Expect.accept(),
                        "digits are digits"),
                create("bestrx_order_id as 1000.0", j -> j.put("bestrx_order_id", 1000.0), Expect.accept(),
                        "a whole number written as a float is still whole"),
                create("bestrx_order_id negative", j -> j.put("bestrx_order_id", -1), Expect.refuse(400, "DIS0001", "bestrx_order_id"),
                        "ids are positive"),
                create("bestrx_order_id zero", j -> j.put("bestrx_order_id", 0), Expect.refuse(400, "DIS0001", "bestrx_order_id"),
                        "ids are positive"),
                create("bestrx_order_id fractional", j -> j.put("bestrx_order_id", 1.5), Expect.refuse(400, "DIS0001", "bestrx_order_id"),
                        "ids are whole"),
                create("bestrx_order_id beyond 64 bits", j -> j.put("bestrx_order_id", new java.math.BigDecimal("1e30")),
                        Expect.refuse(400, "DIS0001", "bestrx_order_id"), "no such id exists"),
                create("bestrx_order_id a boolean", j -> j.put("bestrx_order_id", true), Expect.refuse(400, "DIS0001", "bestrx_order_id"),
                        "not an id"),
                create("bestrx_unique_order_id missing", j -> j.remove("bestrx_unique_order_id"),
                        Expect.refuse(400, "DIS0001", "bestrx_unique_order_id"), "it is the order's identity"),
                create("bestrx_unique_order_id null", j -> j.putNull("bestrx_unique_order_id"),
                        Expect.refuse(400, "DIS0001", "bestrx_unique_order_id"), "it is the order's identity"),
                create("total_amount as a string", j -> j.put("total_amount", "97.83"), Expect.accept(),
                        "numbers arrive as strings"),
                create("total_amount with a dollar sign", j -> j.put("total_amount", "$97.83"), Expect.accept(),
                        "unambiguous, and what a person would type"),
                create("total_amount negative", j -> j.put("total_amount", -1), Expect.refuse(400, "DIS0001", "total_amount"),
                        "the courier cannot collect a negative amount"),
                create("total_amount not a number", j -> j.put("total_amount", "abc"), Expect.refuse(400, "DIS0001", "total_amount"),
                        "money must be a number"),
                create("total_amount absurdly large", j -> j.put("total_amount", 1e9), Expect.refuse(400, "DIS0001", "total_amount"),
                        "no pharmacy order is worth a billion; it is a unit or typing mistake"),
                create("total_amount an object", j -> j.putObject("total_amount"), Expect.refuse(400, "DIS0001", "total_amount"),
                        "money must be a number"),
                create("prescription_amount null", j -> j.putNull("prescription_amount"),
                        Expect.refuse(400, "DIS0001", "prescription_amount"), "BestRx documents it as required"),
                // read as yes, then refused for what it asks: no demo carrier declares a cold chain (read as no,
                // it would be booked)
                create("refrigeration_needed as \"TRUE\"", j -> j.put("refrigeration_needed", "TRUE"),
                        Expect.refuse(422, "DIS0014", "refrigeration_needed"), "booleans arrive as strings, any case"),
                create("refrigeration_needed as 1", j -> j.put("refrigeration_needed", 1),
                        Expect.refuse(422, "DIS0014", "refrigeration_needed"), "1/0 is an unambiguous yes/no"),
                create("refrigeration_needed as \"0\"", j -> j.put("refrigeration_needed", "0"), Expect.accept(),
                        "1/0 is an unambiguous yes/no"),
                create("refrigeration_needed \"maybe\"", j -> j.put("refrigeration_needed", "maybe"),
                        Expect.refuse(400, "DIS0001", "refrigeration_needed"), "a cold chain cannot be guessed"),
                create("signature_required missing", j -> j.remove("signature_required"), Expect.acceptWith("DIS2002"),
                        "documented as required, but a missing flag is answered with a warning naming the default, not a failed delivery"),
                create("pickup_date impossible", j -> j.put("pickup_date", "2020-13-45"), Expect.refuse(400, "DIS0001", "pickup_date"),
                        "dates must be real ISO dates"),
                create("pickup_date null", j -> j.putNull("pickup_date"), Expect.accept(), "optional"),
                create("pickup_date as a date-time", j -> j.put("pickup_date", "2020-05-31T10:00:00Z"), Expect.accept(),
                        ".NET serialises dates with a time; the date is clear"),
                create("weight without a number", j -> j.put("weight", "heavy"), Expect.refuse(400, "DIS0001", "weight"),
                        "a carrier rates by weight"),
                create("weight as a bare number", j -> j.put("weight", 8), Expect.accept(), "assumed ounces, documented"),
                create("height negative", j -> j.put("height", "-2 in"), Expect.refuse(400, "DIS0001", "height"),
                        "no parcel has negative size"),
                create("no store at all", j -> j.remove("store"), Expect.accept(),
                        "the spec marks it optional; the credential names the pharmacy"),
                create("another pharmacy's id", j -> ((ObjectNode) j.get("store")).put("bestrx_pharmacy_id",
                        "11111111-2222-3333-4444-555555555555"), Expect.refuse(403, "DIS0002", "store.bestrx_pharmacy_id"),
                        "a credential acts for its own pharmacy only"),
                create("a malformed pharmacy id", j -> ((ObjectNode) j.get("store")).put("bestrx_pharmacy_id", "pharmacy-1"),
                        Expect.refuse(400, "DIS0001", "store.bestrx_pharmacy_id"), "BestRx ids are GUIDs"),
                create("the pharmacy id in capitals", j -> ((ObjectNode) j.get("store")).put("bestrx_pharmacy_id",
                        GatewayHttp.DEMO_PHARMACY.toUpperCase()), Expect.accept(), "a GUID's case carries no meaning"),
                create("store an array", j -> j.putArray("store"), Expect.refuse(400, "DIS0001", "store"), "must be an object"),
                create("recipient missing", j -> j.remove("recipient"), Expect.refuse(400, "DIS0001", "recipient"),
                        "nobody to deliver to"),
                create("recipient null", j -> j.putNull("recipient"), Expect.refuse(400, "DIS0001", "recipient"),
                        "nobody to deliver to"),
                create("recipient without a name", j -> {
                    recipient(j).remove("first_name");
                    recipient(j).remove("last_name");
                    recipient(j).remove("entity_name");
                }, Expect.refuse(400, "DIS0001", "recipient.last_name"), "the courier must know whom to hand it to"),
                create("a ZIP of letters", j -> recipientAddress(j).put("zip_code", "ABCDE"),
                        Expect.refuse(400, "DIS0001", "recipient.address.zip_code"), "undeliverable"),
                create("a ZIP+4", j -> recipientAddress(j).put("zip_code", "60108-1234"), Expect.accept(), "a valid US ZIP"),
                create("a state spelled out", j -> recipientAddress(j).put("state", "Illinois"),
                        Expect.refuse(400, "DIS0001", "recipient.address.state"), "carriers need the two-letter code"),
                create("a state in lower case", j -> recipientAddress(j).put("state", "il"), Expect.accept(),
                        "unambiguous; upper-cased"),
                create("no street line", j -> recipientAddress(j).remove("address_line_1"),
                        Expect.refuse(400, "DIS0001", "recipient.address.address_line_1"), "undeliverable"),
                create("delivery notes of 5,000 characters", j -> j.put("delivery_notes", "n".repeat(5000)),
                        Expect.refuse(400, "DIS0001", "delivery_notes"), "longer than any courier note field; refused rather than cut"),
                create("a first name of 5,000 characters", j -> recipient(j).put("first_name", "J".repeat(5000)),
                        Expect.refuse(400, "DIS0001", "recipient.first_name"), "no real name; refused rather than cut"),
                create("prescriptions as one object", j -> j.set("prescriptions", j.get("prescriptions").get(0)), Expect.accept(),
                        "a list of one, as BestRx does with messages"),
                create("prescriptions holding a string", j -> j.putArray("prescriptions").add("610011"),
                        Expect.refuse(400, "DIS0001", "prescriptions[0]"), "each prescription is an object"),
                create("an Rx number as a string", j -> ((ObjectNode) j.get("prescriptions").get(0)).put("rx_number", "610011"),
                        Expect.accept(), "numbers arrive as strings"),
                create("an OTC quantity in words", j -> ((ObjectNode) j.get("otc_items").get(0)).put("quantity", "two"),
                        Expect.refuse(400, "DIS0001", "otc_items[0].quantity"), "a count must be a number"),
                create("consent inputs as one string", j -> ((ObjectNode) j.get("consents").get(0)).put("consent_inputs", "no"),
                        Expect.accept(), "a list of one"),
                create("an unknown extra field", j -> j.put("loyalty_tier", "gold"), Expect.accept(),
                        "BestRx may add fields; unknown ones are ignored"),
                raw("CreateOrder: an extra field nested 40 deep", CREATE,
                        "{\"bestrx_order_id\":1,\"x\":" + "[".repeat(40) + "]".repeat(40) + "}",
                        Expect.refuse(400, "DIS0004", null), "nesting that deep is an attack or a bug"),
                raw("CreateOrder: a field given twice", CREATE,
                        "{\"bestrx_order_id\":1,\"bestrx_order_id\":2}", Expect.refuse(400, "DIS0004", null),
                        "which one did the pharmacy mean? refuse rather than guess"),
                new Case("CreateOrder: a UTF-8 byte-order mark first", CREATE,
                        () -> "\uFEFF" + Seeds.createOrder(Seeds.nextUniqueId()), Expect.accept(),
                        "some .NET encoders write one; it is not content"),
                raw("CreateOrder: a JSON string", CREATE, "\"hello\"", Expect.refuse(400, "DIS0004", null), "not an order"),
                raw("CreateOrder: a JSON number", CREATE, "42", Expect.refuse(400, "DIS0004", null), "not an order"),
                raw("CreateOrder: an empty object", CREATE, "{}", Expect.refuse(400, "DIS0001", "bestrx_order_id"),
                        "every required field is missing, each named"),
                raw("CreateOrder: JSON with a comment", CREATE, "{/* hi */ \"bestrx_order_id\": 1}",
                        Expect.refuse(400, "DIS0004", null), "not JSON"),
                cancel("bestrx_unique_order_id missing", j -> j.remove("bestrx_unique_order_id"),
                        Expect.refuse(400, "DIS0001", "bestrx_unique_order_id"), "it identifies the order"),
                cancel("an order this pharmacy never sent", j -> { }, Expect.refuse(404, "DIS0003", "bestrx_unique_order_id"),
                        "nothing to cancel, and nothing is created"),
                cancel("notes of 10,000 characters", j -> j.put("notes", "x".repeat(10_000)),
                        Expect.refuse(400, "DIS0001", "notes"), "refused rather than cut"),
                cancel("store a string", j -> j.put("store", "BestRx"), Expect.refuse(400, "DIS0001", "store"),
                        "must be an object"),
                cancel("ids as strings", j -> j.put("bestrx_order_id", "106"), Expect.refuse(404, "DIS0003", "bestrx_unique_order_id"),
                        "read leniently (then not found: the order does not exist)"),
                validate("no address", j -> j.remove("address_to_validate"),
                        Expect.refuse(400, "DIS0001", "address_to_validate"), "nothing to validate"),
                validate("a two-digit ZIP", j -> ((ObjectNode) j.get("address_to_validate")).put("zip_code", "12"),
                        Expect.refuse(400, "DIS0001", "address_to_validate.zip_code"), "not a US ZIP"),
                validate("the address as a list", j -> j.putArray("address_to_validate"),
                        Expect.refuse(400, "DIS0001", "address_to_validate"), "must be an object"),
                validate("no street line", j -> ((ObjectNode) j.get("address_to_validate")).remove("address_line_1"),
                        Expect.refuse(400, "DIS0001", "address_to_validate.address_line_1"), "nothing to validate"),
                validate("no city but a ZIP", j -> ((ObjectNode) j.get("address_to_validate")).remove("city"), Expect.accept(),
                        "the ZIP says where; the carrier fills in the city"),
                validate("another pharmacy", j -> ((ObjectNode) j.get("store")).put("bestrx_pharmacy_id",
                        "11111111-2222-3333-4444-555555555555"), Expect.refuse(403, "DIS0002", "store.bestrx_pharmacy_id"),
                        "a credential acts for its own pharmacy only"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachCaseIsAcceptedOrRefusedAsDecided(Case c) throws Exception {
        long ordersBefore = store.countOrders();

        String body = c.body().get();
        GatewayHttp.Answer a = gateway.post(c.path(), body, GatewayHttp.DEMO_AUTH, Map.of());

        assertThat(a.status()).as(c.why() + "\n" + a.body()).isLessThan(500).isEqualTo(c.expect().status());
        assertThat(a.header("Content-Type")).startsWith("application/json");
        if (c.expect().status() == 200) {
            assertThat(a.json().get("request_is_valid").asText()).isEqualTo("true");
            if (c.expect().code() != null) {
                assertThat(a.json().get("messages")).anySatisfy(m ->
                        assertThat(m.get("message_code").asText()).isEqualTo(c.expect().code()));
            }
            if (c.path().equals(CREATE)) {
                assertThat(store.countOrders()).as("the order is stored").isEqualTo(ordersBefore + 1);
            }
        } else {
            assertThat(a.json().get("request_is_valid").asText()).isEqualTo("false");
            assertThat(a.code()).isEqualTo(c.expect().code());
            if (c.expect().field() != null) {
                assertThat(a.json().get("messages")).as(a.body()).anySatisfy(m ->
                        assertThat(m.path("field").asText()).isEqualTo(c.expect().field()));
            }
            if ("DIS0014".equals(c.expect().code())) {
                // a well-formed order no carrier can honour is kept as FAILED with the reason, for the operator
                String key = Seeds.providerOrderId(JSON.readTree(body).get("bestrx_unique_order_id").asLong());
                assertThat(store.findById(key).orElseThrow().state()).as("nothing booked").isEqualTo(OrderState.FAILED);
            } else {
                assertThat(store.countOrders()).as("nothing stored").isEqualTo(ordersBefore);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void theSuiteHasAtLeastFiftyCases() {
        assertThat(cases().count()).isGreaterThanOrEqualTo(50);
    }
}
