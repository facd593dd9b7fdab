package com.carriergateway.adapter;

import com.carriergateway.adapter.model.Address;
import com.carriergateway.adapter.model.AddressCheck;
import com.carriergateway.adapter.model.CancelOutcome;
import com.carriergateway.adapter.model.CarrierOrder;
import com.carriergateway.adapter.model.CarrierOrderRef;
import com.carriergateway.adapter.model.DeliveryOrder;
import com.carriergateway.adapter.model.StatusUpdate;
import com.carriergateway.adapter.webhook.BasicAuthWebhook;
import com.carriergateway.adapter.webhook.WebhookProtocol;
import com.carriergateway.adapter.webhook.WebhookRequest;
import com.carriergateway.adapter.webhook.WebhookSettings;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One carrier behind the gateway. Implementations translate the canonical model to the carrier's API and
 * its answers back; they never see BestRx shapes, never throw for a carrier's answer, and never log
 * patient data.
 *
 * <p>An operation the carrier lacks keeps its default here and answers {@link CarrierResult.NotSupported}.
 */
public interface CarrierAdapter {

    /** The configured id of this adapter instance, e.g. {@code pitney-bowes}. */
    String carrierId();

    /** What this adapter offers. The contract kit checks this matches what the methods do. */
    Set<Operation> capabilities();

    /**
     * What this carrier can do at the door when an order asks for it (signature, ID check, cold chain, PIN). Routing
     * never sends an order to a carrier that lacks one of its requirements.
     */
    default Set<DeliveryCapability> deliveryCapabilities() {
        return Set.of();
    }

    default CarrierResult<CarrierOrder> createOrder(DeliveryOrder order) {
        return CarrierResult.notSupported(carrierId(), Operation.CREATE_ORDER);
    }

    /**
     * Looks an order up by the gateway's order key. Success with an empty optional means the carrier
     * definitely holds no such order, so a create may safely be sent again.
     */
    default CarrierResult<Optional<CarrierOrder>> findOrder(String orderKey) {
        return CarrierResult.notSupported(carrierId(), Operation.FIND_ORDER);
    }

    default CarrierResult<CancelOutcome> cancelOrder(CarrierOrderRef order) {
        return CarrierResult.notSupported(carrierId(), Operation.CANCEL_ORDER);
    }

    default CarrierResult<StatusUpdate> getStatus(CarrierOrderRef order) {
        return CarrierResult.notSupported(carrierId(), Operation.GET_STATUS);
    }

    default CarrierResult<AddressCheck> validateAddress(Address address) {
        return CarrierResult.notSupported(carrierId(), Operation.VALIDATE_ADDRESS);
    }

    /**
     * Reads a carrier's status push (webhook) into status events. Called only after this carrier's
     * {@link #webhookProtocol} verified the call.
     */
    default CarrierResult<List<CarrierStatusEvent>> parseWebhook(WebhookRequest request) {
        return CarrierResult.notSupported(carrierId(), Operation.PARSE_WEBHOOK);
    }

    /**
     * The state of this adapter's access token, for the operators' console (never the token); empty for an adapter
     * that holds none (API key, Basic).
     */
    default Optional<AccessTokenState> accessToken() {
        return Optional.empty();
    }

    /**
     * How this carrier calls its webhook ({@code POST /webhooks/<carrierId>}): sender verification on the raw request,
     * URL challenge, acknowledgement. Built once at startup from {@code gateway.webhooks.<carrierId>.*}; the default is
     * HTTP Basic with the configured credential.
     *
     * @throws IllegalArgumentException naming the missing or wrong key
     */
    default WebhookProtocol webhookProtocol(WebhookSettings settings) {
        return BasicAuthWebhook.from(settings, List.of());
    }
}
