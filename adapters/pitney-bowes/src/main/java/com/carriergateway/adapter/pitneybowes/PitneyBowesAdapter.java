package com.carriergateway.adapter.pitneybowes;

import com.carriergateway.adapter.json.CarrierJson;
import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.CarrierStatusEvent;
import com.carriergateway.adapter.DeliveryCapability;
import com.carriergateway.adapter.Operation;
import com.carriergateway.adapter.webhook.BasicAuthWebhook;
import com.carriergateway.adapter.webhook.WebhookProtocol;
import com.carriergateway.adapter.webhook.WebhookRequest;
import com.carriergateway.adapter.webhook.WebhookSettings;
import com.carriergateway.adapter.model.Address;
import com.carriergateway.adapter.model.AddressCheck;
import com.carriergateway.adapter.model.CancelOutcome;
import com.carriergateway.adapter.model.CarrierOrder;
import com.carriergateway.adapter.model.CarrierOrderRef;
import com.carriergateway.adapter.model.DeliveryOrder;
import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.StatusUpdate;
import com.carriergateway.adapter.AccessTokenState;
import com.carriergateway.adapter.auth.AuthorizedHttp.Exchange;
import com.carriergateway.adapter.pitneybowes.PitneyBowesClient.Call;
import com.carriergateway.adapter.pitneybowes.PitneyBowesErrors.Failure;
import com.carriergateway.adapter.pitneybowes.PitneyBowesErrors.Kind;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pitney Bowes Fulfillment behind the gateway: orders through the Fulfillment API, addresses through PB's
 * Validate/Suggest Address calls, parcel events from PB's tracking webhook. Glue only: requests come from
 * {@link PitneyBowesRequests}, answers are read by {@link PitneyBowesResponses} and {@link PitneyBowesErrors}.
 */
public final class PitneyBowesAdapter implements CarrierAdapter {

    private static final Logger log = LoggerFactory.getLogger(PitneyBowesAdapter.class);

    private static final Set<Operation> CAPABILITIES = EnumSet.of(Operation.CREATE_ORDER, Operation.FIND_ORDER,
            Operation.CANCEL_ORDER, Operation.GET_STATUS, Operation.VALIDATE_ADDRESS, Operation.PARSE_WEBHOOK);

    private final PitneyBowesSettings settings;
    private final Clock clock;
    private final PitneyBowesClient client;

    public PitneyBowesAdapter(PitneyBowesSettings settings, Clock clock) {
        this(settings, clock, new TransactionIds());
    }

    PitneyBowesAdapter(PitneyBowesSettings settings, Clock clock, TransactionIds transactionIds) {
        this.settings = settings;
        this.clock = clock;
        this.client = new PitneyBowesClient(settings, clock, transactionIds);
    }

    @Override
    public Optional<AccessTokenState> accessToken() {
        return Optional.of(client.tokenState());
    }

    @Override
    public String carrierId() {
        return settings.carrierId();
    }

    @Override
    public Set<Operation> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Set<DeliveryCapability> deliveryCapabilities() {
        return settings.deliveryCapabilities();
    }

    /**
     * Create an Order, keyed by {@code clientOrderId} = the order key. When PB answers that it already holds that
     * clientOrderId, the existing order is looked up and returned: the create's goal is reached.
     */
    @Override
    public CarrierResult<CarrierOrder> createOrder(DeliveryOrder order) {
        String body = CarrierJson.write(PitneyBowesRequests.createOrder(order, settings, now()));
        Call call = Call.post("create order", PitneyBowesRequests.createOrderUrl(settings), body);
        return exchange(call, true, answer -> {
            if (answer.response().is2xx()) {
                return withContext(PitneyBowesResponses.order(carrierId(), answer.status(), answer.body(), settings,
                        now(), true), answer);
            }
            Failure failure = classify(call, answer, true);
            if (failure.kind() == Kind.DUPLICATE_ORDER) {
                return existingOrder(order.orderKey(), failure);
            }
            return failure.toResult();
        });
    }

