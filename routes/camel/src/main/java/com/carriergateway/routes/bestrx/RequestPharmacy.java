package com.carriergateway.routes.bestrx;

import com.carriergateway.core.answer.GatewayProblem;
import com.carriergateway.core.answer.MessageCode;
import com.carriergateway.core.pharmacy.PharmacyIds;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The pharmacy a BestRx request acts for. A credential belongs to one pharmacy; a body naming another is refused
 * before anything else is read, so nothing about the other pharmacy is touched or revealed.
 */
final class RequestPharmacy {

    private RequestPharmacy() {
    }

    /**
     * Checks {@code store.bestrx_pharmacy_id} against the credential's pharmacy. Absent: the credential's
     * pharmacy is meant (the spec allows it). Malformed: 400 naming the field. Another pharmacy: 403.
     */
    static String confirm(JsonNode root, String credentialPharmacyId) {
        JsonNode store = root.get("store");
        if (store == null || store.isNull()) {
            return credentialPharmacyId;
        }
        if (!store.isObject()) {
            throw GatewayProblem.field(MessageCode.INVALID_REQUEST, "store",
                    "store: must be an object, not " + BestRxJson.kind(store));
        }
        JsonNode id = store.get("bestrx_pharmacy_id");
        if (id == null || id.isNull() || (id.isTextual() && id.asText().isBlank())) {
            return credentialPharmacyId;
        }
        if (!id.isTextual() || !PharmacyIds.isWellFormed(id.asText().strip())) {
            throw GatewayProblem.field(MessageCode.INVALID_REQUEST, "store.bestrx_pharmacy_id",
                    "store.bestrx_pharmacy_id: must be a GUID such as ef0a4740-0be9-44f7-b89d-9e66eeba0b9a");
        }
        String bodyId = PharmacyIds.normalise(id.asText());
        if (!bodyId.equals(credentialPharmacyId)) {
            throw GatewayProblem.field(MessageCode.PHARMACY_MISMATCH, "store.bestrx_pharmacy_id",
                    "store.bestrx_pharmacy_id: these credentials may not act for another pharmacy");
        }
        return bodyId;
    }
}
