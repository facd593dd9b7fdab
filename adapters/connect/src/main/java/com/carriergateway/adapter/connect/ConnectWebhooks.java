package com.carriergateway.adapter.connect;

import com.carriergateway.adapter.json.CarrierJson;
import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.CarrierStatusEvent;
import com.carriergateway.adapter.webhook.WebhookRequest;
import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.StatusUpdate;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads Connect notifications: the event type from {@code z-event-type}, the model from
 * {@code z-notification-model}, and the JSON body. The canonical status comes from the status map's
 * {@code event.*} keys; events mapped to NONE or not mapped give no status event (a success with no
 * events), so unknown notifications are acknowledged and ignored.
 *
 * <p>The order is identified by the Connect order id: the body's {@code id} for the order model, else its
 * {@code orderId} (for an appointment or service, {@code id} is that object's own id); {@code customerRef}
 * is passed as the order key when present.
 */
final class ConnectWebhooks {

    private static final List<String> TIME_FIELDS =
            List.of("rejectedOn", "cancelledOn", "cancellationDate", "modifiedOn", "updatedOn");

    private final String carrierId;
    private final ConnectStatusMap statusMap;

    ConnectWebhooks(String carrierId, ConnectStatusMap statusMap) {
        this.carrierId = carrierId;
        this.statusMap = statusMap;
    }

    CarrierResult<List<CarrierStatusEvent>> parse(WebhookRequest request, Instant now) {
        String eventType = request.header("z-event-type");
        if (eventType == null || eventType.isBlank()) {
            return protocol("Connect notification without a z-event-type header");
        }
        Optional<JsonNode> parsed = CarrierJson.read(request.body());
        if (parsed.isEmpty() || !parsed.get().isObject()) {
            return protocol("Connect notification " + eventType.trim() + " has no readable JSON object body");
        }
        JsonNode body = parsed.get();
        String key = ConnectStatusMap.eventKey(eventType);
        Optional<DeliveryStatus> status = statusMap.lookup(key);
        if (status.isEmpty()) {
            String why = statusMap.knows(key) ? "changes no delivery status" : "is not mapped (status-map." + key + ")";
            return new CarrierResult.Success<>(List.of(), List.of("Connect " + eventType.trim() + " " + why));
        }
        String model = request.header("z-notification-model");
        if (model == null || model.isBlank()) {
            model = key.substring("event.".length()).split("\\.", 2)[0];
        }
        String orderId = model.trim().toLowerCase(Locale.ROOT).equals("order")
                ? CarrierJson.id(body, "id", "orderId")
                : CarrierJson.id(body, "orderId");
        String orderKey = CarrierJson.text(body, "customerRef", "customerReference");
        if (orderId == null && orderKey == null) {
            return new CarrierResult.Success<>(List.of(),
                    List.of("Connect " + eventType.trim() + " names no order (no order id or customerRef)"));
        }
        String rawTime = TIME_FIELDS.stream().map(f -> CarrierJson.text(body, f)).filter(t -> t != null)
                .findFirst().orElse(null);
        Instant occurredAt = ConnectTimes.parse(rawTime).orElse(now);
        String reason = CarrierJson.text(body, "rejectedReason", "reason");
        String code = eventType.trim();
        StatusUpdate update = new StatusUpdate(status.get(), reason, occurredAt, code, null);
        // Connect sends no event id (Unconfirmed); the content identifies a repeat delivery.
        String eventId = code + ":" + (orderId != null ? orderId : orderKey) + ":" + (rawTime == null ? "" : rawTime);
        return CarrierResult.success(List.of(new CarrierStatusEvent(orderId, orderId, orderKey, eventId, update)));
    }

    private CarrierResult<List<CarrierStatusEvent>> protocol(String detail) {
        return CarrierResult.permanentFailure(CarrierError.of(carrierId, Category.PROTOCOL, detail));
    }
}
