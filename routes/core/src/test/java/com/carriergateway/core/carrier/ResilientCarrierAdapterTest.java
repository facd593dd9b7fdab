package com.carriergateway.core.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.Operation;
import com.carriergateway.adapter.model.CancelOutcome;
import com.carriergateway.adapter.model.CarrierOrder;
import com.carriergateway.adapter.model.CarrierOrderRef;
import com.carriergateway.adapter.model.DeliveryOrder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The circuit breaker, bulkhead and retries around a carrier, with a scripted carrier. */
class ResilientCarrierAdapterTest {

    /** Answers from a script; counts calls. Only a stand-in for this unit test. */
    static final class Flaky implements CarrierAdapter {
        final AtomicInteger creates = new AtomicInteger();
        final AtomicInteger cancels = new AtomicInteger();
        final Deque<CarrierResult<CarrierOrder>> createAnswers = new ArrayDeque<>();
        final Deque<CarrierResult<CancelOutcome>> cancelAnswers = new ArrayDeque<>();
        volatile CountDownLatch hold;

        public String carrierId() {
            return "flaky";
        }

        public Set<Operation> capabilities() {
            return Set.of(Operation.CREATE_ORDER, Operation.CANCEL_ORDER);
        }

        public CarrierResult<CarrierOrder> createOrder(DeliveryOrder order) {
            creates.incrementAndGet();
            if (hold != null) {
                try {
                    hold.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            synchronized (createAnswers) {
                return createAnswers.isEmpty() ? CarrierResult.success(new CarrierOrder("O", "T", null, null, null, null))
                        : createAnswers.poll();
            }
        }

        public CarrierResult<CancelOutcome> cancelOrder(CarrierOrderRef order) {
            cancels.incrementAndGet();
            return cancelAnswers.isEmpty() ? CarrierResult.success(new CancelOutcome(null, null)) : cancelAnswers.poll();
        }
    }

    static CarrierResult<CarrierOrder> unavailable() {
        return CarrierResult.transientFailure(CarrierError.of("flaky", Category.UNAVAILABLE, "503"), false);
    }

    static ResilientCarrierAdapter protect(Flaky carrier, java.util.function.Consumer<ResilienceProperties.Policy> tune) {
        return protect(carrier, tune, new SimpleMeterRegistry());
    }

    static ResilientCarrierAdapter protect(Flaky carrier, java.util.function.Consumer<ResilienceProperties.Policy> tune,
                                           SimpleMeterRegistry meters) {
        ResilienceProperties props = new ResilienceProperties();
        ResilienceProperties.Policy p = new ResilienceProperties.Policy();
        p.setMinimumNumberOfCalls(4);
        p.setSlidingWindowSize(4);
        p.setFailureRateThreshold(50);
        p.setWaitDurationInOpenState(Duration.ofMinutes(1));
        p.setRetryBackoff(Duration.ofMillis(1));
        tune.accept(p);
        props.getCarriers().put("flaky", p);
        return (ResilientCarrierAdapter) new CarrierResilience(props, new CarrierCallMetrics(meters)).apply(carrier);
    }

    @Test
    void afterRepeatedCarrierFailuresTheCircuitOpensAndTheCarrierIsNoLongerCalled() {
        Flaky carrier = new Flaky();
        ResilientCarrierAdapter guarded = protect(carrier, p -> { });
        for (int i = 0; i < 4; i++) {
            carrier.createAnswers.add(unavailable());
            assertThat(guarded.createOrder(null)).isInstanceOf(CarrierResult.TransientFailure.class);
        }
        CarrierResult<CarrierOrder> refused = guarded.createOrder(null);
        assertThat(refused.failure().orElseThrow().category()).isEqualTo(Category.CIRCUIT_OPEN);
        assertThat(((CarrierResult.TransientFailure<?>) refused).outcomeUnknown()).as("nothing was sent").isFalse();
        assertThat(carrier.creates).as("the fifth call never reached the carrier").hasValue(4);
    }

    @Test
    void everyAttemptIsTimedByCarrierOperationAndOutcomeEvenWhenTheCircuitSparesTheCarrier() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Flaky carrier = new Flaky();
        ResilientCarrierAdapter guarded = protect(carrier, p -> { }, meters);
        for (int i = 0; i < 4; i++) {
            carrier.createAnswers.add(unavailable());
            guarded.createOrder(null);
        }
        guarded.createOrder(null);

        assertThat(meters.get(CarrierCallMetrics.NAME).tags("carrier", "flaky", "operation", "create_order",
                "outcome", "unavailable").timer().count()).isEqualTo(4);
        assertThat(meters.get(CarrierCallMetrics.NAME).tags("carrier", "flaky", "operation", "create_order",
                "outcome", "circuit_open").timer().count()).isEqualTo(1);
    }

