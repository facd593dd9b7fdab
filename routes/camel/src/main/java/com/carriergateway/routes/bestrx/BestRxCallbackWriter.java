package com.carriergateway.routes.bestrx;

import com.carriergateway.core.outbox.ClaimedCallback;
import com.carriergateway.core.outbox.ProofJson;

import com.carriergateway.adapter.model.ConsentAnswer;
import com.carriergateway.adapter.model.ProofOfDelivery;
import com.carriergateway.adapter.model.Signer;
import com.carriergateway.routes.bestrx.BestRxJson;
import com.carriergateway.routes.bestrx.BestRxProperties;
import com.carriergateway.routes.bestrx.BestRxTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;

/**
 * A queued status change → the body of BestRx's UpdateOrderStatus callback (spec §5.1), field for field:
 * ids as BestRx sent them (numbers stay numbers), the status code with its configured description under the
 * documented spelling {@code status_Code_description} (plus {@code status_code_description} when
 * {@code gateway.bestrx.envelope.callback-both-description-spellings} is on), and the proof of delivery.
 *
 * <p>Every documented field is always present, as the gateway does for labels: {@code ""} when the carrier gave
 * nothing (no signature, unknown relation or ID type), {@code consent_info} empty. A consent type is echoed as
 * received; a whole number goes out as a JSON number, as in BestRx's callback example.
 */
public final class BestRxCallbackWriter {

    private static final Pattern SMALL_INTEGER = Pattern.compile("-?\\d{1,9}");

    private final BestRxProperties props;

    public BestRxCallbackWriter(BestRxProperties props) {
        this.props = props;
    }

    public String write(ClaimedCallback change) {
        try {
            return BestRxJson.mapper().writeValueAsString(body(change));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("callback body cannot be written (" + e.getClass().getSimpleName() + ")");
        }
    }

    public ObjectNode body(ClaimedCallback change) {
        BestRxProperties.StatusCode code = props.getStatusCodes().get(change.status());
        if (code == null) {
            throw new IllegalStateException("gateway.bestrx.status-codes." + change.status() + " is not configured");
        }
        ObjectNode b = BestRxJson.mapper().createObjectNode();
        b.put("bestrx_pharmacy_id", change.pharmacyId());
        b.put("bestrx_order_id", change.bestrxOrderId());
        b.put("bestrx_unique_order_id", change.bestrxUniqueOrderId());
        b.put("provider_order_id", change.providerOrderId());
        b.put("tracking_id", orEmpty(change.trackingId()));
        ObjectNode status = b.putObject("order_status");
        status.put("date", BestRxTime.format(change.occurredAt()));
        status.put("status_code", code.getCode());
        status.put("status_Code_description", code.getDescription());
        if (props.getEnvelope().isCallbackBothDescriptionSpellings()) {
            status.put("status_code_description", code.getDescription());
        }
        status.put("status_notes", orEmpty(change.reason()));

        ProofOfDelivery proof = ProofJson.read(change.proofJson());
        b.put("signature", proof == null ? "" : orEmpty(proof.signatureImage()));
        b.put("signature_url", proof == null ? "" : orEmpty(proof.signatureUrl()));
        Signer signer = proof == null ? null : proof.signer();
        ObjectNode s = b.putObject("signer_info");
        s.put("relation", signer == null || signer.relation() == null ? ""
                : orEmpty(props.getSignerRelations().get(signer.relation())));
        s.put("first_name", signer == null ? "" : orEmpty(signer.firstName()));
        s.put("last_name", signer == null ? "" : orEmpty(signer.lastName()));
        s.put("jurisdiction", signer == null ? "" : orEmpty(signer.jurisdiction()));
        s.put("id_type", signer == null || signer.idType() == null ? ""
                : orEmpty(props.getIdTypes().get(signer.idType())));
        s.put("id_no", signer == null ? "" : orEmpty(signer.idNumber()));
        ArrayNode consents = b.putArray("consent_info");
        if (proof != null) {
            for (ConsentAnswer answer : proof.consentAnswers()) {
                ObjectNode c = consents.addObject();
                String type = answer.type() == null ? "" : answer.type().trim();
                if (SMALL_INTEGER.matcher(type).matches()) {
                    c.put("consent_type", Integer.parseInt(type));
                } else {
                    c.put("consent_type", answer.type());
                }
                c.put("consent_response", orEmpty(answer.response()));
            }
        }
        return b;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
