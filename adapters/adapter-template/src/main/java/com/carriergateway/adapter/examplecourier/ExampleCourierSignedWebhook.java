package com.carriergateway.adapter.examplecourier;

import com.carriergateway.adapter.json.CarrierJson;
import com.carriergateway.adapter.webhook.HmacSignature;
import com.carriergateway.adapter.webhook.WebhookAuthentication;
import com.carriergateway.adapter.webhook.WebhookProtocol;
import com.carriergateway.adapter.webhook.WebhookReply;
import com.carriergateway.adapter.webhook.WebhookRequest;
import com.carriergateway.adapter.webhook.WebhookVerdict;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * A webhook the carrier signs instead of sending a password: the hex HMAC-SHA256 of the raw body, keyed with the
 * configured {@code signing-key}, in a header. Before it sends events to a new URL the carrier checks it with a signed
 * {@code {"type": "webhook.verification", "challenge": "…"}} and expects the challenge back. Events are acknowledged
 * with the gateway's usual tally (the default).
 *
 * <p>TODO(carrier): the carrier's header, encoding (hex or base64), what it signs (the body alone, or a timestamp too,
 * then refuse old ones) and its challenge, if any.
 */
final class ExampleCourierSignedWebhook implements WebhookProtocol {

    static final String VERIFICATION = "webhook.verification";
    private static final int MAX_CHALLENGE = 200;

    private final HmacSignature signature;
    private final String header;

    ExampleCourierSignedWebhook(HmacSignature signature, String header) {
        this.signature = signature;
        this.header = header;
    }

    @Override
    public WebhookAuthentication authentication() {
        return WebhookAuthentication.hmacSha256(header);
    }

    /** On the raw bytes, before anything parses them; the comparison takes the same time however wrong it is. */
    @Override
    public WebhookVerdict verify(WebhookRequest request) {
        String given = request.header(header);
        if (given == null || given.isBlank()) {
            return WebhookVerdict.refuse("Signature required: send the " + header + " header.");
        }
        return signature.matches(request.rawBody(), given) ? WebhookVerdict.accept()
                : WebhookVerdict.refuse("The " + header + " signature does not match the body.");
    }

    /** The carrier's URL check: its challenge back, nothing recorded. */
    @Override
    public Optional<WebhookReply> challenge(WebhookRequest request) {
        JsonNode body = CarrierJson.read(request.body()).filter(JsonNode::isObject).orElse(null);
        String challenge = CarrierJson.text(body, "challenge");
        if (!VERIFICATION.equals(CarrierJson.text(body, "type")) || challenge == null
                || challenge.length() > MAX_CHALLENGE) {
            return Optional.empty();
        }
        ObjectNode answer = CarrierJson.MAPPER.createObjectNode().put("challenge", challenge);
        return Optional.of(new WebhookReply(200, Map.of(), CarrierJson.write(answer)));
    }
}
