package com.carriergateway.core.order;

import com.carriergateway.core.store.OrderEvent;
import com.carriergateway.core.store.OrderEventKind;
import com.carriergateway.core.store.OrderState;
import com.carriergateway.core.store.OrderStore;
import com.carriergateway.core.store.StoredOrder;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An operator settles a booking whose outcome the gateway could not learn: the create may have reached the carrier,
 * no answer came back, and the carrier could not be asked (it offers no lookup by the gateway's key, or the lookup
 * kept failing). Until then every CreateOrder of the order is refused rather than risk booking it twice
 * ({@code needs_lookup}). The operator asks the carrier (portal, phone) and says what it found:
 * <ul>
 *   <li>the carrier holds it: the order is booked with the carrier's ids, and BestRx's next CreateOrder is answered
 *       with them, no carrier call;</li>
 *   <li>the carrier holds nothing: BestRx's next CreateOrder books it (without asking the carrier first).</li>
 * </ul>
 * Either way it is one line of the order's history. Only an order waiting for this can be settled.
 */
public final class ReconcileBooking {

    private static final Logger log = LoggerFactory.getLogger(ReconcileBooking.class);
    /** delivery_order.carrier_order_id and tracking_id hold this many characters. */
    static final int MAX_ID = 100;

    /** What the operator found at the carrier. */
    public sealed interface Finding permits AtCarrier, NotAtCarrier {
    }

    /** The carrier holds the order under these ids (the tracking id defaults to the order id). */
    public record AtCarrier(String carrierOrderId, String trackingId) implements Finding {
        public AtCarrier {
            if (carrierOrderId == null || carrierOrderId.isBlank() || carrierOrderId.length() > MAX_ID) {
                throw new IllegalArgumentException("carrier_order_id: the carrier's id of the order, 1 to " + MAX_ID
                        + " characters");
            }
            if (trackingId != null && (trackingId.isBlank() || trackingId.length() > MAX_ID)) {
                throw new IllegalArgumentException("tracking_id: 1 to " + MAX_ID + " characters, or leave it out");
            }
            carrierOrderId = carrierOrderId.strip();
            trackingId = trackingId == null ? carrierOrderId : trackingId.strip();
        }
    }

    /** The carrier holds no such order. */
    public record NotAtCarrier() implements Finding {
    }

    public record Command(String providerOrderId, Finding finding) {
    }

    /** What came of it. */
    public sealed interface Result permits Reconciled, NoSuchOrder, NothingToReconcile {
    }

    /** Settled: the order as it now stands. */
    public record Reconciled(StoredOrder order) implements Result {
    }

    public record NoSuchOrder() implements Result {
    }

    /** The order is not waiting for an operator (booked, cancelled, failed with a known outcome, being booked). */
    public record NothingToReconcile(StoredOrder order) implements Result {
    }

    private final OrderStore store;

    public ReconcileBooking(OrderStore store) {
        this.store = store;
    }

    public Result reconcile(Command command) {
        String key = command.providerOrderId();
        Optional<StoredOrder> found = store.findById(key);
        if (found.isEmpty()) {
            return new NoSuchOrder();
        }
        StoredOrder order = found.get();
        if (order.state() != OrderState.FAILED || !order.needsLookup()) {
            return new NothingToReconcile(order);
        }
        boolean settled;
        if (command.finding() instanceof AtCarrier at) {
            settled = store.reconcileBooked(key, at.carrierOrderId(), at.trackingId(),
                    OrderEvent.of(key, OrderEventKind.RECONCILED_BY_OPERATOR, order.carrierId(),
                            "operator: " + order.carrierId() + " holds it as " + at.carrierOrderId()
                                    + "; booked without a carrier call"));
        } else {
            settled = store.reconcileNotBooked(key,
                    OrderEvent.of(key, OrderEventKind.RECONCILED_BY_OPERATOR, order.carrierId(),
                            "operator: " + order.carrierId() + " holds no such order; the next CreateOrder books it"));
        }
        StoredOrder now = store.findById(key).orElseThrow();
        if (!settled) {
            // a CreateOrder took the order over in between: it decides now
            return new NothingToReconcile(now);
        }
        log.info("operator reconciled order {}: {}", key,
                command.finding() instanceof AtCarrier ? "booked at " + order.carrierId() : "not at the carrier");
        return new Reconciled(now);
    }
}
