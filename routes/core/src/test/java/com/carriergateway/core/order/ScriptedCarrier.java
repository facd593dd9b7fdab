package com.carriergateway.core.order;

import com.carriergateway.adapter.DeliveryCapability;
import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.Operation;
import com.carriergateway.adapter.model.CancelOutcome;
import com.carriergateway.adapter.model.CarrierOrder;
import com.carriergateway.adapter.model.CarrierOrderRef;
import com.carriergateway.adapter.model.DeliveryOrder;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A carrier stand-in for unit tests of the booking logic only: it answers from a script and counts calls.
 * (Flows are tested end to end against the real adapters and WireMock in gateway-app.)
 */
final class ScriptedCarrier implements CarrierAdapter {

    final AtomicInteger creates = new AtomicInteger();
    final AtomicInteger finds = new AtomicInteger();
    final AtomicInteger cancels = new AtomicInteger();
    final Deque<CarrierResult<CarrierOrder>> createAnswers = new ArrayDeque<>();
    final Deque<CarrierResult<Optional<CarrierOrder>>> findAnswers = new ArrayDeque<>();
    final Deque<CarrierResult<CancelOutcome>> cancelAnswers = new ArrayDeque<>();
    private final String id;
    private final Set<Operation> capabilities;
    volatile long createDelayMs;
    /** What it honours at the door: everything, unless a test says otherwise. */
    volatile Set<DeliveryCapability> atTheDoor = EnumSet.allOf(DeliveryCapability.class);

    ScriptedCarrier(Operation... capabilities) {
        this("scripted", capabilities);
    }

    ScriptedCarrier(String id, Operation... capabilities) {
        this.id = id;
        this.capabilities = capabilities.length == 0 ? EnumSet.noneOf(Operation.class) : EnumSet.of(capabilities[0], capabilities);
    }

    @Override
    public String carrierId() {
        return id;
    }

    @Override
    public Set<Operation> capabilities() {
        return capabilities;
    }

    @Override
    public Set<DeliveryCapability> deliveryCapabilities() {
        return atTheDoor;
    }

    @Override
    public CarrierResult<CarrierOrder> createOrder(DeliveryOrder order) {
        int n = creates.incrementAndGet();
        if (createDelayMs > 0) {
            try {
                Thread.sleep(createDelayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (createAnswers) {
            return createAnswers.isEmpty() ? CarrierResult.success(booked("ORD-" + n)) : createAnswers.poll();
        }
    }

    @Override
    public CarrierResult<Optional<CarrierOrder>> findOrder(String orderKey) {
        finds.incrementAndGet();
        return findAnswers.isEmpty() ? CarrierResult.success(Optional.empty()) : findAnswers.poll();
    }

    @Override
    public CarrierResult<CancelOutcome> cancelOrder(CarrierOrderRef order) {
        cancels.incrementAndGet();
        return cancelAnswers.isEmpty() ? CarrierResult.success(new CancelOutcome(null, null)) : cancelAnswers.poll();
    }

    static CarrierOrder booked(String id) {
        return new CarrierOrder(id, "TRK-" + id, null, null, null, null);
    }
}
