package com.carriergateway.routes.bestrx;

import com.carriergateway.core.order.CreateOrderCommand;

import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.model.DeliveryOrder;
import com.carriergateway.adapter.model.Measure;
import com.carriergateway.core.answer.GatewayProblem;
import com.carriergateway.core.answer.Message;
import com.carriergateway.core.answer.MessageCode;
import com.carriergateway.core.order.OrderKeys;
import com.carriergateway.core.pharmacy.PharmacyAccount;
import com.carriergateway.core.routing.RoutingPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;

class CreateOrderReaderTest {

    static final String PHARMACY = "ef0a4740-0be9-44f7-b89d-9e66eeba0b9a";
    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    static String seed(String name) {
        try (InputStream in = CreateOrderReaderTest.class.getResourceAsStream("/bestrx/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode seedJson() {
        return (ObjectNode) BestRxJson.readObject(seed("create-order-seed.json"));
    }

    /** The demo pharmacy, as authentication gives it to the reader. */
    static final PharmacyAccount ACCOUNT = new PharmacyAccount(PHARMACY, "Demo", "key", new byte[32],
            new RoutingPolicy("pb", List.of(), null, null), null);

    static CreateOrderCommand read(JsonNode json) {
        return CreateOrderReader.read(new AuthenticatedRequest(ACCOUNT, json), NOW);
    }

    static ObjectNode edited(Consumer<ObjectNode> edit) {
        ObjectNode json = seedJson();
        edit.accept(json);
        return json;
    }

    @Test
    void theSeedOrderReadsIntoTheCanonicalOrder() {
        CreateOrderCommand req = read(seedJson());

        assertThat(req.bestrxOrderId()).isEqualTo(123456789L);
        assertThat(req.bestrxUniqueOrderId()).isEqualTo(1001L);
        assertThat(req.pharmacyId()).isEqualTo(PHARMACY);
        DeliveryOrder o = req.order();
        assertThat(o.orderKey()).isEqualTo(OrderKeys.of(PHARMACY, 1001));
        assertThat(o.pharmacy().ncpdp()).isEqualTo("1234567"); // a number in this example
        assertThat(o.recipient().lastName()).isEqualTo("Doe");
        assertThat(o.recipient().address().postalCode()).isEqualTo("60108");
        assertThat(o.recipient().mobilePhone()).isEqualTo("45678946785"); // 11 digits: not forced to 10
        assertThat(o.amounts().total()).isEqualByComparingTo("97.83");
        assertThat(o.amounts().declared()).isEqualByComparingTo("50");
        assertThat(o.parcel().height()).isEqualTo(new Measure(new BigDecimal("2"), "in"));
        assertThat(o.parcel().weight()).isEqualTo(new Measure(new BigDecimal("8"), "oz"));
        assertThat(o.handling().signatureRequired()).isTrue(); // sent as the string "true"
        assertThat(o.handling().refrigerated()).isFalse();
        assertThat(o.pickupDate()).isEqualTo(LocalDate.parse("2020-05-31"));
        assertThat(o.prescriptions()).singleElement().satisfies(rx -> {
            assertThat(rx.rxNumber()).isEqualTo("610011");
            assertThat(rx.partialFillSeqNo()).isEqualTo(1);
        });
        assertThat(o.otcItems()).singleElement().satisfies(i -> assertThat(i.amountDue()).isEqualByComparingTo("25.26"));
        assertThat(o.consents()).singleElement().satisfies(c -> assertThat(c.type()).isEqualTo("0"));
        assertThat(o.references()).containsEntry("bestrx_order_id", "123456789");
        assertThat(o.createdAt()).isEqualTo(NOW);
        assertThat(req.warnings()).isEmpty();
    }

    @Test
    void totalsThatDoNotAddUpAreAcceptedAndFlaggedForTheOperator() {
        // BestRx's own example: 97.83 is not 32.15 + 65.24 + 54.23
        assertThat(read(seedJson()).amountsAddUp()).isFalse();
        assertThat(read(edited(j -> j.put("total_amount", "151.62"))).amountsAddUp()).isTrue();
    }

    @Test
    void looseTypesBestRxReallySendsAreAccepted() {
        CreateOrderCommand req = read(edited(j -> {
            j.put("bestrx_order_id", "123456789");
            j.put("bestrx_unique_order_id", 1001.0);
            j.put("prescription_amount", "32.15");
            j.put("signature_required", true);
            j.put("refrigeration_needed", "TRUE");
            j.put("photo_id_required", 0);
            j.put("height", 2);
            j.put("weight", "8oz");
            ((ObjectNode) j.get("store")).put("ncpdp", "1234567");
            ((ObjectNode) j.get("recipient").get("address")).put("zip_code", 2134); // leading zero lost as a number
            j.set("customers", j.get("customers").get(0)); // one object instead of a list
            j.put("pickup_date", "2020-05-31T00:00:00");
        }));
        DeliveryOrder o = req.order();
        assertThat(req.bestrxOrderId()).isEqualTo(123456789L);
        assertThat(req.bestrxUniqueOrderId()).isEqualTo(1001L);
        assertThat(o.amounts().prescription()).isEqualByComparingTo("32.15");
        assertThat(o.handling().signatureRequired()).isTrue();
        assertThat(o.handling().refrigerated()).isTrue();
        assertThat(o.handling().photoIdRequired()).isFalse();
        assertThat(o.parcel().height()).isEqualTo(new Measure(new BigDecimal("2"), "in"));
        assertThat(o.parcel().weight()).isEqualTo(new Measure(new BigDecimal("8"), "oz"));
        assertThat(o.recipient().address().postalCode()).isEqualTo("02134");
        assertThat(o.customers()).hasSize(1);
        assertThat(o.pickupDate()).isEqualTo(LocalDate.parse("2020-05-31"));
    }

    @Test
    void aMissingDocumentedFlagIsDefaultedWithAWarningNamingIt() {
        CreateOrderCommand req = read(edited(j -> j.remove("signature_required")));
        assertThat(req.order().handling().signatureRequired()).isFalse();
        assertThat(req.warnings()).extracting(Message::field).containsExactly("signature_required");
        assertThat(req.warnings()).extracting(Message::code).containsExactly(MessageCode.FIELD_DEFAULTED);
    }

    @Test
    void theStoreMayBeOmittedAndThenTheCredentialNamesThePharmacy() {
        CreateOrderCommand req = read(edited(j -> j.remove("store")));
        assertThat(req.pharmacyId()).isEqualTo(PHARMACY);
    }

    @Test
    void anotherPharmacysIdIsRefusedAsForbidden() {
        assertProblem(() -> read(edited(j -> ((ObjectNode) j.get("store"))
                        .put("bestrx_pharmacy_id", "11111111-2222-3333-4444-555555555555"))),
                403, MessageCode.PHARMACY_MISMATCH, "store.bestrx_pharmacy_id");
    }

    @Test
    void everyStrictRuleNamesItsField() {
        assertField(j -> j.remove("bestrx_order_id"), "bestrx_order_id");
        assertField(j -> j.put("bestrx_unique_order_id", "10x1"), "bestrx_unique_order_id");
        assertField(j -> j.put("bestrx_unique_order_id", -5), "bestrx_unique_order_id");
        assertField(j -> j.put("total_amount", "ninety"), "total_amount");
        assertField(j -> j.put("amount_to_collect", -1), "amount_to_collect");
        assertField(j -> j.putNull("declared_amount"), "declared_amount");
        assertField(j -> j.put("pickup_date", "31/05/2020"), "pickup_date");
        assertField(j -> j.put("requested_delivery_date", "2020-02-30"), "requested_delivery_date");
        assertField(j -> ((ObjectNode) j.get("store")).put("bestrx_pharmacy_id", "not-a-guid"), "store.bestrx_pharmacy_id");
        assertField(j -> j.remove("recipient"), "recipient");
        assertField(j -> ((ObjectNode) j.get("recipient")).remove("address"), "recipient.address");
        assertField(j -> ((ObjectNode) j.get("recipient").get("address")).put("zip_code", "6010"), "recipient.address.zip_code");
        assertField(j -> ((ObjectNode) j.get("recipient").get("address")).put("state", "Illinois"), "recipient.address.state");
        assertField(j -> ((ObjectNode) j.get("recipient").get("address")).remove("city"), "recipient.address.city");
        assertField(j -> j.put("signature_required", "maybe"), "signature_required");
        assertField(j -> j.put("height", "tall"), "height");
        assertField(j -> j.put("delivery_notes", "x".repeat(2001)), "delivery_notes");
        assertField(j -> j.set("prescriptions", j.arrayNode().add("610011")), "prescriptions[0]");
        assertField(j -> ((ObjectNode) j.get("prescriptions").get(0)).put("amount_due", "ten"), "prescriptions[0].amount_due");
        assertField(j -> j.putObject("recipient"), "recipient.last_name");
        assertField(j -> j.set("recipient", j.arrayNode()), "recipient");
    }

    @Test
    void allProblemsAreReportedTogether() {
        GatewayProblem p = catchProblem(() -> read(edited(j -> {
            j.remove("bestrx_order_id");
            j.put("tax_amount", "abc");
        })));
        assertThat(p.messages()).extracting(Message::field).containsExactlyInAnyOrder("bestrx_order_id", "tax_amount");
    }

    @Test
    void rejectionTextsNameTheFieldButNeverQuoteTheValue() {
        GatewayProblem p = catchProblem(() -> read(edited(j ->
                ((ObjectNode) j.get("recipient").get("address")).put("zip_code", "JANE-DOE-ZIP"))));
        assertThat(p.messages().get(0).text()).contains("recipient.address.zip_code").doesNotContain("JANE");
    }

    @Test
    void unicodeNamesAreNames() {
        CreateOrderCommand req = read(edited(j -> ((ObjectNode) j.get("recipient")).put("first_name", "Zoë 🌷")));
        assertThat(req.order().recipient().firstName()).isEqualTo("Zoë 🌷");
    }

    private static void assertField(Consumer<ObjectNode> edit, String field) {
        assertProblem(() -> read(edited(edit)), 400, MessageCode.INVALID_REQUEST, field);
    }

    private static void assertProblem(ThrowableAssert.ThrowingCallable call, int status, MessageCode code, String field) {
        GatewayProblem p = catchProblem(call);
        assertThat(p.httpStatus()).as("status for " + field).isEqualTo(status);
        assertThat(p.messages()).as("messages for " + field).anySatisfy(m -> {
            assertThat(m.code()).isEqualTo(code);
            assertThat(m.field()).isEqualTo(field);
            assertThat(m.text()).startsWith(field);
        });
    }

    private static GatewayProblem catchProblem(ThrowableAssert.ThrowingCallable call) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(t).isInstanceOf(GatewayProblem.class);
        return (GatewayProblem) t;
    }

}
