package com.carriergateway.core.answer;

/**
 * One entry of an envelope's {@code messages[]}.
 *
 * @param field the request field at fault (e.g. {@code store.bestrx_pharmacy_id}), or null
 * @param carrierId the carrier that raised it, or null when the gateway did
 * @param carrierCode the carrier's own code, kept verbatim, or null
 */
public record Message(MessageCode code, MessageType type, String text, String field, String carrierId, String carrierCode) {

    public static Message error(MessageCode code, String text) {
        return new Message(code, MessageType.ERROR, text, null, null, null);
    }

    public static Message fieldError(MessageCode code, String field, String text) {
        return new Message(code, MessageType.ERROR, text, field, null, null);
    }

    public static Message warning(MessageCode code, String text) {
        return new Message(code, MessageType.WARNING, text, null, null, null);
    }

    public static Message fieldWarning(MessageCode code, String field, String text) {
        return new Message(code, MessageType.WARNING, text, field, null, null);
    }
}
