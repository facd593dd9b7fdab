package com.carriergateway.routes.bestrx;

import com.carriergateway.core.outbox.ClaimedCallback;
import com.carriergateway.core.outbox.ProofJson;

import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.model.ConsentAnswer;
import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.ProofOfDelivery;
import com.carriergateway.adapter.model.Signer;
import com.carriergateway.routes.bestrx.BestRxProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The UpdateOrderStatus body, compared with BestRx's published example (spec §5.1), field for field. */
class BestRxCallbackWriterTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static ClaimedCallback change(DeliveryStatus status, String reason, ProofOfDelivery proof, String trackingId) {
        return new ClaimedCallback(7, "POI123456", "ef0a4740-0be9-44f7-b89d-9e66eeba0b9a", 2, status, reason,
                Instant.parse("2022-09-10T09:47:27.5232761Z"), "X", ProofJson.write(proof), 0, Instant.EPOCH,
                Instant.EPOCH, "token", 123456789, 1001, trackingId);
    }

    static ProofOfDelivery examplesProof() {
        return new ProofOfDelivery("", "", new Signer(Signer.SignerRelation.SPOUSE, "John", "Doe", "IL",
                Signer.IdType.DRIVERS_LICENSE, "D200-3333-4444"), List.of(new ConsentAnswer("1", "Yes")));
    }

    @Test
    void theBodyIsBestRxsExampleFieldForFieldInItsOrder() {
        String body = new BestRxCallbackWriter(new BestRxProperties())
                .write(change(DeliveryStatus.ACKNOWLEDGED, "…", examplesProof(), "15646323"));

        assertThat(body).isEqualTo("{\"bestrx_pharmacy_id\":\"ef0a4740-0be9-44f7-b89d-9e66eeba0b9a\","
                + "\"bestrx_order_id\":123456789,\"bestrx_unique_order_id\":1001,\"provider_order_id\":\"POI123456\","
                + "\"tracking_id\":\"15646323\",\"order_status\":{\"date\":\"2022-09-10T09:47:27.5232761Z\","
                + "\"status_code\":\"2\",\"status_Code_description\":\"Order Acknowledged\",\"status_notes\":\"…\"},"
                + "\"signature\":\"\",\"signature_url\":\"\",\"signer_info\":{\"relation\":\"3\",\"first_name\":\"John\","
                + "\"last_name\":\"Doe\",\"jurisdiction\":\"IL\",\"id_type\":\"6\",\"id_no\":\"D200-3333-4444\"},"
                + "\"consent_info\":[{\"consent_type\":1,\"consent_response\":\"Yes\"}]}");
    }

    @Test
    void itHasExactlyTheFieldsAndTypesOfTheSpecExample() throws Exception {
        JsonNode example = JSON.readTree("""
                { "bestrx_pharmacy_id": "ef0a4740-0be9-44f7-b89d-9e66eeba0b9a", "bestrx_order_id": 123456789,
                  "bestrx_unique_order_id": 1001, "provider_order_id": "POI123456", "tracking_id": "15646323",
                  "order_status": { "date": "2022-09-10T09:47:27.5232761Z", "status_code": "2",
                                    "status_Code_description": "Order Created", "status_notes": "…" },
                  "signature": "", "signature_url": "",
                  "signer_info": { "relation": "3", "first_name": "John", "last_name": "Doe",
                                   "jurisdiction": "IL", "id_type": "6", "id_no": "D200-3333-4444" },
                  "consent_info": [ { "consent_type": 1, "consent_response": "Yes" } ] }""");
        BestRxProperties props = new BestRxProperties();
        // the example pairs "2" with "Order Created" (a documented inconsistency); the table is configuration
        props.setStatusCodes(Map.of(DeliveryStatus.ACKNOWLEDGED, new BestRxProperties.StatusCode("2", "Order Created")));

        JsonNode written = JSON.readTree(new BestRxCallbackWriter(props)
                .write(change(DeliveryStatus.ACKNOWLEDGED, "…", examplesProof(), "15646323")));

        assertThat(written).isEqualTo(example);
    }

    @Test
    void everyStatusGoesOutWithItsConfiguredCodeAndDescription() throws Exception {
        BestRxCallbackWriter writer = new BestRxCallbackWriter(new BestRxProperties());
        JsonNode delivered = JSON.readTree(writer.write(change(DeliveryStatus.DELIVERED, null, null, null)));
        assertThat(delivered.at("/order_status/status_code").asText()).isEqualTo("8");
        assertThat(delivered.at("/order_status/status_Code_description").asText()).isEqualTo("Delivery/Shipment Delivered");
        JsonNode cancelled = JSON.readTree(writer.write(change(DeliveryStatus.CANCELLED, null, null, null)));
        assertThat(cancelled.at("/order_status/status_code").asText()).isEqualTo("3");
        assertThat(cancelled.at("/order_status/status_code").isTextual()).isTrue();
    }

    @Test
    void withoutProofEveryDocumentedFieldIsStillThereEmpty() throws Exception {
        JsonNode b = JSON.readTree(new BestRxCallbackWriter(new BestRxProperties())
                .write(change(DeliveryStatus.IN_TRANSIT, null, null, null)));
        assertThat(b.get("tracking_id").asText()).isEmpty();
        assertThat(b.at("/order_status/status_notes").asText()).isEmpty();
        assertThat(b.get("signature").asText()).isEmpty();
        assertThat(b.get("signature_url").asText()).isEmpty();
        assertThat(b.get("signer_info").properties()).extracting(Map.Entry::getKey)
                .containsExactly("relation", "first_name", "last_name", "jurisdiction", "id_type", "id_no");
        assertThat(b.get("signer_info").properties()).allSatisfy(e -> assertThat(e.getValue().asText()).isEmpty());
        assertThat(b.get("consent_info").isArray()).isTrue();
        assertThat(b.get("consent_info")).isEmpty();
        assertThat(b.at("/order_status").has("status_code_description")).as("second spelling off by default").isFalse();
    }

    @Test
    void bothDescriptionSpellingsWhenSwitchedOn() throws Exception {
        BestRxProperties props = new BestRxProperties();
        props.getEnvelope().setCallbackBothDescriptionSpellings(true);
        JsonNode status = JSON.readTree(new BestRxCallbackWriter(props)
                .write(change(DeliveryStatus.OUT_FOR_DELIVERY, null, null, null))).get("order_status");
        assertThat(status.get("status_Code_description").asText()).isEqualTo("Out For Delivery");
        assertThat(status.get("status_code_description").asText()).isEqualTo("Out For Delivery");
    }

    @Test
    void signerCodesComeFromTheTablesAndConsentTypesAreEchoed() throws Exception {
        BestRxProperties props = new BestRxProperties();
        props.setSignerRelations(Map.of(Signer.SignerRelation.CAREGIVER, "04"));
        ProofOfDelivery proof = new ProofOfDelivery("iVBORw0KGgo=", "https://pod.example/sig/1.png",
                new Signer(Signer.SignerRelation.CAREGIVER, "Jane", "Joplin", "IL", Signer.IdType.PASSPORT, "X123"),
                List.of(new ConsentAnswer("0", "No"), new ConsentAnswer("HEALTHIX", "Yes"), new ConsentAnswer(null, "?")));
        JsonNode b = JSON.readTree(new BestRxCallbackWriter(props).write(change(DeliveryStatus.DELIVERED,
                "left at door", proof, "T1")));
        assertThat(b.get("signature").asText()).isEqualTo("iVBORw0KGgo=");
        assertThat(b.get("signature_url").asText()).isEqualTo("https://pod.example/sig/1.png");
        assertThat(b.at("/signer_info/relation").asText()).isEqualTo("04");
        assertThat(b.at("/signer_info/id_type").asText()).isEqualTo("5");
        assertThat(b.at("/consent_info/0/consent_type").isInt()).isTrue();
        assertThat(b.at("/consent_info/0/consent_type").asInt()).isZero();
        assertThat(b.at("/consent_info/1/consent_type").asText()).isEqualTo("HEALTHIX");
        assertThat(b.at("/consent_info/2/consent_type").isNull()).isTrue();
        assertThat(b.at("/order_status/status_notes").asText()).isEqualTo("left at door");
    }
}
