package com.carriergateway.core.order;

import com.carriergateway.core.store.StoredOrder;
import com.carriergateway.core.routing.RoutingRule;
import com.carriergateway.core.routing.RoutingPolicy;
import com.carriergateway.core.pharmacy.PharmacyAccount;
import com.carriergateway.adapter.DeliveryCapability;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.Operation;
import com.carriergateway.core.TestDatabases;
import com.carriergateway.core.TestOrders;
import com.carriergateway.core.routing.CarrierRouter;
import com.carriergateway.core.store.NewOrder;
import com.carriergateway.core.store.OrderHistory;
import com.carriergateway.core.TestDatabases.Kind;
import com.carriergateway.core.answer.GatewayProblem;
import com.carriergateway.core.answer.MessageCode;
import com.carriergateway.core.order.CreateOrderCommand;
import com.carriergateway.core.carrier.CarrierRegistry;
import com.carriergateway.core.carrier.ResilienceProperties;
import com.carriergateway.core.config.GatewayProperties;
import com.carriergateway.core.store.OrderEvent;
import com.carriergateway.core.store.OrderEventKind;
import com.carriergateway.core.store.OrderState;
import com.carriergateway.core.store.OrderStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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

/**
 * The CreateOrder use case against a real database and a scripted carrier: exactly-once booking, lookups after a lost
 * answer, failover, and what the answer says. Only its one public operation is used, as the route uses it.
 */
class BookOrderTest {

    /** The first answer as the edge would write it, reduced to what the tests check. */
    static final FirstAnswer ANSWER = (command, booked, messages, at) -> "answer for "
            + booked.order().carrierOrderId() + messages.stream().map(m -> " " + m.code().code()).reduce("", String::concat);

    ScriptedCarrier carrier;
    OrderStore store;
    BookOrder booking;
    Clock clock = Clock.systemUTC();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();

    void setUp(Kind kind, ScriptedCarrier scripted, Duration lease) {
        DataSource ds = TestDatabases.fresh(kind);
        carrier = scripted;
        store = new OrderStore(new JdbcTemplate(ds), new TransactionTemplate(new DataSourceTransactionManager(ds)), clock,
                new OrderHistory(new JdbcTemplate(ds), clock));
        GatewayProperties.Orders settings = new GatewayProperties.Orders();
        settings.setBookingLease(lease);
        settings.setConcurrentRepeatWait(Duration.ofSeconds(10));
        ResilienceProperties resilience = new ResilienceProperties();
        resilience.getDefaults().setRetryBackoff(Duration.ofMillis(1));
        resilience.getDefaults().setCreateAttempts(1);
        booking = booking(Map.of("scripted", carrier), settings, resilience);
    }

    BookOrder booking(Map<String, ScriptedCarrier> scripted, GatewayProperties.Orders settings,
                      ResilienceProperties resilience) {
        CarrierRegistry registry = new CarrierRegistry(Map.copyOf(scripted));
        return new BookOrder(store, registry, new CarrierRouter(registry, clock), ANSWER, settings, resilience, clock,
                new OrderMetrics(meters));
    }

    static CreateOrderCommand seed() {
        return TestOrders.command(TestOrders.pharmacy("scripted", null), TestOrders.seed());
    }

    /** The seed order with another total: the same order key, another content. */
    static CreateOrderCommand changedSeed() {
        return TestOrders.command(TestOrders.pharmacy("scripted", null),
                TestOrders.withTotal(TestOrders.seed(), "151.62"));
    }

    /** What the caller gets. */
    String createOrder(CreateOrderCommand req) {
        return booking.book(req).answer();
    }

    /** A CreateOrder whose process died after it claimed the order and sent the create: its row, holding the lease. */
    void holderDiedAfterClaiming(CreateOrderCommand req, Duration lease) {
        assertThat(store.insertBooking(new NewOrder(req.order().orderKey(), req.pharmacyId(), req.bestrxUniqueOrderId(),
                req.bestrxOrderId(), req.fingerprint()), Instant.now().plus(lease))).isTrue();
    }

