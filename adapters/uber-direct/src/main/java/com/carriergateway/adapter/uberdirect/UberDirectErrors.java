package com.carriergateway.adapter.uberdirect;

import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.json.CarrierJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Uber Direct error answers into typed outcomes. Uber's body is {@code {code, message, kind, metadata}}; every
 * code its OpenAPI documents ({@code components.examples}) has a row in {@link #CODES}, and the code decides, not the
 * HTTP status alone, because Uber files some codes under surprising statuses ({@code request_timeout} under 400 on
 * create, {@code customer_limited} under 400 and 429). Only a code Uber does not document falls back on the status.
 *
 * <p>Uber's code and message are kept. {@code metadata} is read for its field names only: its values can repeat
 * what was sent (an address, a phone number), which is patient data.
 */
final class UberDirectErrors {

    /** Which kind of call answered: a write whose outcome is unclear must be looked up before it is sent again. */
    enum Call {
        CREATE("create delivery", true),
        GET("get delivery", false),
        LIST("list deliveries", false),
        CANCEL("cancel delivery", true);

        final String description;
        final boolean writes;

        Call(String description, boolean writes) {
            this.description = description;
            this.writes = writes;
        }
    }

    /** What an error answer means for the adapter. */
    enum Kind {
        /** Create: an active delivery with this order's references exists; {@code metadata.delivery_id} names it. */
        DUPLICATE_DELIVERY,
        /** A business refusal the pharmacy can act on (Uber will not cancel this delivery). */
        REFUSED,
        PERMANENT,
        TRANSIENT
    }

    /** One documented code: what it means and whether trying again later can help. */
    record Rule(Kind kind, Category category, boolean mayHaveTakenEffect, String meaning) {
    }

    /** Uber's error body as read: code, message, the names of the {@code metadata} fields, and a duplicate's id. */
    record UberError(String code, String message, List<String> metadataFields, String deliveryId) {
        static final UberError NONE = new UberError(null, null, List.of(), null);
    }

    /**
     * A classified error answer. Kinds the calling operation does not handle specially fall back to
     * {@link #toResult()}.
     */
    record Failure(Kind kind, CarrierError error, boolean outcomeUnknown, String deliveryId) {

        <T> CarrierResult<T> toResult() {
            return switch (kind) {
                case REFUSED, DUPLICATE_DELIVERY -> CarrierResult.refused(error);
                case TRANSIENT -> CarrierResult.transientFailure(error, outcomeUnknown);
                case PERMANENT -> CarrierResult.permanentFailure(error);
            };
        }
    }

    private static final String WINDOW = "the delivery window was refused: check the requested delivery date and "
            + "scheduled-window-start/-end";
    private static final String QUOTE = "a quote error, although this adapter sends no quote_id";
    private static final String TIP = "a tip error, although this adapter sends no tip";

    /** Every code in Uber's OpenAPI {@code components.examples}, with the adapter's reading of it. */
    static final Map<String, Rule> CODES = codes();

    private UberDirectErrors() {
    }

    private static Map<String, Rule> codes() {
        Map<String, Rule> m = new LinkedHashMap<>();
        m.put("invalid_params", permanent(Category.VALIDATION, "Uber rejected the request's fields"));
        m.put("address_undeliverable", permanent(Category.UNDELIVERABLE_ADDRESS,
                "the address is outside Uber's delivery area"));
        m.put("unknown_location", permanent(Category.UNDELIVERABLE_ADDRESS, "Uber could not locate the address"));
        m.put("address_undeliverable_limited_couriers", transientRule(Category.UNAVAILABLE, false,
                "no courier can reach the address at the moment; try later or another carrier"));
        for (String window : List.of("pickup_window_too_small", "dropoff_deadline_too_early",
                "dropoff_deadline_before_pickup_deadline", "dropoff_ready_after_pickup_deadline",
                "pickup_ready_too_early", "pickup_deadline_too_early", "pickup_ready_too_late")) {
            m.put(window, permanent(Category.VALIDATION, WINDOW));
        }
        m.put("expired_quote", permanent(Category.VALIDATION, QUOTE));
        m.put("used_quote", permanent(Category.VALIDATION, QUOTE));
        m.put("mismatched_price_quote", permanent(Category.VALIDATION, QUOTE));
        m.put("not_allowed", permanent(Category.VALIDATION, "Uber does not allow this request"));
        m.put("missing_payment", permanent(Category.AUTHENTICATION,
                "Uber account problem: the organisation has no billing policy; an operator must set up billing"));
        m.put("customer_suspended", permanent(Category.AUTHENTICATION,
                "Uber account problem: the account is suspended until an overdue payment is made"));
        m.put("customer_blocked", permanent(Category.AUTHENTICATION,
                "Uber account problem: the account may not create deliveries"));
        m.put("customer_not_found", permanent(Category.AUTHENTICATION,
                "Uber account problem: Uber knows no such customer; check customer-id"));
        m.put("noncancelable_delivery", new Rule(Kind.REFUSED, Category.CONFLICT, false,
                "Uber will not cancel this delivery any more"));
        for (String tip : List.of("max_tip_exceeded", "tip_already_recorded_error", "no_tip",
                "invalid_tipping_state")) {
            m.put(tip, permanent(Category.VALIDATION, TIP));
        }
        m.put("unauthorized", permanent(Category.AUTHENTICATION,
                "Uber refused the access token even after a fresh one"));
        m.put("delivery_not_found", permanent(Category.NOT_FOUND, "Uber holds no such delivery"));
        m.put("request_timeout", transientRule(Category.TIMEOUT, true, "Uber timed out handling the request"));
        m.put("duplicate_delivery", new Rule(Kind.DUPLICATE_DELIVERY, Category.CONFLICT, false,
                "Uber already holds an active delivery for this order"));
        m.put("customer_limited", transientRule(Category.RATE_LIMITED, false,
                "the account's request limit is exceeded; slow down"));
        m.put("internal_server_error", transientRule(Category.UNAVAILABLE, true, "Uber failed internally"));
        m.put("unknown_error", transientRule(Category.UNAVAILABLE, true, "Uber failed internally"));
        m.put("couriers_busy", transientRule(Category.UNAVAILABLE, false,
                "all couriers are busy; try later or another carrier"));
        m.put("robo_couriers_busy", transientRule(Category.UNAVAILABLE, false,
                "all simulated (robo) couriers are busy; try later"));
        m.put("service_unavailable", transientRule(Category.UNAVAILABLE, false, "Uber's service is unavailable"));
        return Map.copyOf(m);
    }

    /** Uber's error body; {@link UberError#NONE} when the body is not JSON (a proxy's page is not worth keeping). */
    static UberError parse(String body) {
        JsonNode root = CarrierJson.read(body).filter(JsonNode::isObject).orElse(null);
        if (root == null) {
            return UberError.NONE;
        }
        JsonNode metadata = CarrierJson.field(root, "metadata");
        List<String> fields = new ArrayList<>();
        if (metadata != null && metadata.isObject()) {
            metadata.fieldNames().forEachRemaining(fields::add);
        }
        // OAuth-style {error, error_description}: what Uber's token endpoint is believed to send.
        return new UberError(CarrierJson.text(root, "code", "error"),
                CarrierJson.text(root, "message", "error_description"), List.copyOf(fields),
                CarrierJson.text(metadata, "delivery_id"));
    }

    /**
     * Classifies a non-2xx answer of the Direct API (after {@code AuthorizedHttp}'s one refresh on 401).
     *
     * @param retryAfter the answer's {@code Retry-After}, honoured on transient failures (Uber documents none)
     */
    static Failure classify(String carrierId, Call call, int status, String body, Duration retryAfter) {
        UberError e = parse(body);
        Rule rule = e.code() == null ? null : CODES.get(e.code().trim().toLowerCase(Locale.ROOT));
        if (rule == null) {
            rule = byStatus(status);
        }
        StringBuilder detail = new StringBuilder("Uber answered HTTP ").append(status).append(" to ")
                .append(call.description).append(": ").append(rule.meaning());
        if (!e.metadataFields().isEmpty()) {
            detail.append("; metadata fields: ").append(String.join(", ", e.metadataFields()));
        }
        boolean unknown = rule.kind() == Kind.TRANSIENT && call.writes && rule.mayHaveTakenEffect();
        if (unknown) {
            detail.append("; it may have taken effect");
        }
        CarrierError error = new CarrierError(carrierId, rule.category(), e.code(), e.message(), status,
                detail.toString());
        if (rule.kind() == Kind.TRANSIENT && retryAfter != null) {
            error = error.withRetryAfter(retryAfter);
        }
        return new Failure(rule.kind(), error, unknown, e.deliveryId());
    }

    /** For a code Uber does not document: what its HTTP status usually means. */
    static Rule byStatus(int status) {
        if (status == 401 || status == 402 || status == 403) {
            return permanent(Category.AUTHENTICATION, "Uber refused the account or its token");
        }
        if (status == 404) {
            return permanent(Category.NOT_FOUND, "Uber found nothing at this address");
        }
        if (status == 408) {
            return transientRule(Category.TIMEOUT, true, "Uber timed out handling the request");
        }
        if (status == 409) {
            return new Rule(Kind.REFUSED, Category.CONFLICT, false, "Uber refused the request in its current state");
        }
        if (status == 429) {
            return transientRule(Category.RATE_LIMITED, false, "Uber asked us to slow down");
        }
        if (status == 503) {
            return transientRule(Category.UNAVAILABLE, false, "Uber's service is unavailable");
        }
        if (status >= 500) {
            return transientRule(Category.UNAVAILABLE, true, "Uber failed");
        }
        if (status >= 400) {
            return permanent(Category.VALIDATION, "Uber rejected the request");
        }
        return permanent(Category.PROTOCOL, "Uber answered with an unexpected status");
    }

    /**
     * {@code Retry-After} as delta-seconds or an HTTP date (RFC 9110), null when absent, unreadable or already past.
     */
    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String v = header.trim();
        if (v.matches("[0-9]{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        try {
            Duration wait = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant());
            return wait.isNegative() ? null : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Rule permanent(Category category, String meaning) {
        return new Rule(Kind.PERMANENT, category, false, meaning);
    }

    private static Rule transientRule(Category category, boolean mayHaveTakenEffect, String meaning) {
        return new Rule(Kind.TRANSIENT, category, mayHaveTakenEffect, meaning);
    }
}
