package com.carriergateway.adapter.uberdirect;

import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.json.CarrierJson;
import com.carriergateway.adapter.model.ProofOfDelivery;
import com.carriergateway.adapter.model.Signer;
import com.carriergateway.adapter.model.Signer.SignerRelation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UberProofTest {

    @ParameterizedTest
    @CsvSource({"SELF, PATIENT", "SPOUSE, SPOUSE", "PARENT_OR_GUARDIAN, PARENT_OR_GUARDIAN",
            "LEGAL_REPRESENTATIVE, CAREGIVER", "FRIEND, OTHER", "INVALID, OTHER", "NEIGHBOUR, OTHER", "self, PATIENT"})
    void ubersSignerRelationshipsAreBestRxRelations(String uber, SignerRelation expected) {
        assertThat(UberProof.relation(uber)).isEqualTo(expected);
    }

    @Test
    void theNameSplitsAtTheLastSpace() {
        assertThat(UberProof.signer("Mary Ann  Smith", "SELF"))
                .isEqualTo(new Signer(SignerRelation.PATIENT, "Mary Ann", "Smith", null, null, null));
        assertThat(UberProof.signer("Joan", null)).isEqualTo(new Signer(null, "Joan", null, null, null, null));
        assertThat(UberProof.signer(null, "FRIEND")).isEqualTo(new Signer(SignerRelation.OTHER, null, null, null,
                null, null));
        assertThat(UberProof.signer(null, " ")).isNull();
    }

    @Test
    void theSignatureProofIsTheImageUrlAndTheSignerUnderEitherNameField() {
        assertThat(UberProof.read(dropoff("""
                {"verification": {"signature": {"image_url": "https://tb-static.uber.com/prod/x",
                  "name": "Joan Smith", "signer_relationship": "SPOUSE"}}}"""))).contains(new ProofOfDelivery(null,
                "https://tb-static.uber.com/prod/x", new Signer(SignerRelation.SPOUSE, "Joan", "Smith", null, null,
                null), List.of()));
        assertThat(UberProof.read(dropoff("""
                {"verification": {"signature": {"image_url": "https://tb-static.uber.com/prod/y",
                  "signer_name": "Sam Sandbox"}}}""")).orElseThrow().signer().lastName()).isEqualTo("Sandbox");
    }

    @Test
    void emptyPlaceholdersAreNoProof() {
        assertThat(UberProof.read(dropoff("{\"verification\": {\"signature\": {\"image_url\": \"\"}}}"))).isEmpty();
        assertThat(UberProof.read(dropoff("{}"))).isEmpty();
        assertThat(UberProof.read(null)).isEmpty();
    }

    @Test
    void aVerifiedIdBecomesANoteWithTheAgeAskedFor() {
        assertThat(UberProof.idCheckNote(dropoff("""
                {"verification": {"identification": {"min_age_verified": true}},
                 "verification_requirements": {"identification": {"min_age": 21.0}}}""")))
                .contains("ID checked (minimum age 21)");
        assertThat(UberProof.idCheckNote(dropoff(
                "{\"verification\": {\"identification\": {\"min_age_verified\": true}}}"))).contains("ID checked");
        assertThat(UberProof.idCheckNote(dropoff(
                "{\"verification\": {\"identification\": {\"min_age_verified\": false}}}"))).isEmpty();
    }

    @Test
    void aSignatureRequirementIsReadInEitherSpelling() {
        assertThat(UberProof.signatureRequired(dropoff(
                "{\"verification_requirements\": {\"signature_requirement\": {\"enabled\": true}}}"))).isTrue();
        assertThat(UberProof.signatureRequired(dropoff(
                "{\"verification_requirements\": {\"signatureRequirement\": {\"enabled\": true}}}"))).isTrue();
        assertThat(UberProof.signatureRequired(dropoff(
                "{\"verification_requirements\": {\"signature\": true}}"))).isTrue();
        assertThat(UberProof.signatureRequired(dropoff(
                "{\"verification_requirements\": {\"signatureRequirement\": {\"enabled\": false}}}"))).isFalse();
    }

    private static JsonNode dropoff(String json) {
        return CarrierJson.read(json).orElseThrow();
    }
}
