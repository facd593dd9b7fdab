package com.carriergateway.core.order;

import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.Operation;
import com.carriergateway.adapter.model.CarrierOrder;
import com.carriergateway.core.answer.GatewayProblem;
import com.carriergateway.core.answer.Message;
import com.carriergateway.core.answer.MessageCode;
import com.carriergateway.core.answer.MessageType;
import com.carriergateway.core.routing.CarrierRouter;
import com.carriergateway.core.routing.RoutingDecision;
import com.carriergateway.core.routing.RoutingPolicy;
import com.carriergateway.core.store.OrderState;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import com.carriergateway.core.order.CreateOrderCommand;
import com.carriergateway.core.carrier.CarrierRegistry;
import com.carriergateway.core.carrier.ResilienceProperties;
import com.carriergateway.core.config.GatewayProperties;
import com.carriergateway.core.store.NewOrder;
import com.carriergateway.core.store.OrderEvent;
import com.carriergateway.core.store.OrderEventKind;
import com.carriergateway.core.store.OrderStore;
import com.carriergateway.core.store.StoredOrder;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CreateOrder use case: books an order with a carrier exactly once per order key, however many times and on
 * however many instances BestRx sends it, and answers. It owns the whole sequence: claim the key (the database's
 * unique key decides who books; everyone else waits for and replays the first answer), choose the carrier by the
 * pharmacy's rules, book (a create whose answer was lost is looked up before it is ever sent again; an open circuit
 * fails over when the pharmacy opted in), and record the booking with its first answer in one commit. The carrier's
 * remarks become {@code DIS2004} warnings in the answer and lines in the order's history.
 */
public class BookOrder {

    private static final Logger log = LoggerFactory.getLogger(BookOrder.class);
    private static final long WAIT_STEP_MS = 25;

    private final OrderStore store;
    private final CarrierRegistry carriers;
    private final CarrierRouter router;
    private final FirstAnswer firstAnswer;
    private final GatewayProperties.Orders settings;
    private final ResilienceProperties resilience;
    private final Clock clock;
    private final OrderMetrics metrics;

