package com.carriergateway.adapter.uberdirect;

import com.carriergateway.adapter.CarrierStatusMap;
import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.CarrierStatusEvent;
import com.carriergateway.adapter.json.CarrierJson;
import com.carriergateway.adapter.model.StatusUpdate;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Uber's webhook body to status events, no I/O. Called only after {@link UberWebhookProtocol} verified the signature.
 *
 * <p>Only {@code event.delivery_status} carries a status: {@code {id: evt_…, kind, status, created, delivery_id,
 * data: <the delivery>}}. It is sent whenever {@code status} or {@code courier_imminent} changes, so an imminent flip
 * arrives as the same status again, a repeat the gateway ignores. Other kinds ({@code event.courier_update} every
 * 20 s, refunds) give no event and a warning. Uber documents no field table for these webhooks; this reading follows
 * its samples, and everything but {@code kind} and a delivery id may be missing.
 */
final class UberWebhookEvents {

    static final String DELIVERY_STATUS = "event.delivery_status";

    private UberWebhookEvents() {
    }

    /**
     * The status event in {@code body}: the delivery id is the carrier order and tracking id, {@code data.external_id}
     * the order key, the event's {@code id} the de-duplication key.
     *
     * @param receivedAt the event time when Uber sends none
     */
    static CarrierResult<List<CarrierStatusEvent>> parse(String carrierId, String body, CarrierStatusMap map,
                                                         Instant receivedAt) {
        JsonNode root = CarrierJson.read(body).filter(JsonNode::isObject).orElse(null);
        if (root == null) {
            return CarrierResult.permanentFailure(CarrierError.of(carrierId, Category.PROTOCOL,
                    "Uber webhook body is not a JSON object"));
        }
        String kind = CarrierJson.text(root, "kind");
        if (!DELIVERY_STATUS.equals(kind)) {
            return new CarrierResult.Success<>(List.of(), List.of("Uber " + (kind == null ? "webhook without a kind"
                    : kind) + " carries no delivery status; ignored"));
        }
        JsonNode data = CarrierJson.field(root, "data");
        String deliveryId = CarrierJson.text(root, "delivery_id");
        if (deliveryId == null) {
            deliveryId = CarrierJson.text(data, "id");
        }
        String orderKey = CarrierJson.text(data, "external_id");
        if (deliveryId == null && orderKey == null) {
            return new CarrierResult.Success<>(List.of(), List.of("Uber " + kind + " names no delivery; ignored"));
        }
        String status = CarrierJson.text(root, "status");
        if (status == null) {
            status = CarrierJson.text(data, "status");
        }
        if (map.lookup(status).isEmpty()) {
            return new CarrierResult.Success<>(List.of(), List.of("Uber status " + status
                    + " maps to no delivery status (status-map." + status + "); ignored"));
        }
        Instant uberTime = UberDirectResponses.instant(CarrierJson.text(root, "created"));
        if (uberTime == null) {
            uberTime = UberDirectResponses.instant(CarrierJson.text(data, "updated"));
        }
        Instant occurredAt = uberTime == null ? receivedAt : uberTime;
        List<String> warnings = new ArrayList<>();
        StatusUpdate update = UberDirectResponses.statusUpdate(data == null ? root : data, status, occurredAt, map,
                warnings);
        String eventId = CarrierJson.text(root, "id");
        if (eventId == null && uberTime != null) {
            // Stable across Uber's resends of the same event, distinct for an imminent flip (a later time).
            eventId = String.join("|", String.valueOf(deliveryId), status, uberTime.toString());
        }
        return new CarrierResult.Success<>(List.of(new CarrierStatusEvent(deliveryId, deliveryId, orderKey, eventId,
                update)), warnings);
    }
}
