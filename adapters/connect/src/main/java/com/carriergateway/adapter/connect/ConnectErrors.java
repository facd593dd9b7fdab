package com.carriergateway.adapter.connect;

import com.carriergateway.adapter.json.CarrierJson;
import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.http.CarrierHttpResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a Connect answer that is not the expected success into a typed outcome. Connect's "standard error
 * format" is Unconfirmed, so {@link #parse(String)} reads several plausible shapes and never throws.
 */
final class ConnectErrors {

    /** Which kind of call answered, because the same status means different things per call. */
    enum Call {
        /** {@code POST /orders/create} or polling its Location: a failure may leave an order behind. */
        CREATE,
        /** {@code GET} of an order. */
        READ,
        /** The assumed order search. */
        FIND,
        /** {@code POST /orders/cancel}: Connect may refuse it. */
        CANCEL
    }

    /** The code and text Connect gave, either null when it gave none. */
    record ErrorBody(String code, String message) {
        static final ErrorBody NONE = new ErrorBody(null, null);
    }

    private static final int MAX_MESSAGE = 500;

    private ConnectErrors() {
    }

    /**
     * Reads {@code {"errors":[{"code","message","field"}]}} (the assumed standard format), a single
     * {@code {"code","message"}}, OAuth's {@code {"error","error_description"}}, problem+json
     * ({@code title}/{@code detail}), or a nested {@code {"error":{…}}}. A body that is not JSON gives
     * {@link ErrorBody#NONE}: proxy error pages are not worth keeping.
     */
    static ErrorBody parse(String body) {
        return CarrierJson.read(body).map(ConnectErrors::fromJson).orElse(ErrorBody.NONE);
    }

    private static ErrorBody fromJson(JsonNode root) {
        if (root.isArray()) {
            return fromList(root);
        }
        if (!root.isObject()) {
            return ErrorBody.NONE;
        }
        JsonNode errors = root.get("errors");
        if (errors != null && errors.isArray() && !errors.isEmpty()) {
            return fromList(errors);
        }
        if (errors != null && errors.isObject() && !errors.isEmpty()) {
            List<String> parts = new ArrayList<>();
            errors.fields().forEachRemaining(e -> parts.add(e.getKey() + ": " + e.getValue().asText()));
            return new ErrorBody(CarrierJson.text(root, "code", "errorCode"), cap(String.join("; ", parts)));
        }
        JsonNode nested = root.get("error");
        if (nested != null && nested.isObject()) {
            return fromJson(nested);
        }
        String code = CarrierJson.text(root, "code", "errorCode", "error");
        String message = CarrierJson.text(root, "message", "error_description", "detail", "title", "description");
        return new ErrorBody(code, cap(message));
    }

    private static ErrorBody fromList(JsonNode list) {
        String code = null;
        List<String> messages = new ArrayList<>();
        for (JsonNode e : list) {
            if (e.isTextual()) {
                messages.add(e.asText());
                continue;
            }
            if (code == null) {
                code = CarrierJson.text(e, "code", "errorCode", "error");
            }
            String message = CarrierJson.text(e, "message", "detail", "description", "defaultMessage", "title");
            String field = CarrierJson.text(e, "field", "fieldName", "path");
            if (message != null) {
                messages.add(field == null ? message : field + ": " + message);
            } else if (field != null) {
                messages.add(field);
            }
        }
        return new ErrorBody(code, messages.isEmpty() ? null : cap(String.join("; ", messages)));
    }

    private static String cap(String s) {
        return s == null || s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + "…";
    }

    /**
     * The outcome for an API answer that was not the call's success.
     * <ul>
     *   <li>401 (after the one refresh and retry): authentication; 403: authentication (not permitted);</li>
     *   <li>404: not found, which for Connect also means "not authorised to see it";</li>
     *   <li>408: timeout, 429: rate limited (both transient, nothing was done);</li>
     *   <li>422 on create: refused as validation; on cancel any other 4xx: refused as a conflict,
     *       keeping Connect's code and text; other 4xx: permanent validation failure;</li>
     *   <li>5xx and anything else: transient, with the outcome unknown for create and cancel.</li>
     * </ul>
     */
    static <T> CarrierResult<T> failure(String carrierId, Call call, CarrierHttpResponse response, String subject) {
        int status = response.status();
        ErrorBody body = parse(response.body());
        boolean writes = call == Call.CREATE || call == Call.CANCEL;
        if (status == 401) {
            return CarrierResult.permanentFailure(error(carrierId, Category.AUTHENTICATION, body, status,
                    "Connect rejected the access token for " + subject + " even after a fresh token"));
        }
        if (status == 403) {
            return CarrierResult.permanentFailure(error(carrierId, Category.AUTHENTICATION, body, status,
                    "Connect does not permit this client to access " + subject));
        }
        if (status == 404) {
            String detail = call == Call.FIND
                    ? "Connect answered 404 to the order search; find-path is an assumption and may not exist"
                    : "Connect answered 404 for " + subject
                            + ": it does not exist, or this client is not authorised to see it (Connect uses 404 for both)";
            return CarrierResult.permanentFailure(error(carrierId, Category.NOT_FOUND, body, status, detail));
        }
        if (status == 408) {
            return CarrierResult.transientFailure(error(carrierId, Category.TIMEOUT, body, status,
                    "Connect timed out reading the request for " + subject), false);
        }
        if (status == 429) {
            return CarrierResult.transientFailure(error(carrierId, Category.RATE_LIMITED, body, status,
                    "Connect asked us to slow down (" + subject + ")"), false);
        }
        if (status >= 400 && status < 500) {
            if (call == Call.CANCEL) {
                return CarrierResult.refused(error(carrierId, Category.CONFLICT, body, status,
                        "Connect refused to cancel " + subject));
            }
            if (call == Call.CREATE && status == 422) {
                return CarrierResult.refused(error(carrierId, Category.VALIDATION, body, status,
                        "Connect refused to create " + subject));
            }
            return CarrierResult.permanentFailure(error(carrierId, Category.VALIDATION, body, status,
                    "Connect rejected the request for " + subject));
        }
        String detail = status >= 500
                ? "Connect failed with HTTP " + status + " for " + subject
                : "Connect answered an unexpected HTTP " + status + " for " + subject;
        if (writes) {
            detail += "; it may have taken effect";
        }
        return CarrierResult.transientFailure(error(carrierId, Category.UNAVAILABLE, body, status, detail), writes);
    }

    private static CarrierError error(String carrierId, Category category, ErrorBody body, int status, String detail) {
        return new CarrierError(carrierId, category, body.code(), body.message(), status, detail);
    }
}
