package com.carriergateway.adapter.examplecourier;

import com.carriergateway.adapter.CarrierStatusMap;
import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.auth.AccessToken;
import com.carriergateway.adapter.json.CarrierJson;
import com.carriergateway.adapter.model.CancelOutcome;
import com.carriergateway.adapter.model.CarrierOrder;
import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.StatusUpdate;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Example Courier's 2xx answers to canonical values, no I/O. Each returns a success, with warnings for what it had
 * to guess, or a PROTOCOL failure when the answer cannot be read; none throws.
 *
 * <p>TODO(carrier): the carrier's delivery object: where its id, tracking number and status are, which time says when
 * the status changed.
 */
final class ExampleCourierResponses {

    /** When the token answer gives no lifetime: short, so a wrong guess costs one extra token call. */
    static final long DEFAULT_TOKEN_SECONDS = 300;

    private ExampleCourierResponses() {
    }

    /** An OAuth token answer ({@code access_token}, {@code expires_in}); expiry counts from when we asked. */
    static Optional<AccessToken> accessToken(String body, Instant askedAt) {
        JsonNode root = CarrierJson.read(body).filter(JsonNode::isObject).orElse(null);
        String token = CarrierJson.text(root, "access_token");
        String type = CarrierJson.text(root, "token_type");
        if (token == null || (type != null && !type.equalsIgnoreCase("bearer"))) {
            return Optional.empty();
        }
        String expiresIn = CarrierJson.id(root, "expires_in");
        long seconds = expiresIn != null && expiresIn.length() <= 9 ? Long.parseLong(expiresIn) : DEFAULT_TOKEN_SECONDS;
        return Optional.of(new AccessToken(token, askedAt.plusSeconds(seconds)));
    }

    /** A delivery (create, get) as the canonical order. */
    static CarrierResult<CarrierOrder> delivery(String carrierId, int status, String body, CarrierStatusMap map,
                                               Instant now, boolean mayHaveTakenEffect) {
        JsonNode root = CarrierJson.read(body).filter(JsonNode::isObject).orElse(null);
        if (CarrierJson.text(root, "id") == null) {
            return unreadable(carrierId, status, "a delivery without an id", mayHaveTakenEffect);
        }
        List<String> warnings = new ArrayList<>();
        return new CarrierResult.Success<>(order(root, map, now, warnings), warnings);
    }

    /**
     * A search by reference ({@code {"deliveries": [...]}}). Only a delivery carrying exactly {@code orderKey} counts:
     * deliveries that all carry other references mean the carrier ignored the filter, and calling that "not found"
     * could make the gateway book the order twice, so it is a PROTOCOL failure instead.
     */
    static CarrierResult<Optional<CarrierOrder>> found(String carrierId, int status, String body, String orderKey,
                                                     CarrierStatusMap map, Instant now) {
        JsonNode list = CarrierJson.field(CarrierJson.read(body).orElse(null), "deliveries");
        if (list == null || !list.isArray()) {
            return unreadable(carrierId, status, "a search answer without a list of deliveries", false);
        }
        List<JsonNode> matches = new ArrayList<>();
        list.forEach(d -> {
            if (orderKey.equals(CarrierJson.text(d, "reference")) && CarrierJson.text(d, "id") != null) {
                matches.add(d);
            }
        });
        if (matches.isEmpty() && !list.isEmpty()) {
            return CarrierResult.permanentFailure(new CarrierError(carrierId, Category.PROTOCOL, null, null, status,
                    "Example Courier's search returned " + list.size() + " deliveries, none with our reference"));
        }
        if (matches.isEmpty()) {
            return CarrierResult.success(Optional.empty());
        }
        List<String> warnings = new ArrayList<>();
        if (matches.size() > 1) {
            warnings.add(matches.size() + " deliveries carry reference " + orderKey + "; using the first listed");
        }
        return new CarrierResult.Success<>(Optional.of(order(matches.get(0), map, now, warnings)), warnings);
    }

    /** A delivery's status. */
    static CarrierResult<StatusUpdate> status(String carrierId, int status, String body, CarrierStatusMap map,
                                             Instant now) {
        return delivery(carrierId, status, body, map, now, false).map(CarrierOrder::status);
    }

    /** A cancel answer: the delivery, cancelled. Whatever status it shows, a 2xx means the carrier accepted. */
    static CarrierResult<CancelOutcome> cancelled(String carrierId, int status, String body, Instant now) {
        JsonNode root = CarrierJson.read(body).filter(JsonNode::isObject).orElse(null);
        if (root == null) {
            return unreadable(carrierId, status, "a cancel answer that is not a JSON object", true);
        }
        String code = CarrierJson.text(root, "status");
        return CarrierResult.success(new CancelOutcome(new StatusUpdate(DeliveryStatus.CANCELLED, null,
                time(CarrierJson.text(root, "updated_at"), now), code == null ? "cancelled" : code, null), null));
    }

    /**
     * The tracking id is the carrier's tracking number, else its delivery id (BestRx needs one). An unknown status
     * reads as CREATED, the lowest stage, which never moves an order backwards, with a warning.
     */
    private static CarrierOrder order(JsonNode d, CarrierStatusMap map, Instant now, List<String> warnings) {
        String id = CarrierJson.text(d, "id");
        String tracking = CarrierJson.text(d, "tracking_number");
        return new CarrierOrder(id, tracking == null ? id : tracking, CarrierJson.text(d, "tracking_url"), null, null,
                statusUpdate(d, map, now, warnings));
    }

    static StatusUpdate statusUpdate(JsonNode d, CarrierStatusMap map, Instant now, List<String> warnings) {
        String code = CarrierJson.text(d, "status");
        DeliveryStatus mapped = map.lookup(code).orElse(null);
        if (mapped == null) {
            warnings.add("unmapped Example Courier status " + code + " read as no change (CREATED)");
        }
        return new StatusUpdate(mapped == null ? DeliveryStatus.CREATED : mapped,
                CarrierJson.text(d, "status_reason"), time(CarrierJson.text(d, "updated_at"), now), code, null);
    }

    /** An ISO 8601 time with an offset; {@code fallback} when absent or unreadable. */
    static Instant time(String text, Instant fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    /** A 2xx we cannot read (a proxy's page, a truncated body): for a write, the change may have happened. */
    static <T> CarrierResult<T> unreadable(String carrierId, int status, String what, boolean mayHaveTakenEffect) {
        return CarrierResult.transientFailure(new CarrierError(carrierId, Category.PROTOCOL, null, null, status,
                "Example Courier answered HTTP " + status + " with " + what), mayHaveTakenEffect);
    }
}
