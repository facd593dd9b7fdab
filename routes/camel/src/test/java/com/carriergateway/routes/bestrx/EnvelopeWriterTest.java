package com.carriergateway.routes.bestrx;

import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.core.answer.Message;
import com.carriergateway.core.answer.MessageCode;
import com.carriergateway.core.answer.MessageType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvelopeWriterTest {

    private final BestRxProperties props = new BestRxProperties();
    private final EnvelopeWriter writer = new EnvelopeWriter(props);

    @Test
    void requestIsValidFollowsEachEndpointsPublishedExample() throws Exception {
        assertThat(json(BestRxOperation.CREATE_ORDER, true).get("request_is_valid").isTextual()).isTrue();
        assertThat(json(BestRxOperation.VALIDATE_ADDRESS, false).get("request_is_valid").asText()).isEqualTo("false");
        assertThat(json(BestRxOperation.CANCEL_ORDER, true).get("request_is_valid").isBoolean()).isTrue();
        props.getEnvelope().setCancelOrderValidAsString(true);
        assertThat(json(BestRxOperation.CANCEL_ORDER, true).get("request_is_valid").isTextual()).isTrue();
    }

    @Test
    void messagesCarryCodeTextNumericTypeAndWhoRaisedThem() throws Exception {
        String out = writer.write(BestRxOperation.CREATE_ORDER, false, null, List.of(
                new Message(MessageCode.CARRIER_REFUSED, MessageType.ERROR, "refused", null, "pitney-bowes", "8000019"),
                Message.fieldError(MessageCode.INVALID_REQUEST, "total_amount", "total_amount: must be a number")), "req_1");
        JsonNode root = BestRxJson.mapper().readTree(out);
        JsonNode carrier = root.get("messages").get(0);
        assertThat(carrier.get("message_code").asText()).isEqualTo("DIS1001");
        assertThat(carrier.get("message_type").asInt()).isEqualTo(2);
        assertThat(carrier.get("source").asText()).isEqualTo("carrier");
        assertThat(carrier.get("carrier").asText()).isEqualTo("pitney-bowes");
        assertThat(carrier.get("carrier_code").asText()).isEqualTo("8000019");
        assertThat(root.get("messages").get(1).get("field").asText()).isEqualTo("total_amount");
        assertThat(root.get("messages").get(1).get("source").asText()).isEqualTo("gateway");
        assertThat(root.get("request_id").asText()).isEqualTo("req_1");
        assertThat(root.get("data").isObject()).isTrue();
    }

    @Test
    void messageKeyNamesAreConfiguration() throws Exception {
        props.getEnvelope().setMessageCodeKey("code");
        props.getEnvelope().setMessageDetails(false);
        String out = writer.write(BestRxOperation.OTHER, false, null,
                List.of(Message.error(MessageCode.UNAUTHORIZED, "no")), null);
        JsonNode m = BestRxJson.mapper().readTree(out).get("messages").get(0);
        assertThat(m.has("code")).isTrue();
        assertThat(m.has("message_code")).isFalse();
        assertThat(m.has("source")).isFalse();
    }

    private JsonNode json(BestRxOperation op, boolean valid) throws Exception {
        return BestRxJson.mapper().readTree(writer.write(op, valid, null, List.of(), null));
    }
}
