package com.carriergateway.adapter.pitneybowes;

import com.carriergateway.adapter.json.CarrierJson;
import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads PB error answers into typed outcomes. PB uses four body shapes (the unified {@code errors[]} object
 * and three legacy ones) and does not say which the Fulfillment API sends, so all are read, and the HTTP status
 * decides when the body says nothing useful. PB's code and text are always kept.
 *
 * <p>PB's Fulfillment error codes (the 80-prefix group) are unpublished; which codes mean "refused", "already
 * cancelled", "duplicate order" or "address not verified" is configuration ({@link Codes}).
 */
final class PitneyBowesErrors {

    /** Codes PB documents for a bad or expired token, whatever HTTP status carries them. */
    static final Set<String> AUTHENTICATION_CODES = Set.of("1000032", "1000033");

    private PitneyBowesErrors() {
    }

    /** One error as PB reported it. {@code parameters} name the offending fields. */
    record PbError(String code, String message, List<String> parameters) {
    }

    /** Which PB error codes carry a meaning beyond their HTTP status. Compared ignoring case. */
    record Codes(Set<String> refusal, Set<String> alreadyCancelled, Set<String> duplicateOrder,
                 Set<String> addressNotVerified) {

        Codes {
            refusal = lower(refusal);
            alreadyCancelled = lower(alreadyCancelled);
            duplicateOrder = lower(duplicateOrder);
            addressNotVerified = lower(addressNotVerified);
        }

        private static Set<String> lower(Set<String> codes) {
            return codes.stream().map(c -> c.trim().toLowerCase(Locale.ROOT)).filter(c -> !c.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
        }
    }

    /** What an error answer means for the adapter. */
    enum Kind {
        /** A business refusal: the order's state forbids the request (e.g. already shipped). */
        REFUSED,
        /** Cancel asked for an order PB already cancelled: the wanted state holds. */
        ALREADY_CANCELLED,
        /** Create sent a clientOrderId PB already holds. */
        DUPLICATE_ORDER,
        /** PB could not verify the address. */
        ADDRESS_NOT_VERIFIED,
        PERMANENT,
        TRANSIENT
    }

    /**
     * A classified error answer. Kinds the calling operation does not handle specially fall back to
     * {@link #toResult()}.
     */
    record Failure(Kind kind, CarrierError error, boolean outcomeUnknown) {

        <T> CarrierResult<T> toResult() {
            return switch (kind) {
                case REFUSED, ALREADY_CANCELLED, DUPLICATE_ORDER -> CarrierResult.refused(error);
                case TRANSIENT -> CarrierResult.transientFailure(error, outcomeUnknown);
                case ADDRESS_NOT_VERIFIED, PERMANENT -> CarrierResult.permanentFailure(error);
            };
        }
    }

    /** Every error in the body, whatever its shape; empty when the body holds none we can read. */
    static List<PbError> parse(String body) {
        JsonNode root = CarrierJson.read(body).orElse(null);
        List<PbError> out = new ArrayList<>();
        if (root == null) {
            return out;
        }
        if (root.isArray()) {
            // Legacy format 1 ({errorCode, message, ...}) and format 3 ({key, message}).
            root.forEach(e -> addError(out, e));
        } else if (root.isObject()) {
            JsonNode errors = CarrierJson.field(root, "errors");
            if (errors != null && errors.isArray()) {
                // The unified object and legacy format 2 ({status: "ERROR", errors: [...]}).
                errors.forEach(e -> addError(out, e));
            } else if (errors != null && errors.isObject()) {
                addError(out, errors);
            } else {
                // A single error object, or an OAuth-style {error, error_description}.
                addError(out, root);
            }
        }
        return out;
    }

    private static void addError(List<PbError> out, JsonNode e) {
        if (e == null || !e.isObject()) {
            return;
        }
        String code = CarrierJson.text(e, "errorCode", "key", "code", "error");
        String message = CarrierJson.text(e, "errorDescription", "message", "userMessage", "error_description",
                "additionalInfo");
        if (code == null && message == null) {
            return;
        }
        List<String> parameters = new ArrayList<>();
        JsonNode p = CarrierJson.field(e, "parameters");
        if (p != null && p.isArray()) {
            p.forEach(v -> {
                if (v.isValueNode() && !v.asText().isBlank()) {
                    parameters.add(v.asText());
                }
            });
        }
        out.add(new PbError(code, message, List.copyOf(parameters)));
    }

    /**
     * Classifies a non-2xx answer from a PB API call.
     *
     * @param mutating whether the call may change PB's state (create, cancel): a 500 then leaves the outcome unknown
     * @param context what was called and its X-PB-TransactionId, for operators
     */
    static Failure classify(String carrierId, Codes codes, int status, String body, boolean mutating, String context) {
        List<PbError> errors = parse(body);
        if (status >= 400 && status < 500) {
            Failure special = bySpecialCode(carrierId, codes, status, errors, context);
            if (special != null) {
                return special;
            }
        }
        PbError first = errors.isEmpty() ? null : errors.get(0);
        if (status == 401 || status == 403
                || (status >= 400 && status < 500 && first != null && isIn(AUTHENTICATION_CODES, first.code()))) {
            return permanent(carrierId, Category.AUTHENTICATION, status, first, errors, context);
        }
        if (status == 404) {
            return permanent(carrierId, Category.NOT_FOUND, status, first, errors, context);
        }
        if (status == 409) {
            return new Failure(Kind.REFUSED, error(carrierId, Category.CONFLICT, status, first, errors, context), false);
        }
        if (status == 408) {
            return new Failure(Kind.TRANSIENT, error(carrierId, Category.TIMEOUT, status, first, errors, context),
                    mutating);
        }
        if (status == 429) {
            return new Failure(Kind.TRANSIENT,
                    error(carrierId, Category.RATE_LIMITED, status, first, errors, context), false);
        }
        if (status >= 400 && status < 500) {
            return permanent(carrierId, Category.VALIDATION, status, first, errors, context);
        }
        if (status >= 500) {
            // 503 is PB's "unavailable, try again": nothing was done. Any other 5xx may follow a partial effect.
            return new Failure(Kind.TRANSIENT, error(carrierId, Category.UNAVAILABLE, status, first, errors, context),
                    mutating && status != 503);
        }
        return permanent(carrierId, Category.PROTOCOL, status, first, errors, context);
    }

    /**
     * Classifies a non-2xx answer from the OAuth token endpoint. Rejected credentials are permanent; the token
     * request never touches an order, so no outcome is ever unknown.
     */
    static Failure classifyToken(String carrierId, int status, String body, String context) {
        List<PbError> errors = parse(body);
        PbError first = errors.isEmpty() ? null : errors.get(0);
        if (status == 429) {
            return new Failure(Kind.TRANSIENT, error(carrierId, Category.RATE_LIMITED, status, first, errors, context),
                    false);
        }
        if (status >= 500 || status == 408) {
            return new Failure(Kind.TRANSIENT, error(carrierId, Category.UNAVAILABLE, status, first, errors, context),
                    false);
        }
        return permanent(carrierId, Category.AUTHENTICATION, status, first, errors, context);
    }

    private static Failure bySpecialCode(String carrierId, Codes codes, int status, List<PbError> errors,
                                         String context) {
        for (PbError e : errors) {
            if (isIn(codes.alreadyCancelled(), e.code())) {
                return new Failure(Kind.ALREADY_CANCELLED,
                        error(carrierId, Category.CONFLICT, status, e, errors, context), false);
            }
            if (isIn(codes.refusal(), e.code())) {
                return new Failure(Kind.REFUSED, error(carrierId, Category.CONFLICT, status, e, errors, context),
                        false);
            }
            if (isIn(codes.duplicateOrder(), e.code())) {
                return new Failure(Kind.DUPLICATE_ORDER,
                        error(carrierId, Category.CONFLICT, status, e, errors, context), false);
            }
            if (isIn(codes.addressNotVerified(), e.code())) {
                return new Failure(Kind.ADDRESS_NOT_VERIFIED,
                        error(carrierId, Category.UNDELIVERABLE_ADDRESS, status, e, errors, context), false);
            }
        }
        return null;
    }

    private static boolean isIn(Set<String> codes, String code) {
        return code != null && codes.contains(code.trim().toLowerCase(Locale.ROOT));
    }

    private static Failure permanent(String carrierId, Category category, int status, PbError main,
                                     List<PbError> all, String context) {
        return new Failure(Kind.PERMANENT, error(carrierId, category, status, main, all, context), false);
    }

    private static CarrierError error(String carrierId, Category category, int status, PbError main,
                                      List<PbError> all, String context) {
        StringBuilder detail = new StringBuilder("PB answered HTTP ").append(status).append(" to ").append(context);
        if (all.size() > 1) {
            detail.append("; all PB errors: ").append(all.stream()
                    .map(e -> e.code() == null ? "?" : e.code()).collect(Collectors.joining(", ")));
        }
        if (main != null && !main.parameters().isEmpty()) {
            detail.append("; fields: ").append(String.join(", ", main.parameters()));
        }
        return new CarrierError(carrierId, category, main == null ? null : main.code(),
                main == null ? null : main.message(), status, detail.toString());
    }
}
