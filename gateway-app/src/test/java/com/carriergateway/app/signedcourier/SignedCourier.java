package com.carriergateway.app.signedcourier;

import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.CarrierAdapterProvider;
import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.CarrierStatusEvent;
import com.carriergateway.adapter.DeliveryCapability;
import com.carriergateway.adapter.Operation;
import com.carriergateway.adapter.json.CarrierJson;
import com.carriergateway.adapter.model.CarrierOrder;
import com.carriergateway.adapter.model.DeliveryOrder;
import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.StatusUpdate;
import com.carriergateway.adapter.webhook.HmacSignature;
import com.carriergateway.adapter.webhook.WebhookAuthentication;
import com.carriergateway.adapter.webhook.WebhookProtocol;
import com.carriergateway.adapter.webhook.WebhookReply;
import com.carriergateway.adapter.webhook.WebhookRequest;
import com.carriergateway.adapter.webhook.WebhookSettings;
import com.carriergateway.adapter.webhook.WebhookTally;
import com.carriergateway.adapter.webhook.WebhookVerdict;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A carrier that exists only in this test folder, to prove the webhook protocol belongs to the adapter: it signs its
 * webhooks with an HMAC-SHA256 of the raw body ({@code x-signed-courier-signature}, hex), checks the URL with a signed
 * {@code {"challenge": "…"}} it expects back, and wants {@code 202 {"received": n}} as its acknowledgement. It is
 * registered by this folder's service file alone; nothing in the gateway knows it.
 *
 * <p>It books every order at once (its id is {@code SC-<order key>}) and reads {@code {"order": id, "status": s,
 * "at": time}} events.
 */
public final class SignedCourier implements CarrierAdapter {

    public static final String TYPE = "signed-test-courier";
    public static final String SIGNATURE_HEADER = "x-signed-courier-signature";

    /** Its one setting, to show the binder reaches a carrier the gateway has never heard of. */
    public record Settings(String orderPrefix) {
        public Settings {
            orderPrefix = orderPrefix == null ? "SC-" : orderPrefix;
        }
    }

    public static final class Provider implements CarrierAdapterProvider<Settings> {
        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Class<Settings> settingsType() {
            return Settings.class;
        }

        @Override
        public CarrierAdapter create(String carrierId, Settings settings, Clock clock) {
            return new SignedCourier(carrierId, settings, clock);
        }
    }

    private final String carrierId;
    private final Settings settings;
    private final Clock clock;

    SignedCourier(String carrierId, Settings settings, Clock clock) {
        this.carrierId = carrierId;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String carrierId() {
        return carrierId;
    }

    @Override
    public Set<Operation> capabilities() {
        return Set.of(Operation.CREATE_ORDER, Operation.PARSE_WEBHOOK);
    }

    /** It takes a signature at the door, as the seed order asks. */
    @Override
    public Set<DeliveryCapability> deliveryCapabilities() {
        return Set.of(DeliveryCapability.SIGNATURE);
    }

    @Override
    public CarrierResult<CarrierOrder> createOrder(DeliveryOrder order) {
        String id = settings.orderPrefix() + order.orderKey();
        return CarrierResult.success(new CarrierOrder(id, id, null, null, null,
                StatusUpdate.of(DeliveryStatus.CREATED, clock.instant(), "created")));
    }

    @Override
    public CarrierResult<List<CarrierStatusEvent>> parseWebhook(WebhookRequest request) {
        JsonNode event = CarrierJson.read(request.body()).filter(JsonNode::isObject).orElse(null);
        String order = CarrierJson.text(event, "order");
        String status = CarrierJson.text(event, "status");
        String at = CarrierJson.text(event, "at");
        if (order == null || status == null || at == null) {
            return CarrierResult.permanentFailure(CarrierError.of(carrierId, CarrierError.Category.PROTOCOL,
                    "an event needs order, status and at"));
        }
        return CarrierResult.success(List.of(new CarrierStatusEvent(order, order, null, null,
                StatusUpdate.of(DeliveryStatus.valueOf(status), Instant.parse(at), status))));
    }

    @Override
    public WebhookProtocol webhookProtocol(WebhookSettings settings) {
        HmacSignature signature = new HmacSignature(settings.getSigningKey());
        return new WebhookProtocol() {
            @Override
            public WebhookAuthentication authentication() {
                return WebhookAuthentication.hmacSha256(SIGNATURE_HEADER);
            }

            @Override
            public WebhookVerdict verify(WebhookRequest request) {
                return signature.matches(request.rawBody(), request.header(SIGNATURE_HEADER)) ? WebhookVerdict.accept()
                        : WebhookVerdict.refuse("The " + SIGNATURE_HEADER + " signature is missing or wrong.");
            }

            @Override
            public Optional<WebhookReply> challenge(WebhookRequest request) {
                return CarrierJson.read(request.body()).map(body -> CarrierJson.text(body, "challenge"))
                        .map(c -> new WebhookReply(200, Map.of(),
                                CarrierJson.write(CarrierJson.MAPPER.createObjectNode().put("challenge", c))));
            }

            @Override
            public WebhookReply acknowledge(WebhookRequest request, WebhookTally tally) {
                return new WebhookReply(202, Map.of(), "{\"received\":" + tally.received() + "}");
            }
        };
    }
}
