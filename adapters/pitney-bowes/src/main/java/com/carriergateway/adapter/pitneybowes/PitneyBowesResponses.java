package com.carriergateway.adapter.pitneybowes;

import com.carriergateway.adapter.CarrierStatusMap;
import com.carriergateway.adapter.json.CarrierJson;
import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.auth.AccessToken;
import com.carriergateway.adapter.model.Address;
import com.carriergateway.adapter.model.AddressCheck;
import com.carriergateway.adapter.model.CancelOutcome;
import com.carriergateway.adapter.model.CarrierOrder;
import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.StatusUpdate;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PB 2xx answers to canonical values, no I/O. Each function returns a success, with warnings for what it had to
 * guess, or a PROTOCOL failure when the answer cannot be read; none throws.
 */
final class PitneyBowesResponses {

    /** PB address statuses meaning "the address is right as sent". */
    static final Set<String> UNCHANGED_ADDRESS_STATUSES = Set.of("VALIDATED_AND_NOT_CHANGED", "NOT_CHANGED");

    private PitneyBowesResponses() {
    }

    /**
     * An OAuth token answer. {@code expiresIn} comes as a string or a number ({@code expires_in} tolerated).
     * Expiry counts from {@code askedAt}, on our clock: never later than PB's {@code issuedAt}, and immune to
     * clock skew. It is capped at {@code maxAge} (PB's workflow page says regenerate every 8 hours).
     */
    static Optional<AccessToken> accessToken(String body, Instant askedAt, Duration maxAge) {
        JsonNode root = CarrierJson.read(body).filter(JsonNode::isObject).orElse(null);
        String token = CarrierJson.text(root, "access_token", "accessToken");
        if (token == null) {
            return Optional.empty();
        }
        Duration lifetime = maxAge;
        String expiresIn = CarrierJson.text(root, "expiresIn", "expires_in");
        if (expiresIn != null) {
            try {
                long seconds = (long) Double.parseDouble(expiresIn);
                if (seconds > 0 && Duration.ofSeconds(seconds).compareTo(maxAge) < 0) {
                    lifetime = Duration.ofSeconds(seconds);
                }
            } catch (NumberFormatException e) {
                // Unreadable lifetime: fall back to the cap; a 401 will still trigger one refresh.
            }
        }
        return Optional.of(new AccessToken(token, askedAt.plus(lifetime)));
    }

    /** A PB order object (Create, Find) as the canonical {@link CarrierOrder}. */
    static CarrierResult<CarrierOrder> order(String carrierId, int status, String body, PitneyBowesSettings s,
                                            Instant now, boolean mutating) {
        JsonNode root = CarrierJson.read(body).filter(JsonNode::isObject).orElse(null);
        if (root == null || CarrierJson.text(root, "orderId") == null) {
            return unreadable(carrierId, status, "an order without orderId", mutating);
        }
        List<String> warnings = new ArrayList<>();
        CarrierOrder order = carrierOrder(root, s, now, warnings);
        return new CarrierResult.Success<>(order, warnings);
    }

    /**
     * A Find Orders page. PB's page shape is unconfirmed, so {@code content}, {@code orders}, {@code items} and a
     * bare array are all read. Only an order carrying exactly {@code orderKey} counts: if PB returns orders but none
     * with our key, the search field was probably ignored, and "not found" would be a guess that could lead to a
     * duplicate create, so that is a PROTOCOL failure instead.
     */
    static CarrierResult<Optional<CarrierOrder>> foundOrder(String carrierId, int status, String body, String orderKey,
                                                          PitneyBowesSettings s, Instant now) {
        JsonNode root = CarrierJson.read(body).orElse(null);
        JsonNode items = root == null ? null
                : root.isArray() ? root
                : firstArray(root, "content", "orders", "items", "data");
        if (items == null) {
            return unreadable(carrierId, status, "a search result without a list of orders", false);
        }
        if (items.isEmpty()) {
            return CarrierResult.success(Optional.empty());
        }
        List<String> warnings = new ArrayList<>();
        List<JsonNode> matches = new ArrayList<>();
        items.forEach(item -> {
            if (orderKey.equals(CarrierJson.text(item, "clientOrderId")) && CarrierJson.text(item, "orderId") != null) {
                matches.add(item);
            }
        });
        if (matches.isEmpty()) {
            return CarrierResult.permanentFailure(new CarrierError(carrierId, Category.PROTOCOL, null, null, status,
                    "PB search returned " + items.size() + " order(s) but none with this clientOrderId; check "
                            + "find-search-field ("  + s.findSearchField() + ")"));
        }
        if (matches.size() > 1) {
            warnings.add("PB holds " + matches.size() + " orders with this clientOrderId; using the newest listed first");
        }
        CarrierOrder order = carrierOrder(matches.get(0), s, now, warnings);
        return new CarrierResult.Success<>(Optional.of(order), warnings);
    }