    @Override
    public CarrierResult<Optional<CarrierOrder>> findOrder(String orderKey) {
        String body = CarrierJson.write(PitneyBowesRequests.findOrder(orderKey, settings));
        Call call = Call.post("find order", PitneyBowesRequests.findOrderUrl(settings), body);
        return exchange(call, false, answer -> answer.response().is2xx()
                ? withContext(PitneyBowesResponses.foundOrder(carrierId(), answer.status(), answer.body(), orderKey,
                        settings, now()), answer)
                : classify(call, answer, false).toResult());
    }

    /**
     * Cancel an Order (whole order, empty body). PB saying the order is already cancelled is a success: the wanted
     * state holds, so a repeated cancel is harmless.
     */
    @Override
    public CarrierResult<CancelOutcome> cancelOrder(CarrierOrderRef order) {
        if (order == null || order.carrierOrderId() == null || order.carrierOrderId().isBlank()) {
            return noPbOrderId();
        }
        Call call = Call.put("cancel order", PitneyBowesRequests.cancelUrl(settings, order.carrierOrderId()), null);
        return exchange(call, true, answer -> {
            if (answer.response().is2xx()) {
                return withContext(PitneyBowesResponses.cancelled(carrierId(), answer.status(), answer.body(),
                        settings.statusMap(), now()), answer);
            }
            Failure failure = classify(call, answer, true);
            if (failure.kind() == Kind.ALREADY_CANCELLED) {
                StatusUpdate cancelled = new StatusUpdate(DeliveryStatus.CANCELLED, "already cancelled at PB", now(),
                        failure.error().carrierCode(), null);
                return CarrierResult.success(new CancelOutcome(cancelled, "PB had already cancelled this order"));
            }
            return failure.toResult();
        });
    }

    @Override
    public CarrierResult<StatusUpdate> getStatus(CarrierOrderRef order) {
        if (order == null || order.carrierOrderId() == null || order.carrierOrderId().isBlank()) {
            return noPbOrderId();
        }
        Call call = Call.get("get order status", PitneyBowesRequests.statusUrl(settings, order.carrierOrderId()));
        return exchange(call, false, answer -> answer.response().is2xx()
                ? withContext(PitneyBowesResponses.status(carrierId(), answer.status(), answer.body(),
                        settings.statusMap(), now()), answer)
                : classify(call, answer, false).toResult());
    }

    /**
     * Validate an Address; when PB cannot verify it, Suggest Addresses gives the candidates (possibly none).
     */
    @Override
    public CarrierResult<AddressCheck> validateAddress(Address address) {
        Call call = Call.post("validate address", PitneyBowesRequests.verifyAddressUrl(settings),
                        CarrierJson.write(PitneyBowesRequests.verifyAddress(address)))
                .withHeader("X-PB-UnifiedErrorStructure", "true");
        return exchange(call, false, answer -> {
            if (answer.response().is2xx()) {
                return withContext(PitneyBowesResponses.verifiedAddress(carrierId(), answer.status(), answer.body()),
                        answer);
            }
            Failure failure = classify(call, answer, false);
            return failure.kind() == Kind.ADDRESS_NOT_VERIFIED ? suggestAddresses(address) : failure.toResult();
        });
    }

    @Override
    public CarrierResult<List<CarrierStatusEvent>> parseWebhook(WebhookRequest request) {
        return PitneyBowesTrackingEvents.parse(carrierId(), request == null ? null : request.body(),
                settings.statusMap(), now());
    }

    /** HTTP Basic (what the gateway asks PB to use), echoing PB's {@code X-PB-ReferenceId} as PB requires (§8.2). */
    @Override
    public WebhookProtocol webhookProtocol(WebhookSettings webhook) {
        return BasicAuthWebhook.from(webhook, List.of("X-PB-ReferenceId"));
    }

