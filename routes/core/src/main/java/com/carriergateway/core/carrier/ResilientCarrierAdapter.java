package com.carriergateway.core.carrier;

import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.CarrierStatusEvent;
import com.carriergateway.adapter.DeliveryCapability;
import com.carriergateway.adapter.Operation;
import com.carriergateway.adapter.AccessTokenState;
import com.carriergateway.adapter.model.Address;
import com.carriergateway.adapter.model.AddressCheck;
import com.carriergateway.adapter.model.CancelOutcome;
import com.carriergateway.adapter.model.CarrierOrder;
import com.carriergateway.adapter.model.CarrierOrderRef;
import com.carriergateway.adapter.model.DeliveryOrder;
import com.carriergateway.adapter.model.StatusUpdate;
import com.carriergateway.adapter.webhook.WebhookProtocol;
import com.carriergateway.adapter.webhook.WebhookRequest;
import com.carriergateway.adapter.webhook.WebhookSettings;
import com.carriergateway.core.activity.CarrierCall;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * A carrier behind resilience4j's circuit breaker, bulkhead and retry. When the circuit is open or the bulkhead full
 * the carrier is not called at all and the answer is immediate ({@code CIRCUIT_OPEN}, {@code BULKHEAD_FULL}), instead
 * of waiting on a dead carrier. Only carrier trouble counts against the circuit ({@link #carrierTrouble}: 5xx,
 * connection failures, timeouts and unreadable answers); never a refusal or a rejected request.
 *
 * <p>Idempotent calls (lookup, cancel by id, status, address) are repeated on a transient failure
 * ({@link #worthRepeating}), each attempt through the breaker and the bulkhead; a create is never repeated here (the
 * booking use case repeats it only after a lookup shows nothing was booked).
 *
 * <p>Every attempt, and every call the breaker or bulkhead refused, is told to the {@code calls} listener (the
 * console's activity record) with its outcome and latency: here is the one place that sees each attempt.
 */
public final class ResilientCarrierAdapter implements CarrierAdapter {

    private final CarrierAdapter carrier;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    private final Retry retry;
    private final ResilienceProperties.Policy policy;
    private final Consumer<CarrierCall> calls;

    public ResilientCarrierAdapter(CarrierAdapter carrier, CircuitBreaker breaker, Bulkhead bulkhead, Retry retry,
                                   ResilienceProperties.Policy policy) {
        this(carrier, breaker, bulkhead, retry, policy, c -> { });
    }

    public ResilientCarrierAdapter(CarrierAdapter carrier, CircuitBreaker breaker, Bulkhead bulkhead, Retry retry,
                                   ResilienceProperties.Policy policy, Consumer<CarrierCall> calls) {
        this.calls = calls;
        this.carrier = carrier;
        this.breaker = breaker;
        this.bulkhead = bulkhead;
        this.retry = retry;
        this.policy = policy;
    }

    public CircuitBreaker circuitBreaker() {
        return breaker;
    }

    @Override
    public String carrierId() {
        return carrier.carrierId();
    }

    @Override
    public Set<Operation> capabilities() {
        return carrier.capabilities();
    }

    @Override
    public Set<DeliveryCapability> deliveryCapabilities() {
        return carrier.deliveryCapabilities();
    }

    @Override
    public CarrierResult<CarrierOrder> createOrder(DeliveryOrder order) {
        return guarded(Operation.CREATE_ORDER, order == null ? null : order.orderKey(), () -> carrier.createOrder(order), false);
    }

    @Override
    public CarrierResult<Optional<CarrierOrder>> findOrder(String orderKey) {
        return guarded(Operation.FIND_ORDER, orderKey, () -> carrier.findOrder(orderKey), true);
    }

    @Override
    public CarrierResult<CancelOutcome> cancelOrder(CarrierOrderRef order) {
        return guarded(Operation.CANCEL_ORDER, order == null ? null : order.orderKey(), () -> carrier.cancelOrder(order), true);
    }

    @Override
    public CarrierResult<StatusUpdate> getStatus(CarrierOrderRef order) {
        return guarded(Operation.GET_STATUS, order == null ? null : order.orderKey(), () -> carrier.getStatus(order), true);
    }

    @Override
    public CarrierResult<AddressCheck> validateAddress(Address address) {
        return guarded(Operation.VALIDATE_ADDRESS, null, () -> carrier.validateAddress(address), true);
    }

    /** The token cache's state: reading it calls no carrier. */
    @Override
    public Optional<AccessTokenState> accessToken() {
        return carrier.accessToken();
    }

    /** The carrier's own webhook protocol: verifying and answering a call calls no carrier, nothing to protect. */
    @Override
    public WebhookProtocol webhookProtocol(WebhookSettings settings) {
        return carrier.webhookProtocol(settings);
    }

    /** Parsing a webhook calls no carrier: nothing to protect. */
    @Override
    public CarrierResult<List<CarrierStatusEvent>> parseWebhook(WebhookRequest request) {
        return carrier.parseWebhook(request);
    }

    @SuppressWarnings("unchecked")
    private <T> CarrierResult<T> guarded(Operation op, String orderKey, Supplier<CarrierResult<T>> call,
                                         boolean repeatable) {
        if (!carrier.capabilities().contains(op)) {
            return call.get(); // NotSupported: no carrier call, nothing to count
        }
        Supplier<CarrierResult<T>> attempt = () -> {
            long start = System.nanoTime();
            CarrierResult<T> result = attempt(call);
            calls.accept(CarrierCall.of(carrierId(), orderKey, op, result, (System.nanoTime() - start) / 1_000_000,
                    MDC.get("requestId"), Instant.now()));
            return result;
        };
        if (!repeatable) {
            return attempt.get();
        }
        return (CarrierResult<T>) Retry.decorateSupplier(retry, (Supplier<CarrierResult<?>>) (Supplier<?>) attempt).get();
    }

    private <T> CarrierResult<T> attempt(Supplier<CarrierResult<T>> call) {
        try {
            return CircuitBreaker.decorateSupplier(breaker, Bulkhead.decorateSupplier(bulkhead, call)).get();
        } catch (CallNotPermittedException e) {
            return CarrierResult.transientFailure(CarrierError.of(carrierId(), Category.CIRCUIT_OPEN,
                    "not called: the circuit breaker is open after repeated failures of " + carrierId()), false);
        } catch (BulkheadFullException e) {
            return CarrierResult.transientFailure(CarrierError.of(carrierId(), Category.BULKHEAD_FULL,
                    "not called: " + policy.getMaxConcurrentCalls() + " calls to " + carrierId()
                            + " are already in flight"), false);
        }
    }

    /** Counts against the carrier's circuit: a transient failure the carrier caused. */
    static boolean carrierTrouble(Object result) {
        return result instanceof CarrierResult.TransientFailure<?> t && t.error().category() != Category.CIRCUIT_OPEN
                && t.error().category() != Category.BULKHEAD_FULL;
    }

    /** Worth another attempt of an idempotent call: a transient failure of a call that was made. */
    static boolean worthRepeating(Object result) {
        return carrierTrouble(result);
    }
}
