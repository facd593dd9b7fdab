package com.carriergateway.routes.bestrx;

import com.carriergateway.core.answer.Message;
import com.carriergateway.core.answer.MessageType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Writes BestRx envelopes: {@code {data, request_is_valid, messages[]}} as configured. */
public final class EnvelopeWriter {

    private final BestRxProperties props;
    private final ObjectMapper mapper = BestRxJson.mapper();

    public EnvelopeWriter(BestRxProperties props) {
        this.props = props;
    }

    public ObjectNode newData() {
        return mapper.createObjectNode();
    }

    public String write(BestRxOperation op, boolean valid, JsonNode data, List<Message> messages, String requestId) {
        BestRxProperties.Envelope e = props.getEnvelope();
        ObjectNode root = mapper.createObjectNode();
        root.set("data", data == null ? mapper.createObjectNode() : data);
        if (validAsString(op, e)) {
            root.put("request_is_valid", valid ? "true" : "false");
        } else {
            root.put("request_is_valid", valid);
        }
        ArrayNode list = root.putArray("messages");
        for (Message m : messages) {
            list.add(message(m, e));
        }
        if (e.isRequestId() && requestId != null) {
            root.put("request_id", requestId);
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("envelope cannot be written", ex);
        }
    }

    /**
     * A stored envelope (written without a request id) as this request's answer: {@code request_id} added last, as
     * {@link #write} puts it, when envelopes carry one. The id is a sane token ({@code RequestIds}): nothing to escape.
     */
    public String withRequestId(String storedEnvelope, String requestId) {
        int end = storedEnvelope.lastIndexOf('}');
        if (!props.getEnvelope().isRequestId() || requestId == null || end < 0) {
            return storedEnvelope;
        }
        return storedEnvelope.substring(0, end) + ",\"request_id\":\"" + requestId + "\"}";
    }

    private ObjectNode message(Message m, BestRxProperties.Envelope e) {
        ObjectNode n = mapper.createObjectNode();
        n.put(e.getMessageCodeKey(), m.code().code());
        n.put(e.getMessageTextKey(), m.text());
        n.put(e.getMessageTypeKey(), props.getMessageTypes().getOrDefault(m.type(), MessageType.UNKNOWN.ordinal()));
        if (e.isMessageDetails()) {
            n.put("source", m.code().source().name().toLowerCase());
            if (m.field() != null) {
                n.put("field", m.field());
            }
            if (m.carrierId() != null) {
                n.put("carrier", m.carrierId());
            }
            if (m.carrierCode() != null) {
                n.put("carrier_code", m.carrierCode());
            }
        }
        return n;
    }

    private static boolean validAsString(BestRxOperation op, BestRxProperties.Envelope e) {
        return switch (op) {
            case CREATE_ORDER -> e.isCreateOrderValidAsString();
            case VALIDATE_ADDRESS -> e.isValidateAddressValidAsString();
            case CANCEL_ORDER -> e.isCancelOrderValidAsString();
            case OTHER -> true;
        };
    }
}
