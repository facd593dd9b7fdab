package com.carriergateway.core.order;

import com.carriergateway.adapter.CarrierAdapter;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.Operation;
import com.carriergateway.adapter.model.CancelOutcome;
import com.carriergateway.adapter.model.CarrierOrder;
import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.StatusUpdate;
import com.carriergateway.core.answer.GatewayProblem;
import com.carriergateway.core.answer.Message;
import com.carriergateway.core.answer.MessageCode;
import com.carriergateway.core.order.CancelOrderCommand;
import com.carriergateway.core.carrier.CarrierRegistry;
import com.carriergateway.core.store.OrderEvent;
import com.carriergateway.core.store.OrderEventKind;
import com.carriergateway.core.status.StatusChanges;
import com.carriergateway.core.status.StatusOrigin;
import com.carriergateway.core.store.OrderState;
import com.carriergateway.core.store.OrderStore;
import com.carriergateway.core.store.StoredOrder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CancelOrder use case: cancels an order with the carrier that holds it; the cancellation is a status change like
 * any other, applied by {@link StatusChanges} (numbered, in the history, pushed to BestRx). Idempotent: an order already cancelled is reported
 * cancelled without calling the carrier. A carrier's refusal (too late, already shipped, Connect's
 * 26-hour rule) is an answer, not an error: {@code status false} with the carrier's reason.
 */
public class CancelOrder {

    private static final Logger log = LoggerFactory.getLogger(CancelOrder.class);

    private final OrderStore store;
    private final StatusChanges statusChanges;
    private final CarrierRegistry carriers;
    private final Clock clock;

    public CancelOrder(OrderStore store, StatusChanges statusChanges, CarrierRegistry carriers, Clock clock) {
        this.store = store;
        this.statusChanges = statusChanges;
        this.carriers = carriers;
        this.clock = clock;
    }

    public CancelAnswer cancel(CancelOrderCommand req) {
        StoredOrder order = store.find(req.pharmacyId(), req.bestrxUniqueOrderId())
                .orElseThrow(() -> GatewayProblem.field(MessageCode.ORDER_NOT_FOUND, "bestrx_unique_order_id",
                        "bestrx_unique_order_id: this pharmacy has no order " + req.bestrxUniqueOrderId()));
        // BestRx identifies orders by (pharmacy, unique order id); the provider ids are only a cross-check
        // (its own published example sends ids the provider never issued), so a mismatch is a warning.
        List<Message> warnings = new ArrayList<>();
        if (req.providerOrderId() != null && !req.providerOrderId().equals(order.providerOrderId())) {
            warnings.add(Message.fieldWarning(MessageCode.PROVIDER_IDS_DO_NOT_MATCH, "provider_order_id",
                    "provider_order_id: does not match this order's (" + order.providerOrderId()
                            + "); the order was identified by bestrx_unique_order_id"));
        }
        CancelAnswer answer = cancelOrder(order);
        if (warnings.isEmpty()) {
            return answer;
        }
        warnings.addAll(answer.messages());
        return new CancelAnswer(answer.order(), answer.cancelled(), answer.reason(), warnings);
    }

    private CancelAnswer cancelOrder(StoredOrder order) {
        String key = order.providerOrderId();
        if (order.state() == OrderState.CANCELLED
                || (order.state() == OrderState.BOOKED && order.deliveryStatus() == DeliveryStatus.CANCELLED)) {
            // cancelled by an earlier CancelOrder, or the carrier already said so: nothing to ask the carrier
            return new CancelAnswer(order, true, "Already cancelled", List.of());
        }
        switch (order.state()) {
            case BOOKING -> throw new GatewayProblem(MessageCode.REQUEST_IN_PROGRESS,
                    "This order is being booked right now; send the CancelOrder again shortly.");
            case FAILED -> {
                Optional<StoredOrder> recovered = order.needsLookup() ? recover(order) : Optional.empty();
                if (recovered.isEmpty()) {
                    statusChanges.apply(key, null, StatusUpdate.of(DeliveryStatus.CANCELLED, clock.instant(), null),
                            StatusOrigin.CANCELLATION);
                    return new CancelAnswer(reload(key), true, "Cancelled (no carrier had booked it)", List.of());
                }
                order = recovered.get();
            }
            default -> {
            }
        }
        return cancelWithCarrier(order);
    }