    public BookOrder(OrderStore store, CarrierRegistry carriers, CarrierRouter router, FirstAnswer firstAnswer,
                     GatewayProperties.Orders settings, ResilienceProperties resilience, Clock clock,
                     OrderMetrics metrics) {
        this.store = store;
        this.carriers = carriers;
        this.router = router;
        this.firstAnswer = firstAnswer;
        this.settings = settings;
        this.resilience = resilience;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Books the order (or finds it booked) and answers; a repeat of an answered order gets the first answer again.
     *
     * @throws GatewayProblem the answer for a request that cannot be booked (conflict, in progress, a carrier's
     *     refusal or failure), recorded first where it concerns the carrier
     */
    public CreateOrderAnswer book(CreateOrderCommand command) {
        String key = command.order().orderKey();
        BookingClaim claim = claim(command, command.fingerprint());
        if (claim.isReplay()) {
            log.info("CreateOrder for order {} repeated: replaying the first answer", key);
            return CreateOrderAnswer.repeat(claim.replay());
        }
        if (claim.bookedWithoutAnswer() != null) {
            // booked by another path (a cancel's lookup, an operator) before any CreateOrder was answered
            StoredOrder o = claim.bookedWithoutAnswer();
            BookedOrder booked = new BookedOrder(o.carrierId(), o.asCarrierOrder(), OrderEventKind.RECOVERED_BY_LOOKUP);
            String answer = firstAnswer.write(command, booked, command.warnings(), clock.instant());
            store.recordFirstAnswer(key, answer);
            return CreateOrderAnswer.repeat(answer);
        }
        RoutingPolicy routing = command.pharmacy().routing();
        RoutingDecision decision = router.route(routing, command.order());
        if (decision instanceof RoutingDecision.Refused refused) {
            throw refuse(key, claim, refused);
        }
        BookedOrder booked = bookWithCarrier(command, ((RoutingDecision.Chosen) decision).carrierId(), claim,
                router.failoverFor(routing, command.order()).orElse(null));
        List<Message> messages = messages(command, decision.skipped(), booked);
        String answer = firstAnswer.write(command, booked, messages, clock.instant());
        List<OrderEvent> notes = new ArrayList<>();
        decision.skipped().forEach(s -> notes.add(OrderEvent.of(key, OrderEventKind.CARRIER_SKIPPED, s.carrierId(),
                "cannot honour " + RequirementNames.words(s.lacking()))));
        booked.carrierWarnings().forEach(w -> notes.add(OrderEvent.of(key, OrderEventKind.CARRIER_WARNING,
                booked.carrierId(), w)));
        store.markBooked(key, booked.carrierId(), booked.order(), answer, booked.how(),
                notes.toArray(OrderEvent[]::new));
        metrics.booked(booked);
        log.info("CreateOrder booked order {} with {} as {}", key, booked.carrierId(), booked.order().carrierOrderId());
        return new CreateOrderAnswer(answer, false, booked, messages);
    }

    /**
     * The answer's messages: what the gateway assumed reading it, carriers routing passed over, a failover, and each
     * of the carrier's remarks.
     */
    private static List<Message> messages(CreateOrderCommand command, List<RoutingDecision.SkippedCarrier> skipped,
                                          BookedOrder booked) {
        List<Message> messages = new ArrayList<>(command.warnings());
        skipped.forEach(s -> messages.add(new Message(MessageCode.CARRIER_SKIPPED, MessageType.WARNING, "Carrier "
                + s.carrierId() + " cannot honour " + RequirementNames.words(s.lacking()) + "; the order was booked with "
                + booked.carrierId() + ".", null, s.carrierId(), null)));
        if (booked.failedOverFrom() != null) {
            messages.add(new Message(MessageCode.CARRIER_FAILOVER, MessageType.WARNING, "Carrier "
                    + booked.failedOverFrom() + " is not answering; the order was booked with the pharmacy's "
                    + "failover carrier " + booked.carrierId() + ".", null, booked.carrierId(), null));
        }
        booked.carrierWarnings().forEach(w -> messages.add(CarrierFailures.warning(booked.carrierId(), w)));
        return messages;
    }

    /** Claims the order's key for this request, or returns the first answer to replay. */
    private BookingClaim claim(CreateOrderCommand req, String fingerprint) {
        String key = req.order().orderKey();
        NewOrder fresh = new NewOrder(key, req.pharmacyId(), req.bestrxUniqueOrderId(), req.bestrxOrderId(), fingerprint);
        long deadline = System.nanoTime() + settings.getConcurrentRepeatWait().toNanos();
        // noted in the insert's own commit: one WAL flush less per order than a separate insert
        OrderEvent[] notes = req.amountsAddUp() ? new OrderEvent[0] : new OrderEvent[] {
                OrderEvent.of(key, OrderEventKind.AMOUNTS_DO_NOT_ADD_UP, null,
                        "total_amount differs from prescription_amount + otc_amount + tax_amount")};
        while (true) {
            if (store.insertBooking(fresh, leaseEnd(), notes)) {
                return BookingClaim.proceed(false, null);
            }
            StoredOrder existing = store.findById(key).orElse(null);
            if (existing == null) {
                continue; // vanished between insert and read: impossible today, harmless to retry
            }
            boolean sameBody = existing.requestHash().equals(fingerprint);
            switch (existing.state()) {
                case BOOKED, CANCELLED -> {
                    if (!sameBody) {
                        throw conflict();
                    }
                    if (existing.createResponse() != null) {
                        return BookingClaim.replay(existing.createResponse());
                    }
                    if (existing.state() == OrderState.BOOKED) {
                        return BookingClaim.bookedWithoutAnswer(existing);
                    }
                    throw new GatewayProblem(MessageCode.IDEMPOTENCY_CONFLICT,
                            "This order was cancelled before it was booked; send a new bestrx_unique_order_id.");
                }
                case FAILED -> {
                    if (existing.needsLookup() && !sameBody) {
                        // The first body may have been booked without an answer; a changed body cannot be reconciled.
                        throw conflict();
                    }
                    if (store.takeOver(key, fingerprint, req.bestrxOrderId(), leaseEnd())) {
                        return BookingClaim.proceed(existing.needsLookup(), existing.carrierId());
                    }
                }
                case BOOKING -> {
                    if (!sameBody) {
                        throw conflict();
                    }
                    if (existing.leaseUntil() != null && existing.leaseUntil().isBefore(clock.instant())
                            && store.takeOver(key, fingerprint, req.bestrxOrderId(), leaseEnd())) {
                        log.warn("order {}: took over a booking whose holder stopped; asking the carrier first", key);
                        return BookingClaim.proceed(true, existing.carrierId());
                    }
                }
                default -> throw new IllegalStateException("unknown state " + existing.state());
            }
            if (System.nanoTime() > deadline) {
                throw new GatewayProblem(MessageCode.REQUEST_IN_PROGRESS,
                        "An identical CreateOrder for this order is still being processed; send it again shortly.");
            }
            sleep();
        }
    }

    /**
     * Books with {@code carrierId}. When an earlier attempt may have booked already, that attempt's carrier is
     * asked first. A create that fails transiently is sent again only after a lookup shows the carrier holds no
     * such order. When the carrier's circuit is open (it was not called) and the pharmacy opted into a failover
     * carrier, the order goes there instead; never after an attempt whose outcome is unknown. Every failure is
     * recorded (releasing the claim) and thrown as the BestRx answer for it.
     */
    private BookedOrder bookWithCarrier(CreateOrderCommand req, String carrierId, BookingClaim claim,
                                        String failoverCarrierId) {
        String key = req.order().orderKey();
        if (claim.lookUpFirst()) {
            CarrierAdapter earlier = carriers.get(claim.previousCarrierId() != null ? claim.previousCarrierId() : carrierId);
            Optional<CarrierOrder> found = lookUp(earlier, key);
            if (found.isPresent()) {
                log.info("order {}: carrier {} already had it; not creating it again", key, earlier.carrierId());
                return new BookedOrder(earlier.carrierId(), found.get(), OrderEventKind.RECOVERED_BY_LOOKUP, null,
                        List.of());
            }
        }
        CarrierResult<CarrierOrder> result = create(carriers.get(carrierId), req);
        if (result instanceof CarrierResult.Success<CarrierOrder> s) {
            return new BookedOrder(carrierId, s.value(), OrderEventKind.BOOKED, null, s.warnings());
        }
        if (circuitOpen(result) && failoverCarrierId != null && !failoverCarrierId.equals(carrierId)) {
            log.warn("order {}: {} circuit is open; failing over to {}", key, carrierId, failoverCarrierId);
            store.appendEvent(OrderEvent.of(key, OrderEventKind.FAILOVER, failoverCarrierId,
                    "circuit of " + carrierId + " open; booked with " + failoverCarrierId + " instead"));
            CarrierResult<CarrierOrder> second = create(carriers.get(failoverCarrierId), req);
            if (second instanceof CarrierResult.Success<CarrierOrder> s) {
                return new BookedOrder(failoverCarrierId, s.value(), OrderEventKind.BOOKED, carrierId, s.warnings());
            }
            recordFailure(key, failoverCarrierId, second, outcomeUnknown(second));
            throw CarrierFailures.problem(second, failoverCarrierId, "create the order");
        }
        recordFailure(key, carrierId, result, claim.lookUpFirst() || outcomeUnknown(result));
        throw CarrierFailures.problem(result, carrierId, "create the order");
    }

    /** Creates, repeating a transiently failed create only once a lookup shows nothing was booked. */
    private CarrierResult<CarrierOrder> create(CarrierAdapter carrier, CreateOrderCommand req) {
        String key = req.order().orderKey();
        ResilienceProperties.Policy policy = resilience.policyFor(carrier.carrierId());
        int attempts = Math.max(1, policy.getCreateAttempts());
        CarrierResult<CarrierOrder> result = carrier.createOrder(req.order());
        for (int attempt = 2; attempt <= attempts && repeatable(result); attempt++) {
            if (!carrier.capabilities().contains(Operation.FIND_ORDER)) {
                return result; // cannot know whether the first create booked: never send another
            }
            pause(policy.getRetryBackoff().toMillis());
            CarrierResult<Optional<CarrierOrder>> found = carrier.findOrder(key);
            if (!(found instanceof CarrierResult.Success<Optional<CarrierOrder>> f)) {
                return result; // the lookup failed too: the outcome stays unknown
            }
            if (f.value().isPresent()) {
                log.info("order {}: the failed create had booked after all; keeping that order", key);
                return CarrierResult.success(f.value().get());
            }
            log.info("order {}: {} holds no such order; sending the create again (attempt {} of {})", key,
                    carrier.carrierId(), attempt, attempts);
            result = carrier.createOrder(req.order());
        }
        return result;
    }

    private static boolean repeatable(CarrierResult<?> result) {
        return result instanceof CarrierResult.TransientFailure<?> t
                && t.error().category() != CarrierError.Category.CIRCUIT_OPEN
                && t.error().category() != CarrierError.Category.BULKHEAD_FULL;
    }

    private static boolean circuitOpen(CarrierResult<?> result) {
        return result instanceof CarrierResult.TransientFailure<?> t
                && t.error().category() == CarrierError.Category.CIRCUIT_OPEN;
    }

    private static boolean outcomeUnknown(CarrierResult<?> result) {
        return result instanceof CarrierResult.TransientFailure<?> t && t.outcomeUnknown();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Optional<CarrierOrder> lookUp(CarrierAdapter carrier, String key) {
        if (!carrier.capabilities().contains(Operation.FIND_ORDER)) {
            store.markFailed(key, carrier.carrierId(), true, OrderEvent.of(key, OrderEventKind.BOOKING_OUTCOME_UNKNOWN,
                    carrier.carrierId(), "earlier attempt unanswered and the carrier offers no lookup"));
            metrics.failed(carrier.carrierId(), MessageCode.CARRIER_TIMEOUT);
            throw new GatewayProblem(MessageCode.CARRIER_TIMEOUT, "An earlier attempt to book this order with carrier "
                    + carrier.carrierId() + " got no answer, and that carrier cannot be asked whether it booked it. "
                    + "The gateway will not risk a duplicate: the operator must reconcile this order.");
        }
        CarrierResult<Optional<CarrierOrder>> found = carrier.findOrder(key);
        if (found instanceof CarrierResult.Success<Optional<CarrierOrder>> s) {
            return s.value();
        }
        recordFailure(key, carrier.carrierId(), found, true);
        if (found instanceof CarrierResult.TransientFailure<?>) {
            throw CarrierFailures.problem(found, carrier.carrierId(), "say whether it already has this order");
        }
        // A refused lookup is not a refusal of the order: answered as one, BestRx would give up on an order the
        // carrier may hold. It stays unknown, as with a carrier that cannot be asked at all.
        throw new GatewayProblem(MessageCode.CARRIER_TIMEOUT, "An earlier attempt to book this order with carrier "
                + carrier.carrierId() + " got no answer, and the carrier refused to say whether it booked it ("
                + found.failure().map(CarrierError::summary).orElse("no reason given") + "). The gateway will not "
                + "risk a duplicate: the operator must reconcile this order.");
    }

    /**
     * Ends the claim (nothing was booked now; an earlier attempt whose outcome is unknown stays to be looked up) and
     * answers with one message per requirement no carrier of the pharmacy can honour, naming the field that asked.
     */
    private GatewayProblem refuse(String key, BookingClaim claim, RoutingDecision.Refused refused) {
        String skipped = refused.skipped().stream()
                .map(s -> s.carrierId() + " cannot honour " + RequirementNames.words(s.lacking()))
                .collect(java.util.stream.Collectors.joining("; "));
        store.markFailed(key, claim.previousCarrierId(), claim.lookUpFirst(), OrderEvent.of(key,
                OrderEventKind.ROUTING_REFUSED, null,
                "no carrier can honour " + RequirementNames.words(refused.unmet()) + " (" + skipped + ")"));
        log.warn("order {}: refused, no carrier of the pharmacy can honour {}", key, new TreeSet<>(refused.unmet()));
        metrics.failed(OrderMetrics.NO_CARRIER, MessageCode.NO_CAPABLE_CARRIER);
        List<Message> messages = refused.unmet().stream().sorted().map(r -> Message.fieldError(
                MessageCode.NO_CAPABLE_CARRIER, RequirementNames.field(r), "The order asks for " + RequirementNames.words(r)
                        + " and none of the pharmacy's carriers can honour it (" + skipped + "); nothing was booked."))
                .toList();
        return new GatewayProblem(MessageCode.NO_CAPABLE_CARRIER.httpStatus(), messages);
    }

    private void recordFailure(String key, String carrierId, CarrierResult<?> result, boolean outcomeUnknown) {
        var error = result.failure().orElse(null);
        String detail = error == null ? "operation not supported" : error.category() + ": " + error.summary();
        OrderEvent event = OrderEvent.of(key,
                        outcomeUnknown ? OrderEventKind.BOOKING_OUTCOME_UNKNOWN : OrderEventKind.BOOKING_FAILED,
                        carrierId, detail)
                .withCarrierCode(error == null ? null : error.carrierCode());
        store.markFailed(key, carrierId, outcomeUnknown, event);
        metrics.failed(carrierId, CarrierFailures.message(result, carrierId, "book").code());
        log.warn("order {}: booking with {} failed: {} {}{}", key, carrierId, result.getClass().getSimpleName(),
                error == null ? "" : error.category(), outcomeUnknown ? " (outcome unknown; next attempt looks up)" : "");
    }

    private Instant leaseEnd() {
        return clock.instant().plus(settings.getBookingLease());
    }

    private static GatewayProblem conflict() {
        return GatewayProblem.field(MessageCode.IDEMPOTENCY_CONFLICT, "bestrx_unique_order_id",
                "bestrx_unique_order_id: an order with this id was already sent with different content; "
                        + "a changed order needs a new bestrx_unique_order_id (or cancel the first one)");
    }

    private static void sleep() {
        try {
            Thread.sleep(WAIT_STEP_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayProblem(MessageCode.REQUEST_IN_PROGRESS, "Interrupted while waiting; send it again.");
        }
    }
}
