package com.carriergateway.adapter.examplecourier;

import com.carriergateway.adapter.CarrierStatusMap;
import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.CarrierStatusEvent;
import com.carriergateway.adapter.json.CarrierJson;
import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.StatusUpdate;
import com.carriergateway.adapter.webhook.BasicAuthWebhook;
import com.carriergateway.adapter.webhook.HmacSignature;
import com.carriergateway.adapter.webhook.WebhookProtocol;
import com.carriergateway.adapter.webhook.WebhookSettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Example Courier's status webhook ({@code POST /webhooks/<carrier-id>}): who may call it and what its body says.
 *
 * <p>The body is one event or an array of them: {@code event_id}, {@code delivery_id}, {@code reference} (our order
 * key), {@code tracking_number}, {@code status}, {@code status_reason}, {@code occurred_at}. TODO(carrier): the
 * carrier's event shape; proof of delivery (signer, photo) when it sends one.
 */
final class ExampleCourierWebhooks {

    /** TODO(carrier): the header the carrier signs its calls in, if it signs them. */
    static final String SIGNATURE_HEADER = "X-Signature";

    private ExampleCourierWebhooks() {
    }

    /**
     * HTTP Basic with the credential configured for the carrier ({@code gateway.webhooks.<id>.username}/{@code
     * password}), unless a {@code signing-key} is configured: then an HMAC-SHA256 signature of the body.
     * TODO(carrier): keep the one the carrier uses and delete the other.
     *
     * @throws IllegalArgumentException naming the missing key
     */
    static WebhookProtocol protocol(WebhookSettings settings) {
        if (settings.getSigningKey() != null && !settings.getSigningKey().isBlank()) {
            return new ExampleCourierSignedWebhook(new HmacSignature(settings.getSigningKey()), SIGNATURE_HEADER);
        }
        return BasicAuthWebhook.from(settings, List.of());
    }

    /**
     * The status events in {@code body}, oldest first. An event that names no delivery or whose status maps to
     * nothing is skipped with a warning (acknowledged, so the carrier does not send it again); a body that is not JSON
     * is a PROTOCOL failure.
     *
     * @param receivedAt the event time when the carrier sends none
     */
    static CarrierResult<List<CarrierStatusEvent>> parse(String carrierId, String body, CarrierStatusMap map,
                                                         Instant receivedAt) {
        JsonNode root = CarrierJson.read(body).filter(n -> n.isArray() || n.isObject()).orElse(null);
        if (root == null) {
            return CarrierResult.permanentFailure(CarrierError.of(carrierId, Category.PROTOCOL,
                    "Example Courier webhook body is not a JSON event or array of events"));
        }
        List<JsonNode> items = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(items::add);
        } else {
            items.add(root);
        }
        List<String> warnings = new ArrayList<>();
        List<CarrierStatusEvent> events = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode e = items.get(i);
            String deliveryId = CarrierJson.text(e, "delivery_id");
            String tracking = CarrierJson.text(e, "tracking_number");
            String reference = CarrierJson.text(e, "reference");
            String code = CarrierJson.text(e, "status");
            DeliveryStatus status = map.lookup(code).orElse(null);
            if (deliveryId == null && tracking == null && reference == null) {
                warnings.add("event " + i + " names no delivery; skipped");
            } else if (status == null) {
                warnings.add("event " + i + " has status " + code + ", which maps to no change; skipped");
            } else {
                StatusUpdate update = new StatusUpdate(status, CarrierJson.text(e, "status_reason"),
                        ExampleCourierResponses.time(CarrierJson.text(e, "occurred_at"), receivedAt), code, null);
                events.add(new CarrierStatusEvent(deliveryId, tracking, reference, CarrierJson.text(e, "event_id"),
                        update));
            }
        }
        events.sort(Comparator.comparing(ev -> ev.update().occurredAt()));
        return new CarrierResult.Success<>(events, warnings);
    }
}