    @ParameterizedTest
    @MethodSource("com.carriergateway.core.TestDatabases#kinds")
    void twentyConcurrentCopiesBookOneCarrierOrderAndAllGetTheFirstAnswer(Kind kind) throws Exception {
        setUp(kind, new ScriptedCarrier(Operation.CREATE_ORDER), Duration.ofSeconds(60));
        carrier.createDelayMs = 200; // the first booking is still in flight while the copies arrive
        CreateOrderCommand req = seed();
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
        assertThat(meters.get(OrderMetrics.NAME).tags("carrier", "scripted", "outcome", "booked").counter().count())
                .as("one order, counted once however often it was sent").isEqualTo(1);
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
        CreateOrderCommand changed = changedSeed();
        GatewayProblem p = catchThrowableOfType(GatewayProblem.class, () -> createOrder(changed));
        assertThat(p.httpStatus()).isEqualTo(409);
        assertThat(p.messages().get(0).code()).isEqualTo(MessageCode.IDEMPOTENCY_CONFLICT);
        assertThat(p.messages().get(0).field()).isEqualTo("bestrx_unique_order_id");
        assertThat(carrier.creates).hasValue(1);
        assertThat(store.findById(seed().order().orderKey()).orElseThrow().createResponse()).isEqualTo("answer for ORD-1");
    }

    /** The seed order asking for a photo ID check, for a pharmacy routing same-day orders to {@code sameDay}. */
    static CreateOrderCommand photoIdOrder(String defaultCarrier, String sameDay, String serviceLevel) {
        PharmacyAccount pharmacy = new PharmacyAccount(TestOrders.PHARMACY, "Test Pharmacy", "key", new byte[32],
                new RoutingPolicy(defaultCarrier, List.of(new RoutingRule(sameDay, Set.of("same_day"), null, Set.of(),
                        List.of(), null, Set.of())), null, null), null);
        return TestOrders.command(pharmacy, TestOrders.withServiceLevel(
                TestOrders.withHandling(TestOrders.seed(), false, true, true), serviceLevel));
    }

    @ParameterizedTest
    @MethodSource("com.carriergateway.core.TestDatabases#kinds")
    void anOrderNoCarrierOfThePharmacyCanHonourIsRefusedNamingTheFieldAndNothingIsBooked(Kind kind) {
        setUp(kind, new ScriptedCarrier(Operation.CREATE_ORDER), Duration.ofSeconds(60));
        carrier.atTheDoor = Set.of(DeliveryCapability.SIGNATURE);
        CreateOrderCommand order = photoIdOrder("scripted", "scripted", "standard");

        GatewayProblem refused = catchThrowableOfType(GatewayProblem.class, () -> createOrder(order));

        assertThat(refused.httpStatus()).isEqualTo(422);
        assertThat(refused.messages()).singleElement().satisfies(m -> {
            assertThat(m.code()).isEqualTo(MessageCode.NO_CAPABLE_CARRIER);
            assertThat(m.field()).isEqualTo("photo_id_required");
            assertThat(m.text()).isEqualTo("The order asks for a photo ID check and none of the pharmacy's carriers "
                    + "can honour it (scripted cannot honour a photo ID check); nothing was booked.");
        });
        assertThat(carrier.creates).as("the carrier was never asked").hasValue(0);
        String key = order.order().orderKey();
        StoredOrder stored = store.findById(key).orElseThrow();
        assertThat(stored.state()).isEqualTo(OrderState.FAILED);
        assertThat(stored.needsLookup()).isFalse();
        assertThat(store.history(key)).extracting(OrderEvent::kind).contains(OrderEventKind.ROUTING_REFUSED);

        // the operator gives the pharmacy a carrier that checks ID: BestRx's next send books it
        carrier.atTheDoor = Set.of(DeliveryCapability.SIGNATURE, DeliveryCapability.ID_CHECK);
        assertThat(createOrder(order)).isEqualTo("answer for ORD-1");
        assertThat(carrier.creates).hasValue(1);
    }

