package com.carriergateway.core.status;

import com.carriergateway.adapter.CarrierStatusEvent;
import com.carriergateway.adapter.webhook.WebhookTally;
import com.carriergateway.core.store.OrderStore;
import com.carriergateway.core.store.StoredOrder;
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
public class CarrierStatusIntake {

    private static final Logger log = LoggerFactory.getLogger(CarrierStatusIntake.class);

    private final OrderStore orders;
    private final StatusChanges changes;
    private final StatusMetrics metrics;

    public CarrierStatusIntake(OrderStore orders, StatusChanges changes, StatusMetrics metrics) {
        this.orders = orders;
        this.changes = changes;
        this.metrics = metrics;
    }

    public WebhookTally record(String carrierId, List<CarrierStatusEvent> events) {
        int applied = 0;
        int ignored = 0;
        int unknown = 0;
        for (CarrierStatusEvent event : events) {
            Optional<String> order = orderOf(carrierId, event);
            StatusChanges.Outcome outcome = order.isEmpty() ? StatusChanges.Outcome.UNKNOWN_ORDER
                    : changes.apply(order.get(), carrierId, event.update(), StatusOrigin.WEBHOOK).outcome();
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
        return new WebhookTally(events.size(), applied, ignored, unknown);
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
