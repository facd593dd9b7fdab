package com.carriergateway.routes.bestrx;

import com.carriergateway.routes.api.GatewayProblem;
import com.carriergateway.routes.api.MessageCode;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The pharmacy a request acts for. A credential belongs to one pharmacy; a body naming another is refused
 * before anything else is read, so nothing about the other pharmacy is touched or revealed.
 */
public final class PharmacyIds {

    private static final Pattern GUID =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private PharmacyIds() {
    }

    public static boolean isWellFormed(String id) {
        return id != null && GUID.matcher(id).matches();
    }

    public static String normalise(String id) {
        return id.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Checks {@code store.bestrx_pharmacy_id} against the credential's pharmacy. Absent: the credential's
     * pharmacy is meant (the spec allows it). Malformed: 400 naming the field. Another pharmacy: 403.
     */
    public static String confirm(JsonNode root, String credentialPharmacyId) {
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
        if (!id.isTextual() || !isWellFormed(id.asText().strip())) {
            throw GatewayProblem.field(MessageCode.INVALID_REQUEST, "store.bestrx_pharmacy_id",
                    "store.bestrx_pharmacy_id: must be a GUID such as ef0a4740-0be9-44f7-b89d-9e66eeba0b9a");
        }
        String bodyId = normalise(id.asText());
        if (!bodyId.equals(credentialPharmacyId)) {
            throw GatewayProblem.field(MessageCode.PHARMACY_MISMATCH, "store.bestrx_pharmacy_id",
                    "store.bestrx_pharmacy_id: these credentials may not act for another pharmacy");
        }
        return bodyId;
    }
}
