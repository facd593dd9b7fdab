package com.carriergateway.adapter.uberdirect;

import com.carriergateway.adapter.CarrierStatusMap;
import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.http.Origin;
import com.carriergateway.adapter.json.CarrierJson;
import com.carriergateway.adapter.model.CancelOutcome;
import com.carriergateway.adapter.model.CarrierOrder;
import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.ProofOfDelivery;
import com.carriergateway.adapter.model.StatusUpdate;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Uber Direct 2xx answers to canonical values, no I/O. Each function returns a success, with warnings for what it had
 * to guess, or a PROTOCOL failure when the answer cannot be read; none throws. Create, Get, Cancel, List and the
 * webhook's {@code data} share one delivery object, read here by {@link #statusUpdate}.
 *
 * <p>The delivery's {@code del_…} id is both the carrier order id and the tracking id: it is what every Uber call and
 * every webhook names, and Uber asks integrators to identify deliveries by it, not by {@code uuid}.
 */
final class UberDirectResponses {

    /** One page of List Deliveries, and the absolute URL of the next one (null on the last page). */
    record Page(List<JsonNode> deliveries, String nextUrl) {
    }

    private UberDirectResponses() {
    }

    /** A delivery (Create, Get) as the canonical {@link CarrierOrder}, with Uber's public tracking page. */
    static CarrierResult<CarrierOrder> order(String carrierId, int status, String body, CarrierStatusMap map,
                                            Instant now, boolean mutating) {
        JsonNode delivery = CarrierJson.read(body).filter(JsonNode::isObject).orElse(null);
        if (delivery == null || CarrierJson.text(delivery, "id") == null) {
            return unreadable(carrierId, status, "a delivery without id", mutating);
        }
        List<String> warnings = new ArrayList<>();
        return new CarrierResult.Success<>(carrierOrder(delivery, map, now, warnings), warnings);
    }

    /** A Get Delivery answer as a status, with the proof of delivery once delivered. */
    static CarrierResult<StatusUpdate> status(String carrierId, int status, String body, CarrierStatusMap map,
                                             Instant now) {
        JsonNode delivery = CarrierJson.read(body).filter(JsonNode::isObject).orElse(null);
        if (delivery == null) {
            return unreadable(carrierId, status, "a delivery that is not a JSON object", false);
        }
        List<String> warnings = new ArrayList<>();
        StatusUpdate update = statusUpdate(delivery, CarrierJson.text(delivery, "status"), updatedAt(delivery, now),
                map, warnings);
        return new CarrierResult.Success<>(update, warnings);
    }

    /** A Cancel Delivery answer: Uber returns the delivery, documented with {@code status: canceled}. */
    static CarrierResult<CancelOutcome> cancelled(String carrierId, int status, String body, CarrierStatusMap map,
                                                 Instant now) {
        JsonNode delivery = CarrierJson.read(body).filter(JsonNode::isObject).orElse(null);
        if (delivery == null) {
            return unreadable(carrierId, status, "a cancel answer that is not a JSON object", true);
        }
        List<String> warnings = new ArrayList<>();
        String uberStatus = CarrierJson.text(delivery, "status");
        if (uberStatus != null && map.lookup(uberStatus).orElse(null) != DeliveryStatus.CANCELLED) {
            // Uber accepted the cancel (2xx); its status word is kept for operators.
            warnings.add("Uber accepted the cancel but reports status " + uberStatus);
        }
        StatusUpdate update = new StatusUpdate(DeliveryStatus.CANCELLED, null, updatedAt(delivery, now),
                uberStatus == null ? "canceled" : uberStatus, null);
        return new CarrierResult.Success<>(new CancelOutcome(update, "Uber cancelled delivery "
                + CarrierJson.text(delivery, "id")), warnings);
    }

    /**
     * A List Deliveries page: {@code data[]} and {@code next_href}. Uber's example {@code next_href} has no scheme
     * ({@code api.uber.com/v1/…?offset=30}), so base-url's is added; a next page on another host than base-url is
     * not followed, because the bearer token would go with it.
     */
    static CarrierResult<Page> page(String carrierId, int status, String body, String baseUrl) {
        JsonNode root = CarrierJson.read(body).filter(JsonNode::isObject).orElse(null);
        JsonNode data = CarrierJson.field(root, "data");
        if (data == null || !(data.isArray() || data.isObject())) {
            return unreadable(carrierId, status, "a delivery list without data", false);
        }
        List<JsonNode> deliveries = new ArrayList<>();
        if (data.isArray()) {
            data.forEach(deliveries::add);
        } else {
            deliveries.add(data);
        }
        String nextHref = CarrierJson.text(root, "next_href");
        if (nextHref == null) {
            return CarrierResult.success(new Page(deliveries, null));
        }
        URI base = URI.create(baseUrl);
        URI next;
        try {
            next = URI.create(nextHref.contains("://") ? nextHref : base.getScheme() + "://" + nextHref);
        } catch (IllegalArgumentException e) {
            next = null;
        }
        if (next == null || !Origin.same(base, next)) {
            return CarrierResult.permanentFailure(new CarrierError(carrierId, Category.PROTOCOL, null, null, status,
                    "Uber's next_href is not on base-url's host; not following it with our token"));
        }
        return CarrierResult.success(new Page(deliveries, next.toString()));
    }

