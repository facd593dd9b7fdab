package com.carriergateway.routes.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.Operation;
import com.carriergateway.routes.TestDatabases;
import com.carriergateway.routes.TestDatabases.Kind;
import com.carriergateway.routes.api.GatewayProblem;
import com.carriergateway.routes.api.MessageCode;
import com.carriergateway.routes.bestrx.BestRxJson;
import com.carriergateway.routes.bestrx.CreateOrderReader;
import com.carriergateway.routes.bestrx.CreateOrderRequest;
import com.carriergateway.routes.carrier.CarrierRegistry;
import com.carriergateway.routes.carrier.ResilienceProperties;
import com.carriergateway.routes.config.GatewayProperties;
import com.carriergateway.routes.store.OrderEvent;
import com.carriergateway.routes.store.OrderEventKind;
import com.carriergateway.routes.store.OrderState;
import com.carriergateway.routes.store.OrderStore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Exactly-once booking against a real database, with a scripted carrier. */
class OrderBookingTest {

    static final String PHARMACY = "ef0a4740-0be9-44f7-b89d-9e66eeba0b9a";

    ScriptedCarrier carrier;
    OrderStore store;
    OrderBooking booking;

    void setUp(Kind kind, ScriptedCarrier scripted, Duration lease) {
        DataSource ds = TestDatabases.fresh(kind);
        carrier = scripted;
        Clock clock = Clock.systemUTC();
        store = new OrderStore(new JdbcTemplate(ds), new TransactionTemplate(new DataSourceTransactionManager(ds)), clock);
        GatewayProperties.Orders settings = new GatewayProperties.Orders();
        settings.setBookingLease(lease);
        settings.setConcurrentRepeatWait(Duration.ofSeconds(10));
        ResilienceProperties resilience = new ResilienceProperties();
        resilience.getDefaults().setRetryBackoff(Duration.ofMillis(1));
        resilience.getDefaults().setCreateAttempts(1);
        booking = new OrderBooking(store, new CarrierRegistry(Map.of("scripted", carrier)), settings, resilience, clock);
    }

