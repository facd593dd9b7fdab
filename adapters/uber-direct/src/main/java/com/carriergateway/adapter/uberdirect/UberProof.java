package com.carriergateway.adapter.uberdirect;

import com.carriergateway.adapter.json.CarrierJson;
import com.carriergateway.adapter.model.ProofOfDelivery;
import com.carriergateway.adapter.model.Signer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the courier collected at the door, read from a delivery's {@code dropoff} waypoint (Get Delivery and webhook
 * {@code data} share it). No I/O. Health data: nothing here is logged.
 *
 * <p>Uber's OpenAPI names the signer {@code name}; a 2023 copy of its docs says {@code signer_name}; webhook samples
 * spell the requirement {@code signatureRequirement} where the REST schema says {@code signature_requirement}. Both
 * spellings are read.
 */
final class UberProof {

    private UberProof() {
    }

    /**
     * The signature proof: the image URL and the signer. Empty when Uber collected neither (or sent the empty
     * placeholders its samples show before completion).
     */
    static Optional<ProofOfDelivery> read(JsonNode dropoff) {
        JsonNode signature = CarrierJson.field(CarrierJson.field(dropoff, "verification"), "signature");
        String imageUrl = CarrierJson.text(signature, "image_url", "imageUrl");
        Signer signer = signer(CarrierJson.text(signature, "name", "signer_name", "signerName"),
                CarrierJson.text(signature, "signer_relationship", "signerRelationship", "relationship"));
        if (imageUrl == null && signer == null) {
            return Optional.empty();
        }
        return Optional.of(new ProofOfDelivery(null, imageUrl, signer, List.of()));
    }

    /**
     * The signer, with the name split at its last space ("Mary Ann Smith": first "Mary Ann", last "Smith"; a single
     * word is a first name, as in Uber's example "Joan"). Null when Uber names nobody and no relationship.
     */
    static Signer signer(String name, String relationship) {
        Signer.SignerRelation relation = relation(relationship);
        if (name == null && relation == null) {
            return null;
        }
        String first = null;
        String last = null;
        if (name != null) {
            String n = name.trim().replaceAll("\\s+", " ");
            int space = n.lastIndexOf(' ');
            first = space < 0 ? n : n.substring(0, space);
            last = space < 0 ? null : n.substring(space + 1);
        }
        return new Signer(relation, first, last, null, null, null);
    }

    /**
     * Uber's {@code signer_relationship} (to the intended recipient) as BestRx's relation (to the patient): SELF is the
     * patient, a legal representative is the closest to BestRx's caregiver, a friend or anything else is other.
     */
    static Signer.SignerRelation relation(String uber) {
        if (uber == null || uber.isBlank()) {
            return null;
        }
        return switch (uber.trim().toUpperCase(Locale.ROOT)) {
            case "SELF" -> Signer.SignerRelation.PATIENT;
            case "SPOUSE" -> Signer.SignerRelation.SPOUSE;
            case "PARENT_OR_GUARDIAN" -> Signer.SignerRelation.PARENT_OR_GUARDIAN;
            case "LEGAL_REPRESENTATIVE" -> Signer.SignerRelation.CAREGIVER;
            default -> Signer.SignerRelation.OTHER;
        };
    }

    /** "ID checked (minimum age 21)" when Uber reports the ID verified; the age is the one the delivery asked for. */
    static Optional<String> idCheckNote(JsonNode dropoff) {
        JsonNode identification = CarrierJson.field(CarrierJson.field(dropoff, "verification"), "identification");
        if (!Boolean.TRUE.equals(CarrierJson.bool(identification, "min_age_verified"))) {
            return Optional.empty();
        }
        JsonNode required = CarrierJson.field(CarrierJson.field(dropoff, "verification_requirements"),
                "identification");
        String minAge = CarrierJson.text(required, "min_age");
        if (minAge == null) {
            return Optional.of("ID checked");
        }
        // Uber types min_age as a number: 21 may come as 21.0.
        return Optional.of("ID checked (minimum age " + minAge.replaceAll("\\.0+$", "") + ")");
    }

    /** Whether the delivery asked the courier for a signature (either spelling, or the deprecated flag). */
    static boolean signatureRequired(JsonNode dropoff) {
        JsonNode requirements = CarrierJson.field(dropoff, "verification_requirements");
        JsonNode requirement = CarrierJson.field(requirements, "signature_requirement");
        if (requirement == null) {
            requirement = CarrierJson.field(requirements, "signatureRequirement");
        }
        return Boolean.TRUE.equals(CarrierJson.bool(requirement, "enabled"))
                || Boolean.TRUE.equals(CarrierJson.bool(requirements, "signature"));
    }
}
