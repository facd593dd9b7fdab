package com.carriergateway.routes.bestrx;

import com.carriergateway.core.answer.GatewayProblem;
import com.carriergateway.core.answer.Message;
import com.carriergateway.core.answer.MessageCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem with a request, so the pharmacy learns all of them at once, and warnings about
 * what the gateway assumed. Texts name the field and what was expected, never the value sent.
 */
public final class InputProblems {

    private final List<Message> errors = new ArrayList<>();
    private final List<Message> warnings = new ArrayList<>();

    public void error(String field, String text) {
        errors.add(Message.fieldError(MessageCode.INVALID_REQUEST, field, field + ": " + text));
    }

    public void warning(MessageCode code, String field, String text) {
        warnings.add(Message.fieldWarning(code, field, field == null ? text : field + ": " + text));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<Message> warnings() {
        return List.copyOf(warnings);
    }

    /** Throws the collected errors as one 400 answer, if there are any. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new GatewayProblem(MessageCode.INVALID_REQUEST.httpStatus(), errors);
        }
    }
}
