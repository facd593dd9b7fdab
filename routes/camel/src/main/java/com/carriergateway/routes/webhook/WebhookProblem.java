package com.carriergateway.routes.webhook;

/**
 * A carrier webhook call answered with a JSON error (never a BestRx envelope: the caller is a carrier). Its
 * text names what is wrong, never the content received.
 */
public class WebhookProblem extends RuntimeException {

    private final int httpStatus;
    private final String error;

    public WebhookProblem(int httpStatus, String error, String message) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.error = error;
    }

    public static WebhookProblem unauthorized(String message) {
        return new WebhookProblem(401, "unauthorized", message);
    }

    public static WebhookProblem notFound(String message) {
        return new WebhookProblem(404, "not_found", message);
    }

    public static WebhookProblem badRequest(String message) {
        return new WebhookProblem(400, "bad_request", message);
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String error() {
        return error;
    }
}