    /** A delivery as a {@link CarrierOrder}: the {@code del_…} id twice, Uber's tracking page, the current status. */
    static CarrierOrder carrierOrder(JsonNode delivery, CarrierStatusMap map, Instant now, List<String> warnings) {
        String id = CarrierJson.text(delivery, "id");
        return new CarrierOrder(id, id, CarrierJson.text(delivery, "tracking_url"), null, null,
                statusUpdate(delivery, CarrierJson.text(delivery, "status"), updatedAt(delivery, now), map, warnings));
    }

    /**
     * The delivery's status as canonical. An unknown Uber status cannot move the order, so it reads as CREATED (the
     * lowest stage, which a monotonic status history never steps back to) with Uber's word kept and a warning. The
     * reason says what an operator would want without opening Uber's dashboard; the proof is read only from a
     * {@code delivered} delivery, because Uber sends empty proof placeholders before.
     *
     * @param uberStatus the status to report (a webhook's top-level {@code status} may be newer than its data)
     */
    static StatusUpdate statusUpdate(JsonNode delivery, String uberStatus, Instant occurredAt, CarrierStatusMap map,
                                     List<String> warnings) {
        DeliveryStatus mapped = map.lookup(uberStatus).orElse(null);
        if (mapped == null) {
            warnings.add(uberStatus == null ? "Uber gave no delivery status; read as no change (CREATED)"
                    : "unmapped Uber status " + uberStatus + " read as no change (CREATED)");
        }
        boolean delivered = uberStatus != null && uberStatus.trim().toLowerCase(Locale.ROOT).equals("delivered");
        JsonNode dropoff = CarrierJson.field(delivery, "dropoff");
        List<String> reasons = new ArrayList<>();
        if (Boolean.TRUE.equals(CarrierJson.bool(delivery, "courier_imminent"))) {
            reasons.add("courier imminent");
        }
        ProofOfDelivery proof = null;
        if (delivered) {
            UberProof.idCheckNote(dropoff).ifPresent(reasons::add);
            proof = UberProof.read(dropoff).orElse(null);
            if (UberProof.signatureRequired(dropoff) && (proof == null || proof.signatureUrl() == null)) {
                warnings.add("Uber reports the delivery done without the signature image it was asked to collect");
            }
        }
        String undeliverable = CarrierJson.text(delivery, "undeliverable_reason");
        if (undeliverable != null) {
            reasons.add("undeliverable: " + undeliverable);
        }
        String action = CarrierJson.text(delivery, "undeliverable_action");
        if (action != null) {
            reasons.add("courier " + action.replace('_', ' '));
        }
        String cancelReason = CarrierJson.text(CarrierJson.field(delivery, "cancelation_reason"), "primary_reason");
        if (cancelReason != null) {
            reasons.add("cancelled: " + cancelReason);
        }
        returnLeg(delivery).ifPresent(id -> reasons.add("return leg " + id));
        return new StatusUpdate(mapped == null ? DeliveryStatus.CREATED : mapped,
                reasons.isEmpty() ? null : String.join("; ", reasons), occurredAt, uberStatus, proof);
    }

    /** The return delivery's id: {@code related_deliveries} is one object in the OpenAPI, an array in other copies. */
    static Optional<String> returnLeg(JsonNode delivery) {
        JsonNode related = CarrierJson.field(delivery, "related_deliveries");
        List<JsonNode> all = new ArrayList<>();
        if (related != null && related.isArray()) {
            related.forEach(all::add);
        } else if (related != null) {
            all.add(related);
        }
        return all.stream()
                .filter(r -> {
                    String relationship = CarrierJson.text(r, "relationship");
                    return relationship != null && relationship.toLowerCase(Locale.ROOT).startsWith("return");
                })
                .map(r -> CarrierJson.text(r, "id"))
                .filter(id -> id != null)
                .findFirst();
    }

    /** When Uber last changed the delivery: {@code updated}, else {@code created}, else now. */
    static Instant updatedAt(JsonNode delivery, Instant now) {
        for (String field : new String[] {"updated", "created"}) {
            Instant t = instant(CarrierJson.text(delivery, field));
            if (t != null) {
                return t;
            }
        }
        return now;
    }

    /** An RFC 3339 time with any fraction length ({@code 2023-08-02T14:18:21.6Z}); null when unreadable. */
    static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * A 2xx we cannot read (a proxy's HTML page, a truncated body). For a call that changes Uber's state the change
     * may have happened, so the outcome is unknown.
     */
    static <T> CarrierResult<T> unreadable(String carrierId, int status, String what, boolean mayHaveTakenEffect) {
        return CarrierResult.transientFailure(new CarrierError(carrierId, Category.PROTOCOL, null, null, status,
                "Uber answered HTTP " + status + " with " + what), mayHaveTakenEffect);
    }
}