    @Test
    void refusalsAndRejectedRequestsNeverOpenTheCircuit() {
        Flaky carrier = new Flaky();
        ResilientCarrierAdapter guarded = protect(carrier, p -> { });
        for (int i = 0; i < 8; i++) {
            carrier.createAnswers.add(CarrierResult.permanentFailure(new CarrierError("flaky", Category.VALIDATION,
                    "1019003", "Invalid postal code", 400, null)));
            guarded.createOrder(null);
        }
        assertThat(guarded.createOrder(null)).isInstanceOf(CarrierResult.Success.class);
        assertThat(guarded.circuitBreaker().getState().name()).isEqualTo("CLOSED");
    }

    @Test
    void aCreateIsNeverRepeatedHereButAnIdempotentCancelIs() {
        Flaky carrier = new Flaky();
        ResilientCarrierAdapter guarded = protect(carrier, p -> p.setRetryAttempts(3));
        carrier.createAnswers.add(unavailable());
        assertThat(guarded.createOrder(null)).isInstanceOf(CarrierResult.TransientFailure.class);
        assertThat(carrier.creates).hasValue(1);

        carrier.cancelAnswers.add(CarrierResult.transientFailure(CarrierError.of("flaky", Category.TIMEOUT, "slow"), true));
        carrier.cancelAnswers.add(CarrierResult.transientFailure(CarrierError.of("flaky", Category.UNAVAILABLE, "503"), false));
        assertThat(guarded.cancelOrder(new CarrierOrderRef("O", "K", null))).isInstanceOf(CarrierResult.Success.class);
        assertThat(carrier.cancels).hasValue(3);
    }

    @Test
    void whenTheBulkheadIsFullTheExtraCallIsRefusedAtOnce() throws Exception {
        Flaky carrier = new Flaky();
        ResilientCarrierAdapter guarded = protect(carrier, p -> p.setMaxConcurrentCalls(1));
        carrier.hold = new CountDownLatch(1);
        Thread first = new Thread(() -> guarded.createOrder(null));
        first.start();
        while (carrier.creates.get() == 0) {
            Thread.onSpinWait();
        }
        CarrierResult<CarrierOrder> second = guarded.createOrder(null);
        carrier.hold.countDown();
        first.join();
        assertThat(second.failure().orElseThrow().category()).isEqualTo(Category.BULKHEAD_FULL);
        assertThat(carrier.creates).hasValue(1);
    }

    @Test
    void aCarriersOverridesApplyOverTheDefaults() {
        ResilienceProperties props = new ResilienceProperties();
        props.getDefaults().setMaxConcurrentCalls(7);
        ResilienceProperties.Policy pb = new ResilienceProperties.Policy();
        pb.setFailureRateThreshold(25);
        props.getCarriers().put("pb", pb);
        assertThat(props.policyFor("pb").getFailureRateThreshold()).isEqualTo(25);
        assertThat(props.policyFor("pb").getMaxConcurrentCalls()).isEqualTo(7);
        assertThat(props.policyFor("other").getFailureRateThreshold()).isEqualTo(50);
    }
}