    private CarrierResult<AddressCheck> suggestAddresses(Address address) {
        Call call = Call.post("suggest addresses", PitneyBowesRequests.suggestAddressUrl(settings),
                        CarrierJson.write(PitneyBowesRequests.suggestAddress(address)))
                .withHeader("X-PB-UnifiedErrorStructure", "true");
        return exchange(call, false, answer -> {
            if (answer.response().is2xx()) {
                return withContext(PitneyBowesResponses.suggestedAddresses(carrierId(), answer.status(),
                        answer.body()), answer);
            }
            Failure failure = classify(call, answer, false);
            // Not verifiable and nothing to suggest: still a clear answer about the address.
            return failure.kind() == Kind.ADDRESS_NOT_VERIFIED
                    ? CarrierResult.success(new AddressCheck(false, List.of()))
                    : failure.toResult();
        });
    }

    /**
     * PB already holds the clientOrderId: return that order; when the lookup fails, its failure; when PB shows no
     * such order after all, the refusal.
     */
    private CarrierResult<CarrierOrder> existingOrder(String orderKey, Failure duplicate) {
        CarrierResult<Optional<CarrierOrder>> found = findOrder(orderKey);
        if (found instanceof CarrierResult.Success<Optional<CarrierOrder>> s && s.value().isPresent()) {
            List<String> warnings = new ArrayList<>(s.warnings());
            warnings.add("PB already held clientOrderId " + orderKey + " (" + duplicate.error().carrierCode()
                    + "); returned that order");
            return new CarrierResult.Success<>(s.value().get(), warnings);
        }
        if (!found.isSuccess()) {
            return found.map(o -> o.orElse(null)); // keeps the lookup's failure, e.g. transient
        }
        return duplicate.toResult();
    }

    /**
     * Sends a call and reads the answer, turning transport failures into typed outcomes. Only a call that changes
     * PB's state ({@code mutating}) can leave an outcome unknown.
     */
    private <T> CarrierResult<T> exchange(Call call, boolean mutating, Function<Exchange, CarrierResult<T>> onAnswer) {
        try {
            return client.send(call, mutating).flatMap(onAnswer::apply);
        } catch (RuntimeException e) {
            // A bug here must not escape as an exception (the SPI promises typed outcomes). The message is not
            // logged: it may quote PB's body, which carries patient data.
            log.warn("PB {} failed inside the adapter: {} at {}", call.description(), e.getClass().getName(),
                    e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
            return CarrierResult.transientFailure(CarrierError.of(carrierId(), Category.PROTOCOL,
                    call.description() + " failed inside the adapter: " + e.getClass().getSimpleName()), mutating);
        }
    }

    private Failure classify(Call call, Exchange answer, boolean mutating) {
        return PitneyBowesErrors.classify(carrierId(), settings.errorCodes(), answer.status(), answer.body(),
                mutating, call.description() + client.trace(answer));
    }

    /** Adds the transaction id to an unreadable-answer failure, so PB support can find the call. */
    private <T> CarrierResult<T> withContext(CarrierResult<T> result, Exchange answer) {
        if (result instanceof CarrierResult.TransientFailure<T> t) {
            CarrierError e = t.error();
            return CarrierResult.transientFailure(new CarrierError(e.carrierId(), e.category(), e.carrierCode(),
                    e.carrierMessage(), e.httpStatus(), e.detail() + client.trace(answer)), t.outcomeUnknown());
        }
        if (result instanceof CarrierResult.PermanentFailure<T> p) {
            CarrierError e = p.error();
            return CarrierResult.permanentFailure(new CarrierError(e.carrierId(), e.category(), e.carrierCode(),
                    e.carrierMessage(), e.httpStatus(), e.detail() + client.trace(answer)));
        }
        return result;
    }

    private <T> CarrierResult<T> noPbOrderId() {
        return CarrierResult.permanentFailure(CarrierError.of(carrierId(), Category.NOT_FOUND,
                "no PB orderId for this order: it was never booked with PB"));
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
