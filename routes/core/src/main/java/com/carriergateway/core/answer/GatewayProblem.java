package com.carriergateway.core.answer;

import java.util.List;

/**
 * A request the gateway answers with an error envelope. Thrown by any step of a flow and turned into the
 * answer, once, by the edge (the BestRx flows' error handling). Its messages never carry patient data.
 */
public class GatewayProblem extends RuntimeException {

    private final int httpStatus;
    private final List<Message> messages;
    private Integer retryAfterSeconds;

    public GatewayProblem(int httpStatus, List<Message> messages) {
        super(messages.isEmpty() ? "problem" : messages.get(0).code().code() + " " + messages.get(0).text(), null, false, false);
        this.httpStatus = httpStatus;
        this.messages = List.copyOf(messages);
    }

    public GatewayProblem(MessageCode code, String text) {
        this(code.httpStatus(), List.of(Message.error(code, text)));
    }

    public static GatewayProblem field(MessageCode code, String field, String text) {
        return new GatewayProblem(code.httpStatus(), List.of(Message.fieldError(code, field, text)));
    }

    /** Asks the caller to wait this long before trying again (sent as Retry-After). */
    public GatewayProblem retryAfter(int seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public List<Message> messages() {
        return messages;
    }
}