    private CancelAnswer cancelWithCarrier(StoredOrder order) {
        String key = order.providerOrderId();
        CarrierAdapter carrier = carriers.get(order.carrierId());
        store.appendEvent(OrderEvent.of(key, OrderEventKind.CANCEL_REQUESTED, carrier.carrierId(), null));
        CarrierResult<CancelOutcome> result = carrier.cancelOrder(order.carrierRef());
        if (result instanceof CarrierResult.Success<CancelOutcome> s) {
            StatusUpdate status = s.value().status() != null ? s.value().status()
                    : StatusUpdate.of(DeliveryStatus.CANCELLED, clock.instant(), null);
            if (status.reason() == null && s.value().note() != null) {
                status = new StatusUpdate(status.status(), s.value().note(), status.occurredAt(), status.carrierCode(),
                        status.proof());
            }
            statusChanges.apply(key, carrier.carrierId(), status, StatusOrigin.CANCELLATION);
            s.warnings().forEach(w -> store.appendEvent(OrderEvent.of(key, OrderEventKind.CARRIER_WARNING,
                    carrier.carrierId(), w)));
            return new CancelAnswer(reload(key), true, "Success",
                    s.warnings().stream().map(w -> CarrierFailures.warning(carrier.carrierId(), w)).toList());
        }
        var error = result.failure().orElse(null);
        if (result instanceof CarrierResult.Refused<CancelOutcome>) {
            store.appendEvent(OrderEvent.of(key, OrderEventKind.CANCEL_REFUSED, carrier.carrierId(),
                    error.category() + ": " + error.summary()).withCarrierCode(error.carrierCode()));
            Message m = CarrierFailures.message(result, carrier.carrierId(), "cancel the order");
            String reason = error.carrierMessage() != null ? error.carrierMessage()
                    : error.detail() != null ? error.detail() : "refused by carrier";
            log.info("order {}: carrier {} refused the cancel ({})", key, carrier.carrierId(), error.category());
            return new CancelAnswer(order, false, reason, List.of(m));
        }
        store.appendEvent(OrderEvent.of(key, OrderEventKind.CANCEL_FAILED, carrier.carrierId(),
                error == null ? "not supported" : error.category() + ": " + error.summary())
                .withCarrierCode(error == null ? null : error.carrierCode()));
        throw CarrierFailures.problem(result, carrier.carrierId(), "cancel the order");
    }

    /** An earlier create may have booked without answering: ask the carrier before deciding. */
    private Optional<StoredOrder> recover(StoredOrder order) {
        String key = order.providerOrderId();
        CarrierAdapter carrier = order.carrierId() == null ? null : carriers.get(order.carrierId());
        if (carrier == null || !carrier.capabilities().contains(Operation.FIND_ORDER)) {
            throw new GatewayProblem(MessageCode.CARRIER_TIMEOUT, "An earlier attempt to book this order got no "
                    + "answer and the carrier cannot be asked about it; the operator must reconcile it first.");
        }
        CarrierResult<Optional<CarrierOrder>> found = carrier.findOrder(key);
        if (!(found instanceof CarrierResult.Success<Optional<CarrierOrder>> s)) {
            throw CarrierFailures.problem(found, carrier.carrierId(), "say whether it has this order");
        }
        if (s.value().isEmpty()) {
            return Optional.empty();
        }
        store.markBooked(key, carrier.carrierId(), s.value().get(), null, OrderEventKind.RECOVERED_BY_LOOKUP);
        return Optional.of(reload(key));
    }

    private StoredOrder reload(String key) {
        return store.findById(key).orElseThrow();
    }
}
