package com.carriergateway.routes.order;

import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.Operation;
import com.carriergateway.adapter.model.CarrierOrder;
import com.carriergateway.routes.api.GatewayProblem;
import com.carriergateway.routes.api.MessageCode;
import com.carriergateway.routes.bestrx.CreateOrderRequest;
import com.carriergateway.routes.carrier.CarrierRegistry;
import com.carriergateway.routes.config.GatewayProperties;
import com.carriergateway.routes.store.NewOrder;
import com.carriergateway.routes.store.OrderEvent;
import com.carriergateway.routes.store.OrderEventKind;
import com.carriergateway.routes.store.OrderStore;
import com.carriergateway.routes.store.StoredOrder;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Books an order with a carrier exactly once per order key, however many times and on however many
 * instances BestRx sends it. The database's unique key decides who books; everyone else waits for and
 * replays the first answer. A create whose answer was lost is looked up before it is ever sent again.
 */
public class OrderBooking {

    private static final Logger log = LoggerFactory.getLogger(OrderBooking.class);
    private static final long WAIT_STEP_MS = 25;

    private final OrderStore store;
    private final CarrierRegistry carriers;
    private final GatewayProperties.Orders settings;
    private final Clock clock;

    public OrderBooking(OrderStore store, CarrierRegistry carriers, GatewayProperties.Orders settings, Clock clock) {
        this.store = store;
        this.carriers = carriers;
        this.settings = settings;
        this.clock = clock;
    }

    /** Claims the order's key for this request, or returns the first answer to replay. */
    public BookingClaim claim(CreateOrderRequest req, String fingerprint) {
        String key = req.order().orderKey();
        NewOrder fresh = new NewOrder(key, req.pharmacyId(), req.bestrxUniqueOrderId(), req.bestrxOrderId(), fingerprint);
        long deadline = System.nanoTime() + settings.getConcurrentRepeatWait().toNanos();
        while (true) {
            if (store.insertBooking(fresh, leaseEnd())) {
                if (!req.amountsAddUp()) {
                    store.appendEvent(OrderEvent.of(key, OrderEventKind.AMOUNTS_DO_NOT_ADD_UP, null,
                            "total_amount differs from prescription_amount + otc_amount + tax_amount"));
                }
                return BookingClaim.proceed(false);
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
                    if (existing.createResponse() == null) {
                        throw new GatewayProblem(MessageCode.IDEMPOTENCY_CONFLICT,
                                "This order was cancelled before it was booked; send a new bestrx_unique_order_id.");
                    }
                    return BookingClaim.replay(existing.createResponse());
                }
                case FAILED -> {
                    if (existing.needsLookup() && !sameBody) {
                        // The first body may have been booked without an answer; a changed body cannot be reconciled.
                        throw conflict();
                    }
                    if (store.takeOver(key, fingerprint, req.bestrxOrderId(), leaseEnd())) {
                        return BookingClaim.proceed(existing.needsLookup());
                    }
                }
                case BOOKING -> {
                    if (!sameBody) {
                        throw conflict();
                    }
                    if (existing.leaseUntil() != null && existing.leaseUntil().isBefore(clock.instant())
                            && store.takeOver(key, fingerprint, req.bestrxOrderId(), leaseEnd())) {
                        log.warn("order {}: took over a booking whose holder stopped; asking the carrier first", key);
                        return BookingClaim.proceed(true);
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
     * Books with {@code carrierId}, asking the carrier first when an earlier attempt may have booked already.
     * Records every failure (releasing the claim) and throws the BestRx answer for it.
     */
    public BookedOrder book(CreateOrderRequest req, String carrierId, boolean lookUpFirst) {
        String key = req.order().orderKey();
        CarrierAdapter carrier = carriers.get(carrierId);
        if (lookUpFirst) {
            Optional<CarrierOrder> found = lookUp(carrier, key);
            if (found.isPresent()) {
                log.info("order {}: the carrier {} already had it; not creating it again", key, carrierId);
                return new BookedOrder(carrierId, found.get(), OrderEventKind.RECOVERED_BY_LOOKUP);
            }
        }
        CarrierResult<CarrierOrder> result = carrier.createOrder(req.order());
        if (result instanceof CarrierResult.Success<CarrierOrder> s) {
            return new BookedOrder(carrierId, s.value(), OrderEventKind.BOOKED);
        }
        boolean unknown = lookUpFirst
                || (result instanceof CarrierResult.TransientFailure<?> t && t.outcomeUnknown());
        recordFailure(key, carrierId, result, unknown);
        throw CarrierFailures.problem(result, carrierId, "create the order");
    }

    /** Stores the booking and the answer that every repeat will replay. */
    public void record(String orderKey, BookedOrder booked, String answer) {
        store.markBooked(orderKey, booked.carrierId(), booked.order(), answer, booked.how());
    }

    private Optional<CarrierOrder> lookUp(CarrierAdapter carrier, String key) {
        if (!carrier.capabilities().contains(Operation.FIND_ORDER)) {
            store.markFailed(key, carrier.carrierId(), true, OrderEvent.of(key, OrderEventKind.BOOKING_OUTCOME_UNKNOWN,
                    carrier.carrierId(), "earlier attempt unanswered and the carrier offers no lookup"));
            throw new GatewayProblem(MessageCode.CARRIER_TIMEOUT, "An earlier attempt to book this order with carrier "
                    + carrier.carrierId() + " got no answer, and that carrier cannot be asked whether it booked it. "
                    + "The gateway will not risk a duplicate: the operator must reconcile this order.");
        }
        CarrierResult<Optional<CarrierOrder>> found = carrier.findOrder(key);
        if (found instanceof CarrierResult.Success<Optional<CarrierOrder>> s) {
            return s.value();
        }
        recordFailure(key, carrier.carrierId(), found, true);
        throw CarrierFailures.problem(found, carrier.carrierId(), "say whether it already has this order");
    }

    private void recordFailure(String key, String carrierId, CarrierResult<?> result, boolean outcomeUnknown) {
        var error = result.failure().orElse(null);
        String detail = error == null ? "operation not supported" : error.category() + ": " + error.summary();
        OrderEvent event = OrderEvent.of(key,
                        outcomeUnknown ? OrderEventKind.BOOKING_OUTCOME_UNKNOWN : OrderEventKind.BOOKING_FAILED,
                        carrierId, detail)
                .withCarrierCode(error == null ? null : error.carrierCode());
        store.markFailed(key, carrierId, outcomeUnknown, event);
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
