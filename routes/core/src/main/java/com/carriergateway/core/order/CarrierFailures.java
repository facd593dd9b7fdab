package com.carriergateway.core.order;

import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.core.answer.GatewayProblem;
import com.carriergateway.core.answer.Message;
import com.carriergateway.core.answer.MessageCode;
import com.carriergateway.core.answer.MessageType;
import java.util.List;

/**
 * Turns a carrier's outcome into the answer's messages, in one place: for a failure, which message code, which HTTP
 * status, and a text that keeps the carrier's own code and words and says what the pharmacy can do; for a success
 * with remarks, one warning each.
 */
public final class CarrierFailures {

    private CarrierFailures() {
    }

    /** The message for a failed outcome of {@code action} (e.g. "create the order") at {@code carrierId}. */
    public static Message message(CarrierResult<?> result, String carrierId, String action) {
        if (result instanceof CarrierResult.NotSupported<?>) {
            return carrierMessage(MessageCode.CARRIER_OPERATION_NOT_SUPPORTED, carrierId, null,
                    "Carrier " + carrierId + " cannot " + action + ".");
        }
        CarrierError e = result.failure().orElseThrow();
        String said = e.summary();
        if (result instanceof CarrierResult.Refused<?>) {
            return carrierMessage(MessageCode.CARRIER_REFUSED, carrierId, e.carrierCode(),
                    "Carrier " + carrierId + " refused to " + action + ": " + said);
        }
        if (result instanceof CarrierResult.TransientFailure<?> t) {
            if (e.category() == CarrierError.Category.CIRCUIT_OPEN) {
                return carrierMessage(MessageCode.CARRIER_CIRCUIT_OPEN, carrierId, null, "Carrier " + carrierId
                        + " has been failing, so the gateway did not call it; nothing was done. Try again later.");
            }
            if (e.category() == CarrierError.Category.BULKHEAD_FULL) {
                return carrierMessage(MessageCode.CARRIER_UNAVAILABLE, carrierId, null, "Too many requests to carrier "
                        + carrierId + " are in flight; nothing was done. Try again shortly.");
            }
            if (t.outcomeUnknown() || e.category() == CarrierError.Category.TIMEOUT) {
                return carrierMessage(MessageCode.CARRIER_TIMEOUT, carrierId, e.carrierCode(),
                        "Carrier " + carrierId + " did not answer in time (" + said + "). It may have acted; "
                                + "send the same request again: the gateway checks with the carrier before repeating it.");
            }
            return carrierMessage(MessageCode.CARRIER_UNAVAILABLE, carrierId, e.carrierCode(),
                    "Carrier " + carrierId + " is unavailable (" + said + "); nothing was done. Try again later.");
        }
        MessageCode code = switch (e.category()) {
            case AUTHENTICATION -> MessageCode.CARRIER_AUTHENTICATION_FAILED;
            case NOT_FOUND -> MessageCode.CARRIER_ORDER_NOT_FOUND;
            case PROTOCOL -> MessageCode.CARRIER_BAD_ANSWER;
            default -> MessageCode.CARRIER_REJECTED_REQUEST;
        };
        String text = switch (code) {
            case CARRIER_AUTHENTICATION_FAILED -> "Carrier " + carrierId
                    + " refused the gateway's credentials (" + said + "). This is the gateway operator's to fix.";
            case CARRIER_ORDER_NOT_FOUND -> "Carrier " + carrierId + " does not know this order (" + said + ").";
            case CARRIER_BAD_ANSWER -> "Carrier " + carrierId + " answered something the gateway cannot read ("
                    + said + ").";
            default -> "Carrier " + carrierId + " rejected the request: " + said;
        };
        return carrierMessage(code, carrierId, e.carrierCode(), text);
    }

    /** A remark of a carrier that did what was asked: a {@code DIS2004} warning naming the carrier. */
    public static Message warning(String carrierId, String remark) {
        return new Message(MessageCode.CARRIER_WARNING, MessageType.WARNING, "Carrier " + carrierId + ": " + remark,
                null, carrierId, null);
    }

    public static GatewayProblem problem(CarrierResult<?> result, String carrierId, String action) {
        Message m = message(result, carrierId, action);
        return new GatewayProblem(m.code().httpStatus(), List.of(m));
    }

    private static Message carrierMessage(MessageCode code, String carrierId, String carrierCode, String text) {
        return new Message(code, MessageType.ERROR, text, null, carrierId, carrierCode);
    }
}