    @Test
    void aCarrierThatCannotHonourTheOrderIsPassedOverAndTheAnswerSaysSo() {
        setUp(Kind.H2, new ScriptedCarrier(Operation.CREATE_ORDER), Duration.ofSeconds(60));
        ScriptedCarrier sameDay = new ScriptedCarrier("same-day", Operation.CREATE_ORDER);
        sameDay.atTheDoor = Set.of(DeliveryCapability.SIGNATURE);
        booking = booking(Map.of("scripted", carrier, "same-day", sameDay), new GatewayProperties.Orders(),
                new ResilienceProperties());
        CreateOrderCommand order = photoIdOrder("scripted", "same-day", "same_day");

        assertThat(createOrder(order)).isEqualTo("answer for ORD-1 DIS2006");

        assertThat(sameDay.creates).hasValue(0);
        assertThat(carrier.creates).hasValue(1);
        assertThat(store.history(order.order().orderKey()))
                .filteredOn(e -> e.kind() == OrderEventKind.CARRIER_SKIPPED).singleElement()
                .satisfies(e -> {
                    assertThat(e.carrierId()).isEqualTo("same-day");
                    assertThat(e.detail()).isEqualTo("cannot honour a photo ID check");
                });
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

        CreateOrderCommand corrected = changedSeed();
        assertThat(createOrder(corrected)).isEqualTo("answer for ORD-2");
        assertThat(carrier.finds).hasValue(0);
        assertThat(meters.get(OrderMetrics.NAME).tags("carrier", "scripted", "outcome", "carrier_rejected_request")
                .counter().count()).isEqualTo(1);
        assertThat(meters.get(OrderMetrics.NAME).tags("carrier", "scripted", "outcome", "booked").counter().count())
                .isEqualTo(1);
    }

    @Test
    void aBookingWhoseHolderDiedIsTakenOverAfterItsLeaseAndLookedUpFirst() {
        setUp(Kind.H2, new ScriptedCarrier(Operation.CREATE_ORDER, Operation.FIND_ORDER), Duration.ofMillis(300));
        CreateOrderCommand req = seed();
        holderDiedAfterClaiming(req, Duration.ofMillis(-1)); // its lease has run out
        carrier.findAnswers.add(CarrierResult.success(Optional.of(ScriptedCarrier.booked("ORD-BY-THE-DEAD"))));

        assertThat(createOrder(req)).isEqualTo("answer for ORD-BY-THE-DEAD");
        assertThat(carrier.finds).as("asked first").hasValue(1);
        assertThat(carrier.creates).as("never created again").hasValue(0);
        assertThat(store.history(req.order().orderKey())).extracting(OrderEvent::kind)
                .contains(OrderEventKind.RECOVERED_BY_LOOKUP);
    }

    @Test
    void theCarriersRemarksBecomeWarningsInTheAnswerAndLinesInTheHistory() {
        setUp(Kind.H2, new ScriptedCarrier(Operation.CREATE_ORDER), Duration.ofSeconds(60));
        carrier.createAnswers.add(new CarrierResult.Success<>(ScriptedCarrier.booked("ORD-HELD"),
                List.of("the order is on hold at the carrier: ADDRESS_REVIEW")));
        CreateOrderAnswer answer = booking.book(seed());
        assertThat(answer.answer()).isEqualTo("answer for ORD-HELD DIS2004");
        assertThat(answer.messages()).singleElement().satisfies(m -> {
            assertThat(m.code()).isEqualTo(MessageCode.CARRIER_WARNING);
            assertThat(m.carrierId()).isEqualTo("scripted");
            assertThat(m.text()).contains("on hold at the carrier: ADDRESS_REVIEW");
        });
        assertThat(store.history(seed().order().orderKey())).filteredOn(e -> e.kind() == OrderEventKind.CARRIER_WARNING)
                .singleElement().satisfies(e -> assertThat(e.detail()).contains("ADDRESS_REVIEW"));
        assertThat(createOrder(seed())).as("a repeat gets the same answer, warning included")
                .isEqualTo("answer for ORD-HELD DIS2004");
    }

    @Test
    void anOrderBookedWithoutAnAnswerIsAnsweredFromWhatWasRecordedAndNotBookedAgain() {
        setUp(Kind.H2, new ScriptedCarrier(Operation.CREATE_ORDER), Duration.ofSeconds(60));
        CreateOrderCommand req = seed();
        holderDiedAfterClaiming(req, Duration.ofSeconds(60));
        // a CancelOrder's lookup (or an operator) found and recorded the carrier's order before any answer was given
        store.markBooked(req.order().orderKey(), "scripted", ScriptedCarrier.booked("ORD-FOUND"), null,
                OrderEventKind.RECOVERED_BY_LOOKUP);
        assertThat(createOrder(req)).isEqualTo("answer for ORD-FOUND");
        assertThat(createOrder(req)).isEqualTo("answer for ORD-FOUND");
        assertThat(carrier.creates).hasValue(0);
    }

