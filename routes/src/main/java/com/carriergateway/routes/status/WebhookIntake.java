package com.carriergateway.routes.status;

import com.carriergateway.adapter.CarrierStatusEvent;
import com.carriergateway.routes.store.OrderStore;
import com.carriergateway.routes.store.StoredOrder;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the status events of one webhook call, oldest first, each in its own transaction. The order is
 * found by what the carrier named: its order id, the tracking number, or our order key (which must belong to
 * this carrier). An event for an order the gateway does not know is acknowledged, so the carrier stops
 * retrying, and logged with its ids only.
 */
public class WebhookIntake {

    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);

    /** How the events of one call ended. */
    public record Tally(int received, int applied, int ignored, int unknownOrders) {
    }

    private final OrderStore orders;
    private final StatusRecorder recorder;
    private final StatusMetrics metrics;

    public WebhookIntake(OrderStore orders, StatusRecorder recorder, StatusMetrics metrics) {
        this.orders = orders;
        this.recorder = recorder;
        this.metrics = metrics;
    }

    public Tally record(String carrierId, List<CarrierStatusEvent> events) {
        int applied = 0;
        int ignored = 0;
        int unknown = 0;
        for (CarrierStatusEvent event : events) {
            Optional<String> order = orderOf(carrierId, event);
            StatusRecorder.Outcome outcome = order.isEmpty() ? StatusRecorder.Outcome.UNKNOWN_ORDER
                    : recorder.record(order.get(), carrierId, event.update(), StatusOrigin.WEBHOOK).outcome();
            switch (outcome) {
                case APPLIED -> {
                    applied++;
                    metrics.webhookEvent(carrierId, "applied");
                }
                case IGNORED -> {
                    ignored++;
                    metrics.webhookEvent(carrierId, "ignored");
                }
                case UNKNOWN_ORDER -> {
                    unknown++;
                    metrics.webhookEvent(carrierId, "unknown_order");
                    log.info("{} webhook event {} for an unknown order (carrier order {}, tracking {}, order key {}): "
                                    + "acknowledged, not applied", carrierId, event.update().status(),
                            event.carrierOrderId(), event.trackingId(), event.orderKey());
                }
            }
        }
        return new Tally(events.size(), applied, ignored, unknown);
    }

    private Optional<String> orderOf(String carrierId, CarrierStatusEvent event) {
        Optional<StoredOrder> found = Optional.empty();
        if (present(event.carrierOrderId())) {
            found = orders.findByCarrierOrderId(carrierId, event.carrierOrderId());
        }
        if (found.isEmpty() && present(event.trackingId())) {
            found = orders.findByTrackingId(carrierId, event.trackingId());
        }
        if (found.isEmpty() && present(event.orderKey())) {
            found = orders.findById(event.orderKey()).filter(o -> carrierId.equals(o.carrierId()));
        }
        return found.map(StoredOrder::providerOrderId);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