    /**
     * A Get Order Status answer. An unknown PB status cannot move the order, so it reads as CREATED (the lowest
     * stage, which a monotonic status history never steps back to) with PB's word kept and a warning.
     */
    static CarrierResult<StatusUpdate> status(String carrierId, int status, String body, CarrierStatusMap map,
                                             Instant now) {
        JsonNode root = CarrierJson.read(body).filter(JsonNode::isObject).orElse(null);
        if (root == null) {
            return unreadable(carrierId, status, "an order status that is not a JSON object", false);
        }
        List<String> warnings = new ArrayList<>();
        StatusUpdate update = statusUpdate(root, map, now, warnings);
        return new CarrierResult.Success<>(update, warnings);
    }

    /** A Cancel an Order answer: PB returns the order, documented with {@code status: CANCELLED}. */
    static CarrierResult<CancelOutcome> cancelled(String carrierId, int status, String body, CarrierStatusMap map,
                                                 Instant now) {
        JsonNode root = CarrierJson.read(body).filter(JsonNode::isObject).orElse(null);
        if (root == null) {
            return unreadable(carrierId, status, "a cancel answer that is not a JSON object", true);
        }
        List<String> warnings = new ArrayList<>();
        String pbStatus = CarrierJson.text(root, "status");
        if (pbStatus != null && map.lookup(pbStatus).orElse(null) != DeliveryStatus.CANCELLED) {
            // PB accepted the cancel (2xx); its status word is kept for operators.
            warnings.add("PB accepted the cancel but reports status " + pbStatus);
        }
        StatusUpdate update = new StatusUpdate(DeliveryStatus.CANCELLED, null, pbTime(root, now),
                pbStatus == null ? "CANCELLED" : pbStatus, null);
        return new CarrierResult.Success<>(new CancelOutcome(update, null), warnings);
    }

    /**
     * A Validate an Address answer: the cleansed address, deliverable as given only when PB changed nothing.
     */
    static CarrierResult<AddressCheck> verifiedAddress(String carrierId, int status, String body) {
        JsonNode root = CarrierJson.read(body).filter(JsonNode::isObject).orElse(null);
        if (root == null || !hasAddressLines(root)) {
            return unreadable(carrierId, status, "a validated address without addressLines", false);
        }
        String pbStatus = CarrierJson.text(root, "status");
        boolean unchanged = pbStatus != null && UNCHANGED_ADDRESS_STATUSES.contains(pbStatus.toUpperCase());
        return CarrierResult.success(new AddressCheck(unchanged, List.of(address(root))));
    }

    /**
     * A Suggest Addresses answer: {@code suggestions.address[]}, omitted by PB when it has none. Suggestions are not
     * validated by PB, so the address is never deliverable as given here.
     */
    static CarrierResult<AddressCheck> suggestedAddresses(String carrierId, int status, String body) {
        JsonNode root = CarrierJson.read(body).filter(JsonNode::isObject).orElse(null);
        if (root == null) {
            return unreadable(carrierId, status, "address suggestions that are not a JSON object", false);
        }
        List<Address> suggestions = new ArrayList<>();
        JsonNode node = CarrierJson.field(root, "suggestions");
        JsonNode list = node == null ? null : node.isArray() ? node : CarrierJson.field(node, "address");
        if (list != null && list.isObject()) {
            addSuggestion(suggestions, list);
        } else if (list != null && list.isArray()) {
            list.forEach(a -> addSuggestion(suggestions, CarrierJson.field(a, "address") != null
                    && CarrierJson.field(a, "address").isObject() ? CarrierJson.field(a, "address") : a));
        }
        return CarrierResult.success(new AddressCheck(false, suggestions));
    }

    /**
     * A PB Address as canonical: the last address line is the street line (PB's USPS convention), the lines
     * before it form line2. A numeric US postal code gets its leading zeros back.
     */
    static Address address(JsonNode pb) {
        List<String> lines = new ArrayList<>();
        JsonNode arr = CarrierJson.field(pb, "addressLines");
        if (arr != null && arr.isArray()) {
            arr.forEach(l -> {
                if (l.isValueNode() && !l.asText().isBlank()) {
                    lines.add(l.asText().trim());
                }
            });
        }
        String line1 = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        String line2 = lines.size() <= 1 ? "" : String.join(" ", lines.subList(0, lines.size() - 1));
        String country = CarrierJson.text(pb, "countryCode");
        JsonNode zip = CarrierJson.field(pb, "postalCode");
        String postalCode = zip == null ? null : zip.asText().trim();
        if (zip != null && zip.isIntegralNumber() && ("US".equalsIgnoreCase(country) || country == null)) {
            postalCode = String.format("%05d", zip.asLong());
        }
        return new Address(line1, line2, CarrierJson.text(pb, "cityTown"), CarrierJson.text(pb, "stateProvince"),
                postalCode, country == null ? "US" : country);
    }

