package com.carriergateway.routes.carrier;

import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.CarrierStatusEvent;
import com.carriergateway.adapter.Operation;
import com.carriergateway.adapter.WebhookRequest;
import com.carriergateway.adapter.model.Address;
import com.carriergateway.adapter.model.AddressCheck;
import com.carriergateway.adapter.model.CancelOutcome;
import com.carriergateway.adapter.model.CarrierOrder;
import com.carriergateway.adapter.model.CarrierOrderRef;
import com.carriergateway.adapter.model.DeliveryOrder;
import com.carriergateway.adapter.model.StatusUpdate;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A carrier behind a circuit breaker and a bulkhead. When the circuit is open or the bulkhead full the
 * carrier is not called at all and the answer is immediate ({@code CIRCUIT_OPEN}, {@code BULKHEAD_FULL}),
 * instead of waiting on a dead carrier. Only carrier trouble counts against the circuit: 5xx, connection
 * failures, timeouts and unreadable answers; never a refusal or a rejected request.
 *
 * <p>Idempotent calls (lookup, cancel by id, status, address) are repeated on a transient failure; a create is
 * never repeated here (the booking flow repeats it only after a lookup shows nothing was booked).
 */
public final class ResilientCarrierAdapter implements CarrierAdapter {

    private static final Logger log = LoggerFactory.getLogger(ResilientCarrierAdapter.class);

    private final CarrierAdapter carrier;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    private final ResilienceProperties.Policy policy;

    public ResilientCarrierAdapter(CarrierAdapter carrier, CircuitBreaker breaker, Bulkhead bulkhead,
                                   ResilienceProperties.Policy policy) {
        this.carrier = carrier;
        this.breaker = breaker;
        this.bulkhead = bulkhead;
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
    public CarrierResult<CarrierOrder> createOrder(DeliveryOrder order) {
        return guarded(Operation.CREATE_ORDER, () -> carrier.createOrder(order));
    }

    @Override
    public CarrierResult<Optional<CarrierOrder>> findOrder(String orderKey) {
        return repeated(Operation.FIND_ORDER, () -> carrier.findOrder(orderKey));
    }

    @Override
    public CarrierResult<CancelOutcome> cancelOrder(CarrierOrderRef order) {
        return repeated(Operation.CANCEL_ORDER, () -> carrier.cancelOrder(order));
    }

    @Override
    public CarrierResult<StatusUpdate> getStatus(CarrierOrderRef order) {
        return repeated(Operation.GET_STATUS, () -> carrier.getStatus(order));
    }

    @Override
    public CarrierResult<AddressCheck> validateAddress(Address address) {
        return repeated(Operation.VALIDATE_ADDRESS, () -> carrier.validateAddress(address));
    }

    /** Parsing a webhook calls no carrier: nothing to protect. */
    @Override
    public CarrierResult<List<CarrierStatusEvent>> parseWebhook(WebhookRequest request) {
        return carrier.parseWebhook(request);
    }

    private <T> CarrierResult<T> repeated(Operation op, Supplier<CarrierResult<T>> call) {
        int attempts = Math.max(1, policy.getRetryAttempts());
        for (int attempt = 1; ; attempt++) {
            CarrierResult<T> result = guarded(op, call);
            if (attempt >= attempts || !worthRepeating(result)) {
                return result;
            }
            log.info("{} {}: transient failure, repeating (attempt {} of {})", carrierId(), op, attempt + 1, attempts);
            pause(policy.getRetryBackoff().toMillis() * attempt);
        }
    }

    private <T> CarrierResult<T> guarded(Operation op, Supplier<CarrierResult<T>> call) {
        if (!carrier.capabilities().contains(op)) {
            return call.get(); // NotSupported: no carrier call, nothing to count
        }
        if (!breaker.tryAcquirePermission()) {
            return CarrierResult.transientFailure(CarrierError.of(carrierId(), Category.CIRCUIT_OPEN,
                    "not called: the circuit breaker is open after repeated failures of " + carrierId()), false);
        }
        if (!bulkhead.tryAcquirePermission()) {
            breaker.releasePermission();
            return CarrierResult.transientFailure(CarrierError.of(carrierId(), Category.BULKHEAD_FULL,
                    "not called: " + policy.getMaxConcurrentCalls() + " calls to " + carrierId()
                            + " are already in flight"), false);
        }
        long start = System.nanoTime();
        try {
            CarrierResult<T> result = call.get();
            long elapsed = System.nanoTime() - start;
            if (countsAgainstCarrier(result)) {
                breaker.onError(elapsed, TimeUnit.NANOSECONDS, new CarrierTrouble(result));
            } else {
                breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
            }
            return result;
        } catch (RuntimeException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            throw e;
        } finally {
            bulkhead.onComplete();
        }
    }

    private static boolean countsAgainstCarrier(CarrierResult<?> result) {
        return result instanceof CarrierResult.TransientFailure<?>;
    }

    static boolean worthRepeating(CarrierResult<?> result) {
        if (!(result instanceof CarrierResult.TransientFailure<?> t)) {
            return false;
        }
        Category c = t.error().category();
        return c != Category.CIRCUIT_OPEN && c != Category.BULKHEAD_FULL;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the circuit breaker records for a transient carrier failure (it wants a Throwable). */
    static final class CarrierTrouble extends RuntimeException {
        CarrierTrouble(CarrierResult<?> result) {
            super(result.failure().map(e -> e.category().name()).orElse("failure"), null, false, false);
        }
    }
}
