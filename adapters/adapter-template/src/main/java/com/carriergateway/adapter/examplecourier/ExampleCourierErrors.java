package com.carriergateway.adapter.examplecourier;

import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.http.CarrierHttpResponse;
import com.carriergateway.adapter.json.CarrierJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * Example Courier's error answers to typed outcomes, no I/O. The HTTP status decides the outcome; the carrier's code
 * and text are kept for operators, and a few codes carry a meaning of their own.
 *
 * <p>TODO(carrier): the carrier's error body shapes and the codes that mean more than their HTTP status (a refusal,
 * "already cancelled", a duplicate reference, an undeliverable address).
 */
final class ExampleCourierErrors {

    /** Cancel of a delivery the carrier already cancelled: the wanted state holds. */
    static final String ALREADY_CANCELLED = "already_cancelled";
    /** The carrier cannot deliver to the address: the pharmacy must correct it. */
    static final String ADDRESS_UNDELIVERABLE = "address_undeliverable";

    private static final int MAX_MESSAGE = 300;

    private ExampleCourierErrors() {
    }

    /** The code and text the carrier gave; either null when it gave none. */
    record ErrorBody(String code, String message) {
        static final ErrorBody NONE = new ErrorBody(null, null);
    }

    /**
     * Reads {@code {"error": {"code", "message", "field"}}}, a bare {@code {"code", "message"}} and OAuth's
     * {@code {"error", "error_description"}}. A body that is not JSON (a proxy's page) gives {@link ErrorBody#NONE}.
     */
    static ErrorBody parse(String body) {
        JsonNode root = CarrierJson.read(body).filter(JsonNode::isObject).orElse(null);
        if (root == null) {
            return ErrorBody.NONE;
        }
        JsonNode nested = CarrierJson.field(root, "error");
        JsonNode e = nested != null && nested.isObject() ? nested : root;
        String message = CarrierJson.text(e, "message", "error_description");
        String field = CarrierJson.text(e, "field");
        if (message != null && message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "…";
        }
        return new ErrorBody(CarrierJson.text(e, "code", "error"),
                field == null || message == null ? message : field + ": " + message);
    }

    /**
     * The outcome of an API answer that is not a success.
     * <ul>
     *   <li>400, 422: the content was rejected, permanent VALIDATION; an undeliverable address is a refusal;</li>
     *   <li>401 (already after one fresh token), 403: permanent AUTHENTICATION; 404: permanent NOT_FOUND;</li>
     *   <li>409: refused, CONFLICT (the delivery's state forbids it, e.g. already picked up);</li>
     *   <li>408, 429, 503: transient; nothing was done, except that a 408 may follow a write that arrived;</li>
     *   <li>any other status: transient, and a write may have taken effect.</li>
     * </ul>
     *
     * @param call what was called, for the detail ("create delivery CG-1")
     * @param write true when the call may change the carrier's state
     */
    static <T> CarrierResult<T> failure(String carrierId, String call, boolean write, CarrierHttpResponse response) {
        int status = response.status();
        ErrorBody body = parse(response.body());
        String detail = "Example Courier answered HTTP " + status + " to " + call;
        if (status == 400 || status == 422) {
            return ADDRESS_UNDELIVERABLE.equals(body.code())
                    ? CarrierResult.refused(error(carrierId, Category.UNDELIVERABLE_ADDRESS, body, status, detail))
                    : CarrierResult.permanentFailure(error(carrierId, Category.VALIDATION, body, status, detail));
        }
        if (status == 401 || status == 403) {
            return CarrierResult.permanentFailure(error(carrierId, Category.AUTHENTICATION, body, status, detail));
        }
        if (status == 404) {
            return CarrierResult.permanentFailure(error(carrierId, Category.NOT_FOUND, body, status, detail));
        }
        if (status == 409) {
            return CarrierResult.refused(error(carrierId, Category.CONFLICT, body, status, detail));
        }
        if (status == 408) {
            return CarrierResult.transientFailure(error(carrierId, Category.TIMEOUT, body, status, detail), write);
        }
        if (status == 429 || status == 503) {
            Category category = status == 429 ? Category.RATE_LIMITED : Category.UNAVAILABLE;
            return CarrierResult.transientFailure(error(carrierId, category, body, status, detail)
                    .withRetryAfter(retryAfter(response.header("Retry-After"))), false);
        }
        Category category = status >= 500 ? Category.UNAVAILABLE : Category.PROTOCOL;
        return CarrierResult.transientFailure(error(carrierId, category, body, status,
                write ? detail + "; it may have taken effect" : detail), write);
    }

    /**
     * Why the token endpoint gave no token. AUTHENTICATION (the credentials were refused: permanent until an operator
     * fixes them) for a 4xx; RATE_LIMITED or UNAVAILABLE (try later) otherwise.
     */
    static CarrierError tokenError(String carrierId, CarrierHttpResponse response) {
        int status = response.status();
        Category category = status == 429 ? Category.RATE_LIMITED
                : status >= 500 || status == 408 || status < 400 ? Category.UNAVAILABLE
                : Category.AUTHENTICATION;
        return error(carrierId, category, parse(response.body()), status,
                "Example Courier's token endpoint answered HTTP " + status);
    }

    /** The {@code Retry-After} of an answer in seconds; null when absent or not a number of seconds. */
    static Duration retryAfter(String header) {
        if (header == null || !header.trim().matches("[0-9]{1,6}")) {
            return null; // TODO(carrier): an HTTP date, if the carrier sends one
        }
        return Duration.ofSeconds(Long.parseLong(header.trim()));
    }

    private static CarrierError error(String carrierId, Category category, ErrorBody body, int status, String detail) {
        return new CarrierError(carrierId, category, body.code(), body.message(), status, detail);
    }
}