    /**
     * A crash cut a booking short at a carrier that offers no lookup by our key: the gateway cannot know whether the
     * carrier holds the order, so it never creates it again. Every repeat is answered 504 DIS1005 (saying so), the
     * order waits as FAILED needing a lookup, and its history says why: the operator reconciles it with the carrier.
     */
    @Test
    void aBookingCutShortByACrashAtACarrierThatCannotBeAskedIsNeverCreatedAgain() {
        setUp(Kind.H2, new ScriptedCarrier(Operation.CREATE_ORDER), Duration.ofMillis(300));
        CreateOrderCommand req = seed();
        holderDiedAfterClaiming(req, Duration.ofMillis(-1)); // it sent the create, then its process died

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
    void aLookupTheCarrierRefusesIsAnsweredAsAnUnknownOutcomeNotAsARefusalOfTheOrder() {
        setUp(Kind.H2, new ScriptedCarrier(Operation.CREATE_ORDER, Operation.FIND_ORDER), Duration.ofMillis(300));
        CreateOrderCommand req = seed();
        holderDiedAfterClaiming(req, Duration.ofMillis(-1));
        carrier.findAnswers.add(CarrierResult.permanentFailure(
                CarrierError.of("scripted", CarrierError.Category.VALIDATION, "search refused")));

        GatewayProblem p = catchThrowableOfType(GatewayProblem.class, () -> createOrder(req));

        assertThat(p.httpStatus()).isEqualTo(504);
        assertThat(p.messages().get(0).code()).isEqualTo(MessageCode.CARRIER_TIMEOUT);
        assertThat(p.messages().get(0).text()).contains("refused to say whether it booked it", "search refused");
        assertThat(carrier.creates).hasValue(0);
        assertThat(store.findById(req.order().orderKey()).orElseThrow().needsLookup()).isTrue();
    }

    /** An order left waiting for the operator by a crash at a carrier that cannot be asked, as above. */
    CreateOrderCommand waitingForTheOperator(Kind kind) {
        setUp(kind, new ScriptedCarrier(Operation.CREATE_ORDER), Duration.ofMillis(300));
        CreateOrderCommand req = seed();
        holderDiedAfterClaiming(req, Duration.ofMillis(-1));
        assertThat(catchThrowableOfType(GatewayProblem.class, () -> createOrder(req)).httpStatus()).isEqualTo(504);
        return req;
    }

    @ParameterizedTest
    @MethodSource("com.carriergateway.core.TestDatabases#kinds")
    void anOperatorWhoFindsTheOrderAtTheCarrierHasItBookedAndBestRxsNextCreateOrderAnsweredWithoutACarrierCall(
            Kind kind) {
        CreateOrderCommand req = waitingForTheOperator(kind);
        String key = req.order().orderKey();

        ReconcileBooking.Result result = new ReconcileBooking(store).reconcile(new ReconcileBooking.Command(key,
                new ReconcileBooking.AtCarrier("ORD-BY-HAND", null)));

        assertThat(result).isInstanceOf(ReconcileBooking.Reconciled.class);
        var order = ((ReconcileBooking.Reconciled) result).order();
        assertThat(order.state()).isEqualTo(OrderState.BOOKED);
        assertThat(order.needsLookup()).isFalse();
        assertThat(order.carrierId()).isEqualTo("scripted");
        assertThat(order.trackingId()).isEqualTo("ORD-BY-HAND");
        assertThat(createOrder(req)).isEqualTo("answer for ORD-BY-HAND");
        assertThat(createOrder(req)).as("then replayed").isEqualTo("answer for ORD-BY-HAND");
        assertThat(carrier.creates).as("creates after the crash").hasValue(0);
        assertThat(store.history(key)).extracting(OrderEvent::kind).containsSubsequence(
                OrderEventKind.BOOKING_OUTCOME_UNKNOWN, OrderEventKind.RECONCILED_BY_OPERATOR);
    }

    @ParameterizedTest
    @MethodSource("com.carriergateway.core.TestDatabases#kinds")
    void anOperatorWhoFindsNothingAtTheCarrierLetsBestRxsNextCreateOrderBookIt(Kind kind) {
        CreateOrderCommand req = waitingForTheOperator(kind);
        String key = req.order().orderKey();

        ReconcileBooking.Result result = new ReconcileBooking(store).reconcile(new ReconcileBooking.Command(key,
                new ReconcileBooking.NotAtCarrier()));

        assertThat(((ReconcileBooking.Reconciled) result).order().state()).isEqualTo(OrderState.FAILED);
        assertThat(createOrder(req)).isEqualTo("answer for ORD-1");
        assertThat(carrier.creates).hasValue(1);
        assertThat(store.findById(key).orElseThrow().state()).isEqualTo(OrderState.BOOKED);
        assertThat(store.history(key)).extracting(OrderEvent::kind).containsSubsequence(
                OrderEventKind.RECONCILED_BY_OPERATOR, OrderEventKind.BOOKED);
    }

    @Test
    void onlyAnOrderWaitingForTheOperatorCanBeSettled() {
        setUp(Kind.H2, new ScriptedCarrier(Operation.CREATE_ORDER), Duration.ofSeconds(60));
        CreateOrderCommand req = seed();
        createOrder(req);
        ReconcileBooking reconcile = new ReconcileBooking(store);

        assertThat(reconcile.reconcile(new ReconcileBooking.Command(req.order().orderKey(),
                new ReconcileBooking.NotAtCarrier()))).isInstanceOf(ReconcileBooking.NothingToReconcile.class);
        assertThat(reconcile.reconcile(new ReconcileBooking.Command("CG-NO-SUCH",
                new ReconcileBooking.NotAtCarrier()))).isInstanceOf(ReconcileBooking.NoSuchOrder.class);
        assertThat(store.findById(req.order().orderKey()).orElseThrow().carrierOrderId()).isEqualTo("ORD-1");
        assertThat(store.history(req.order().orderKey())).extracting(OrderEvent::kind)
                .doesNotContain(OrderEventKind.RECONCILED_BY_OPERATOR);
        assertThatThrownBy(() -> new ReconcileBooking.AtCarrier(" ", null)).hasMessageStartingWith("carrier_order_id");
        assertThatThrownBy(() -> new ReconcileBooking.AtCarrier("X", "T".repeat(101)))
                .hasMessageStartingWith("tracking_id");
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
        booking = booking(Map.of("scripted", carrier, "second", second), new GatewayProperties.Orders(),
                new ResilienceProperties());
        carrier.createAnswers.add(CarrierResult.transientFailure(
                CarrierError.of("scripted", CarrierError.Category.CIRCUIT_OPEN, "not called"), false));
        CreateOrderCommand req = TestOrders.command(TestOrders.pharmacy("scripted", "second"), TestOrders.seed());
        CreateOrderAnswer answer = booking.book(req);
        BookedOrder booked = answer.booked();
        assertThat(booked.carrierId()).isEqualTo("second");
        assertThat(booked.failedOverFrom()).isEqualTo("scripted");
        assertThat(answer.messages()).extracting(m -> m.code()).containsExactly(MessageCode.CARRIER_FAILOVER);
        assertThat(store.history(req.order().orderKey())).extracting(OrderEvent::kind).contains(OrderEventKind.FAILOVER);
    }

    @Test
    void anAmbiguousTimeoutNeverFailsOver() {
        setUp(Kind.H2, new ScriptedCarrier(Operation.CREATE_ORDER), Duration.ofSeconds(60));
        ScriptedCarrier second = new ScriptedCarrier("second", Operation.CREATE_ORDER);
        booking = booking(Map.of("scripted", carrier, "second", second), new GatewayProperties.Orders(),
                new ResilienceProperties());
        carrier.createAnswers.add(CarrierResult.transientFailure(
                CarrierError.of("scripted", CarrierError.Category.TIMEOUT, "no answer"), true));
        CreateOrderCommand req = TestOrders.command(TestOrders.pharmacy("scripted", "second"), TestOrders.seed());
        GatewayProblem p = catchThrowableOfType(GatewayProblem.class, () -> booking.book(req));
        assertThat(p.httpStatus()).isEqualTo(504);
        assertThat(second.creates).hasValue(0);
    }

    private void resilienceAllows(int createAttempts) {
        ResilienceProperties resilience = new ResilienceProperties();
        resilience.getDefaults().setRetryBackoff(Duration.ofMillis(1));
        resilience.getDefaults().setCreateAttempts(createAttempts);
        booking = booking(Map.of("scripted", carrier), new GatewayProperties.Orders(), resilience);
    }
}