    static CreateOrderRequest request(java.util.function.Consumer<ObjectNode> edit) {
        try (InputStream in = OrderBookingTest.class.getResourceAsStream("/bestrx/create-order-seed.json")) {
            ObjectNode json = (ObjectNode) BestRxJson.readObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            edit.accept(json);
            return CreateOrderReader.read(json, PHARMACY, Instant.now());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static CreateOrderRequest seed() {
        return request(j -> { });
    }

    static String fingerprint(CreateOrderRequest r) {
        return "fp-" + r.order().amounts().total().toPlainString();
    }

    /** claim → book → record, as the CreateOrder route does; returns the answer the caller gets. */
    String createOrder(CreateOrderRequest req) {
        BookingClaim claim = booking.claim(req, fingerprint(req));
        if (claim.isReplay()) {
            return claim.replay();
        }
        BookedOrder booked = booking.book(req, "scripted", claim, null);
        String answer = "answer for " + booked.order().carrierOrderId();
        booking.record(req.order().orderKey(), booked, answer);
        return answer;
    }

    @ParameterizedTest
    @MethodSource("com.carriergateway.routes.TestDatabases#kinds")
    void twentyConcurrentCopiesBookOneCarrierOrderAndAllGetTheFirstAnswer(Kind kind) throws Exception {
        setUp(kind, new ScriptedCarrier(Operation.CREATE_ORDER), Duration.ofSeconds(60));
        carrier.createDelayMs = 200; // the first booking is still in flight while the copies arrive
        CreateOrderRequest req = seed();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(pool.submit(() -> {
                go.await();
                return createOrder(req);
            }));
        }
        go.countDown();
        Set<String> distinct = new HashSet<>();
        for (Future<String> f : answers) {
            distinct.add(f.get());
        }
        pool.shutdown();
        assertThat(carrier.creates).hasValue(1);
        assertThat(distinct).containsExactly("answer for ORD-1");
    }

    @Test
    void aRepeatAfterBookingReplaysWithoutCallingTheCarrier() {
        setUp(Kind.H2, new ScriptedCarrier(Operation.CREATE_ORDER), Duration.ofSeconds(60));
        assertThat(createOrder(seed())).isEqualTo("answer for ORD-1");
        assertThat(createOrder(seed())).isEqualTo("answer for ORD-1");
        assertThat(carrier.creates).hasValue(1);
    }

    @Test
    void theSameKeyWithADifferentBodyIsAConflictAndChangesNothing() {
        setUp(Kind.H2, new ScriptedCarrier(Operation.CREATE_ORDER), Duration.ofSeconds(60));
        createOrder(seed());
        CreateOrderRequest changed = request(j -> j.put("total_amount", "151.62"));
        GatewayProblem p = catchThrowableOfType(GatewayProblem.class, () -> createOrder(changed));
        assertThat(p.httpStatus()).isEqualTo(409);
        assertThat(p.messages().get(0).code()).isEqualTo(MessageCode.IDEMPOTENCY_CONFLICT);
        assertThat(p.messages().get(0).field()).isEqualTo("bestrx_unique_order_id");
        assertThat(carrier.creates).hasValue(1);
        assertThat(store.findById(seed().order().orderKey()).orElseThrow().createResponse()).isEqualTo("answer for ORD-1");
    }

    @Test
    void afterALostAnswerTheRetryFindsTheCarriersOrderInsteadOfBookingASecond() {
        setUp(Kind.H2, new ScriptedCarrier(Operation.CREATE_ORDER, Operation.FIND_ORDER), Duration.ofSeconds(60));
        carrier.createAnswers.add(CarrierResult.transientFailure(
                CarrierError.of("scripted", CarrierError.Category.TIMEOUT, "no answer"), true));
        GatewayProblem p = catchThrowableOfType(GatewayProblem.class, () -> createOrder(seed()));
        assertThat(p.httpStatus()).isEqualTo(504);
        String key = seed().order().orderKey();
        assertThat(store.findById(key).orElseThrow().needsLookup()).isTrue();

        carrier.findAnswers.add(CarrierResult.success(Optional.of(ScriptedCarrier.booked("ORD-EXISTING"))));
        assertThat(createOrder(seed())).isEqualTo("answer for ORD-EXISTING");
        assertThat(carrier.creates).as("creates").hasValue(1);
        assertThat(carrier.finds).hasValue(1);
        assertThat(store.history(key)).extracting(OrderEvent::kind).contains(
                OrderEventKind.BOOKING_OUTCOME_UNKNOWN, OrderEventKind.RECOVERED_BY_LOOKUP);
    }

    @Test
    void whenTheLookupFindsNothingTheOrderIsCreatedAfterAll() {
        setUp(Kind.H2, new ScriptedCarrier(Operation.CREATE_ORDER, Operation.FIND_ORDER), Duration.ofSeconds(60));
        carrier.createAnswers.add(CarrierResult.transientFailure(
                CarrierError.of("scripted", CarrierError.Category.TIMEOUT, "no answer"), true));
        catchThrowableOfType(GatewayProblem.class, () -> createOrder(seed()));
        assertThat(createOrder(seed())).isEqualTo("answer for ORD-2");
        assertThat(carrier.finds).hasValue(1);
        assertThat(carrier.creates).hasValue(2);
    }

    @Test
    void aCarrierThatCannotBeAskedIsNeverSentARepeatAfterALostAnswer() {
        setUp(Kind.H2, new ScriptedCarrier(Operation.CREATE_ORDER), Duration.ofSeconds(60));
        carrier.createAnswers.add(CarrierResult.transientFailure(
                CarrierError.of("scripted", CarrierError.Category.TIMEOUT, "no answer"), true));
        catchThrowableOfType(GatewayProblem.class, () -> createOrder(seed()));
        GatewayProblem p = catchThrowableOfType(GatewayProblem.class, () -> createOrder(seed()));
        assertThat(p.messages().get(0).code()).isEqualTo(MessageCode.CARRIER_TIMEOUT);
        assertThat(carrier.creates).hasValue(1);
    }

    @Test
    void aRefusalReleasesTheKeySoACorrectedOrderCanBeSent() {
        setUp(Kind.H2, new ScriptedCarrier(Operation.CREATE_ORDER), Duration.ofSeconds(60));
        carrier.createAnswers.add(CarrierResult.permanentFailure(new CarrierError("scripted",
                CarrierError.Category.VALIDATION, "1019003", "Invalid postal code", 400, null)));
        GatewayProblem p = catchThrowableOfType(GatewayProblem.class, () -> createOrder(seed()));
        assertThat(p.httpStatus()).isEqualTo(422);
        assertThat(p.messages().get(0).carrierCode()).isEqualTo("1019003");
        assertThat(p.messages().get(0).text()).contains("Invalid postal code");
        assertThat(store.findById(seed().order().orderKey()).orElseThrow().state()).isEqualTo(OrderState.FAILED);

        CreateOrderRequest corrected = request(j -> j.put("total_amount", "151.62"));
        assertThat(createOrder(corrected)).isEqualTo("answer for ORD-2");
        assertThat(carrier.finds).hasValue(0);
    }

    @Test
    void aBookingWhoseHolderDiedIsTakenOverAfterItsLeaseAndLookedUpFirst() throws Exception {
        setUp(Kind.H2, new ScriptedCarrier(Operation.CREATE_ORDER, Operation.FIND_ORDER), Duration.ofMillis(300));
        CreateOrderRequest req = seed();
        assertThat(booking.claim(req, fingerprint(req)).lookUpFirst()).isFalse(); // and then this holder "crashes"
        Thread.sleep(400);
        BookingClaim second = booking.claim(req, fingerprint(req));
        assertThat(second.isReplay()).isFalse();
        assertThat(second.lookUpFirst()).isTrue();
    }

    /**
     * A crash cut a booking short at a carrier that offers no lookup by our key: the gateway cannot know whether the
     * carrier holds the order, so it never creates it again. Every repeat is answered 504 DIS1005 (saying so), the
     * order waits as FAILED needing a lookup, and its history says why: the operator reconciles it with the carrier.
     */
    @Test
    void aBookingCutShortByACrashAtACarrierThatCannotBeAskedIsNeverCreatedAgain() throws Exception {
        setUp(Kind.H2, new ScriptedCarrier(Operation.CREATE_ORDER), Duration.ofMillis(300));
        CreateOrderRequest req = seed();
        booking.claim(req, fingerprint(req)); // the holder sends the create, then its process dies
        Thread.sleep(400);

        for (int repeat = 0; repeat < 2; repeat++) {
            GatewayProblem p = catchThrowableOfType(GatewayProblem.class, () -> createOrder(req));
            assertThat(p.httpStatus()).isEqualTo(504);
            assertThat(p.messages().get(0).code()).isEqualTo(MessageCode.CARRIER_TIMEOUT);
            assertThat(p.messages().get(0).text()).contains("cannot be asked whether it booked it");
        }
        assertThat(carrier.creates).as("creates sent after the crash").hasValue(0);
        var order = store.findById(req.order().orderKey()).orElseThrow();
        assertThat(order.state()).isEqualTo(OrderState.FAILED);
        assertThat(order.needsLookup()).isTrue();
        assertThat(store.history(req.order().orderKey())).extracting(OrderEvent::kind)
                .contains(OrderEventKind.BOOKING_OUTCOME_UNKNOWN).doesNotContain(OrderEventKind.BOOKED);
    }

    @Test
    void aTransientlyFailedCreateIsSentAgainOnlyAfterALookupFindsNothing() {
        setUp(Kind.H2, new ScriptedCarrier(Operation.CREATE_ORDER, Operation.FIND_ORDER), Duration.ofSeconds(60));
        resilienceAllows(2);
        carrier.createAnswers.add(CarrierResult.transientFailure(
                CarrierError.of("scripted", CarrierError.Category.UNAVAILABLE, "connection reset"), true));
        assertThat(createOrder(seed())).isEqualTo("answer for ORD-2");
        assertThat(carrier.finds).hasValue(1);
        assertThat(carrier.creates).hasValue(2);
    }

    @Test
    void aFailedCreateThatBookedAfterAllIsKeptNotBookedAgain() {
        setUp(Kind.H2, new ScriptedCarrier(Operation.CREATE_ORDER, Operation.FIND_ORDER), Duration.ofSeconds(60));
        resilienceAllows(2);
        carrier.createAnswers.add(CarrierResult.transientFailure(
                CarrierError.of("scripted", CarrierError.Category.TIMEOUT, "no answer"), true));
        carrier.findAnswers.add(CarrierResult.success(Optional.of(ScriptedCarrier.booked("ORD-LATE"))));
        assertThat(createOrder(seed())).isEqualTo("answer for ORD-LATE");
        assertThat(carrier.creates).hasValue(1);
    }

    @Test
    void anOpenCircuitFailsOverToThePharmacysSecondCarrierAndSaysSo() {
        setUp(Kind.H2, new ScriptedCarrier(Operation.CREATE_ORDER), Duration.ofSeconds(60));
        ScriptedCarrier second = new ScriptedCarrier("second", Operation.CREATE_ORDER);
        booking = new OrderBooking(store, new CarrierRegistry(Map.of("scripted", carrier, "second", second)),
                new GatewayProperties.Orders(), new ResilienceProperties(), Clock.systemUTC());
        carrier.createAnswers.add(CarrierResult.transientFailure(
                CarrierError.of("scripted", CarrierError.Category.CIRCUIT_OPEN, "not called"), false));
        CreateOrderRequest req = seed();
        BookedOrder booked = booking.book(req, "scripted", booking.claim(req, fingerprint(req)), "second");
        assertThat(booked.carrierId()).isEqualTo("second");
        assertThat(booked.failedOverFrom()).isEqualTo("scripted");
        assertThat(store.history(req.order().orderKey())).extracting(OrderEvent::kind).contains(OrderEventKind.FAILOVER);
    }

    @Test
    void anAmbiguousTimeoutNeverFailsOver() {
        setUp(Kind.H2, new ScriptedCarrier(Operation.CREATE_ORDER), Duration.ofSeconds(60));
        ScriptedCarrier second = new ScriptedCarrier("second", Operation.CREATE_ORDER);
        booking = new OrderBooking(store, new CarrierRegistry(Map.of("scripted", carrier, "second", second)),
                new GatewayProperties.Orders(), new ResilienceProperties(), Clock.systemUTC());
        carrier.createAnswers.add(CarrierResult.transientFailure(
                CarrierError.of("scripted", CarrierError.Category.TIMEOUT, "no answer"), true));
        CreateOrderRequest req = seed();
        GatewayProblem p = catchThrowableOfType(GatewayProblem.class,
                () -> booking.book(req, "scripted", booking.claim(req, fingerprint(req)), "second"));
        assertThat(p.httpStatus()).isEqualTo(504);
        assertThat(second.creates).hasValue(0);
    }

    private void resilienceAllows(int createAttempts) {
        ResilienceProperties resilience = new ResilienceProperties();
        resilience.getDefaults().setRetryBackoff(Duration.ofMillis(1));
        resilience.getDefaults().setCreateAttempts(createAttempts);
        booking = new OrderBooking(store, new CarrierRegistry(Map.of("scripted", carrier)),
                new GatewayProperties.Orders(), resilience, Clock.systemUTC());
    }
}