    /**
     * A PB order object as a {@link CarrierOrder}. PB issues no label or manifest in Fulfillment. The tracking id is
     * PB's tracking number once one exists, else PB's orderId (BestRx needs some id); a tracking URL is only built
     * for a real tracking number.
     */
    private static CarrierOrder carrierOrder(JsonNode o, PitneyBowesSettings s, Instant now, List<String> warnings) {
        String orderId = CarrierJson.text(o, "orderId");
        String trackingNumber = CarrierJson.text(CarrierJson.field(o, "inputShippingDetails"), "trackingNumber");
        if (trackingNumber == null) {
            trackingNumber = CarrierJson.text(CarrierJson.field(o, "actualShippingDetails"), "trackingNumber");
        }
        String trackingUrl = trackingNumber == null || s.trackingUrlTemplate() == null ? null
                : s.trackingUrlTemplate().replace(PitneyBowesSettings.TRACKING_ID_PLACEHOLDER,
                        URLEncoder.encode(trackingNumber, StandardCharsets.UTF_8));
        holdReasons(o).ifPresent(reasons ->
                // PB accepted the order but ships nothing until someone releases it: the pharmacy hears it now,
                // not when a status poll finds the order has not moved
                warnings.add("PB accepted the order and put it on hold" + (reasons.isEmpty() ? "" : ": " + reasons)));
        return new CarrierOrder(orderId, trackingNumber == null ? orderId : trackingNumber, trackingUrl, null, null,
                statusUpdate(o, s.statusMap(), now, warnings));
    }

    /** PB's hold reasons, comma separated (empty when PB gives none), or nothing when the order is not on hold. */
    private static Optional<String> holdReasons(JsonNode o) {
        JsonNode onHold = CarrierJson.field(o, "isOnHold");
        if (onHold == null || !onHold.asBoolean(false)) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        JsonNode hold = CarrierJson.field(o, "holdReason");
        if (hold != null && hold.isArray()) {
            hold.forEach(r -> reasons.add(r.asText()));
        }
        return Optional.of(String.join(", ", reasons));
    }

    private static StatusUpdate statusUpdate(JsonNode o, CarrierStatusMap map, Instant now, List<String> warnings) {
        String pbStatus = CarrierJson.text(o, "status");
        DeliveryStatus mapped = map.lookup(pbStatus).orElse(null);
        if (mapped == null && pbStatus != null) {
            warnings.add("unmapped PB order status " + pbStatus + " read as no change (CREATED)");
        }
        String reason = holdReasons(o).map(r -> r.isEmpty() ? "on hold at PB" : "on hold at PB: " + r).orElse(null);
        return new StatusUpdate(mapped == null ? DeliveryStatus.CREATED : mapped, reason, pbTime(o, now),
                pbStatus, null);
    }

    /** When PB last changed the order: {@code pbUpdateDate}, else {@code pbCreateDate}, else now. */
    private static Instant pbTime(JsonNode o, Instant now) {
        for (String field : new String[] {"pbUpdateDate", "pbCreateDate"}) {
            Instant t = instant(CarrierJson.text(o, field));
            if (t != null) {
                return t;
            }
        }
        return now;
    }

    /** An ISO 8601 time as PB writes it: with Z, with an offset, or without a zone (read as UTC). */
    static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static void addSuggestion(List<Address> out, JsonNode a) {
        if (a != null && a.isObject() && hasAddressLines(a)) {
            out.add(address(a));
        }
    }

    private static boolean hasAddressLines(JsonNode node) {
        JsonNode lines = CarrierJson.field(node, "addressLines");
        return lines != null && lines.isArray() && !lines.isEmpty();
    }

    private static JsonNode firstArray(JsonNode root, String... names) {
        for (String n : names) {
            JsonNode v = CarrierJson.field(root, n);
            if (v != null && v.isArray()) {
                return v;
            }
        }
        return null;
    }

    /**
     * A 2xx we cannot read (a proxy's HTML page, a truncated body). For a call that changes PB's state the change
     * may have happened, so the outcome is unknown.
     */
    static <T> CarrierResult<T> unreadable(String carrierId, int status, String what, boolean mayHaveTakenEffect) {
        return CarrierResult.transientFailure(new CarrierError(carrierId, Category.PROTOCOL, null, null, status,
                "PB answered HTTP " + status + " with " + what), mayHaveTakenEffect);
    }
}
