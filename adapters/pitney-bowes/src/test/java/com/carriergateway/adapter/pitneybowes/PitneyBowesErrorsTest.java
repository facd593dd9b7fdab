package com.carriergateway.adapter.pitneybowes;

import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.pitneybowes.PitneyBowesErrors.Codes;
import com.carriergateway.adapter.pitneybowes.PitneyBowesErrors.Failure;
import com.carriergateway.adapter.pitneybowes.PitneyBowesErrors.Kind;
import com.carriergateway.adapter.pitneybowes.PitneyBowesErrors.PbError;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PitneyBowesErrorsTest {

    static final Codes CODES = new Codes(Set.of("8000105", "8000106"), Set.of("8000107"), Set.of("8000102"),
            Set.of("Address.Not.Verified", "1002005"));

    @Test
    void readsTheUnifiedErrorObjectWithSeveralErrors() {
        assertThat(PitneyBowesErrors.parse("""
                {"errors": [{"errorCode": "1019003", "errorDescription": "Invalid city", "additionalInfo": null,
                             "parameters": ["toAddress.cityTown"]},
                            {"errorCode": "validation.failed", "errorDescription": "Bad", "parameters": []}]}"""))
                .containsExactly(new PbError("1019003", "Invalid city", List.of("toAddress.cityTown")),
                        new PbError("validation.failed", "Bad", List.of()));
    }

    @Test
    void readsLegacyFormat1ATopLevelArray() {
        assertThat(PitneyBowesErrors.parse("""
                [{"errorCode": "PB-1000", "message": "Invalid address", "additionalInfo": "",
                  "parameters": ["postalCode"], "moreInfo": null, "supplementaryErrorCode": null}]"""))
                .containsExactly(new PbError("PB-1000", "Invalid address", List.of("postalCode")));
    }

    @Test
    void readsLegacyFormat2StatusErrorWithNumericCodes() {
        assertThat(PitneyBowesErrors.parse("""
                {"status": "ERROR", "errors": [{"errorCode": 40000072, "errorDescription": "Order lines are invalid",
                                                "userMessage": "Check the lines"}]}"""))
                .containsExactly(new PbError("40000072", "Order lines are invalid", List.of()));
        assertThat(PitneyBowesErrors.parse("{\"status\": \"ERROR\", \"errors\": [{\"errorCode\": \"1\", "
                + "\"userMessage\": \"Only a user message\"}]}"))
                .containsExactly(new PbError("1", "Only a user message", List.of()));
    }

    @Test
    void readsLegacyFormat3KeyAndMessage() {
        assertThat(PitneyBowesErrors.parse("[{\"key\": \"address.not.verified\", \"message\": \"Not verified\"}]"))
                .containsExactly(new PbError("address.not.verified", "Not verified", List.of()));
    }

    @Test
    void readsASingleErrorObjectAndOauthStyleErrors() {
        assertThat(PitneyBowesErrors.parse("{\"errorCode\": \"1000033\", \"message\": \"Unauthorized\"}"))
                .containsExactly(new PbError("1000033", "Unauthorized", List.of()));
        assertThat(PitneyBowesErrors.parse("{\"error\": \"invalid_client\", \"error_description\": \"Bad secret\"}"))
                .containsExactly(new PbError("invalid_client", "Bad secret", List.of()));
    }

    @Test
    void unreadableBodiesHoldNoErrorsAndTheStatusDecides() {
        for (String body : new String[] {null, "", "Service Unavailable", "<html>oops</html>", "{}", "[1, 2]"}) {
            assertThat(PitneyBowesErrors.parse(body)).as(body).isEmpty();
        }
        Failure f = classify(404, "<html>Not Found</html>", false);
        assertThat(f.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(f.error()).isEqualTo(new CarrierError("pb", Category.NOT_FOUND, null, null, 404,
                "PB answered HTTP 404 to get order status (X-PB-TransactionId T1)"));
    }

    @Test
    void configuredCodesMeanRefusalAlreadyCancelledDuplicateOrAddressNotVerified() {
        assertThat(classify(400, unified("8000105"), true).kind()).isEqualTo(Kind.REFUSED);
        assertThat(classify(422, unified("8000106"), true).kind()).isEqualTo(Kind.REFUSED);
        assertThat(classify(400, unified("8000107"), true).kind()).isEqualTo(Kind.ALREADY_CANCELLED);
        assertThat(classify(400, unified("8000102"), true).kind()).isEqualTo(Kind.DUPLICATE_ORDER);
        assertThat(classify(400, "[{\"key\": \"address.not.verified\"}]", false).kind())
                .isEqualTo(Kind.ADDRESS_NOT_VERIFIED);
        Failure refused = classify(400, unified("8000105"), true);
        assertThat(refused.<Object>toResult()).isInstanceOf(CarrierResult.Refused.class);
        assertThat(refused.error().category()).isEqualTo(Category.CONFLICT);
        assertThat(refused.error().carrierCode()).isEqualTo("8000105");
        assertThat(refused.error().carrierMessage()).isEqualTo("message of 8000105");
    }

    @Test
    void theMatchingErrorIsKeptWhenPbSendsSeveral() {
        Failure f = classify(400, "{\"errors\": [{\"errorCode\": \"8000001\", \"errorDescription\": \"first\"}, "
                + "{\"errorCode\": \"8000105\", \"errorDescription\": \"shipped\"}]}", true);
        assertThat(f.kind()).isEqualTo(Kind.REFUSED);
        assertThat(f.error().carrierCode()).isEqualTo("8000105");
        assertThat(f.error().detail()).contains("all PB errors: 8000001, 8000105");
    }

    @Test
    void aRefusalCodeOnA5xxIsStillTransient() {
        assertThat(classify(500, unified("8000105"), true).kind()).isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void httpStatusesMapToCategories() {
        assertCategory(classify(400, unified("8000001"), true), Kind.PERMANENT, Category.VALIDATION);
        assertCategory(classify(405, "", false), Kind.PERMANENT, Category.VALIDATION);
        assertCategory(classify(401, unified("1000032"), false), Kind.PERMANENT, Category.AUTHENTICATION);
        assertCategory(classify(403, "", false), Kind.PERMANENT, Category.AUTHENTICATION);
        assertCategory(classify(400, unified("1000033"), false), Kind.PERMANENT, Category.AUTHENTICATION);
        assertCategory(classify(404, unified("8000101"), false), Kind.PERMANENT, Category.NOT_FOUND);
        assertCategory(classify(409, "", true), Kind.REFUSED, Category.CONFLICT);
        assertCategory(classify(429, "", true), Kind.TRANSIENT, Category.RATE_LIMITED);
        assertCategory(classify(302, "", false), Kind.PERMANENT, Category.PROTOCOL);
    }

    @Test
    void only5xxOtherThan503OnACallThatChangesStateLeavesTheOutcomeUnknown() {
        assertThat(classify(500, "", true).outcomeUnknown()).isTrue();
        assertThat(classify(502, "", true).outcomeUnknown()).isTrue();
        assertThat(classify(503, "", true).outcomeUnknown()).isFalse();
        assertThat(classify(500, "", false).outcomeUnknown()).isFalse();
        assertCategory(classify(503, "Service Unavailable", true), Kind.TRANSIENT, Category.UNAVAILABLE);
    }

    @Test
    void theTokenEndpointRefusingIsPermanentAndItsOutagesTransient() {
        Failure refused = PitneyBowesErrors.classifyToken("pb", 401, unified("1000033"), "the token request");
        assertCategory(refused, Kind.PERMANENT, Category.AUTHENTICATION);
        assertThat(refused.error().carrierCode()).isEqualTo("1000033");
        assertCategory(PitneyBowesErrors.classifyToken("pb", 400, "", "t"), Kind.PERMANENT, Category.AUTHENTICATION);
        Failure down = PitneyBowesErrors.classifyToken("pb", 503, "", "t");
        assertCategory(down, Kind.TRANSIENT, Category.UNAVAILABLE);
        assertThat(down.outcomeUnknown()).isFalse();
    }

    private static void assertCategory(Failure f, Kind kind, Category category) {
        assertThat(f.kind()).as(f.toString()).isEqualTo(kind);
        assertThat(f.error().category()).as(f.toString()).isEqualTo(category);
    }

    private static Failure classify(int status, String body, boolean mutating) {
        return PitneyBowesErrors.classify("pb", CODES, status, body, mutating,
                "get order status (X-PB-TransactionId T1)");
    }

    private static String unified(String code) {
        return "{\"errors\": [{\"errorCode\": \"" + code + "\", \"errorDescription\": \"message of " + code
                + "\", \"additionalInfo\": null, \"parameters\": []}]}";
    }
}
