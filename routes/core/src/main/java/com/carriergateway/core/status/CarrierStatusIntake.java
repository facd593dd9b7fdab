package com.carriergateway.core.status;

import com.carriergateway.adapter.CarrierStatusEvent;
import com.carriergateway.adapter.webhook.WebhookTally;
import com.carriergateway.core.store.OrderStore;
import com.carriergateway.core.store.StoredOrder;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    /**
     * How one webhook call's events ended: the tally the carrier's acknowledgement reports, and for the operators'
     * record how many of the ignored ones were plain repeats and which order they concerned.
     *
     * @param onlyOrder the one known order every known event concerned, or null (none, or several)
     */
    public record Received(WebhookTally tally, int repeats, String onlyOrder) {
    }

    public WebhookTally record(String carrierId, List<CarrierStatusEvent> events) {
        return receive(carrierId, events).tally();
    }

    public Received receive(String carrierId, List<CarrierStatusEvent> events) {
        int applied = 0;
        int ignored = 0;
        int unknown = 0;
        int repeats = 0;
        Set<String> orders = new HashSet<>();
        for (CarrierStatusEvent event : events) {
            Optional<String> order = orderOf(carrierId, event);
            StatusChanges.Recorded recorded = order.isEmpty() ? null
                    : changes.apply(order.get(), carrierId, event.update(), StatusOrigin.WEBHOOK);
            StatusChanges.Outcome outcome = recorded == null ? StatusChanges.Outcome.UNKNOWN_ORDER : recorded.outcome();
            if (outcome != StatusChanges.Outcome.UNKNOWN_ORDER) {
                orders.add(order.get());
            }
            switch (outcome) {
                case APPLIED -> {
                    applied++;
                    metrics.webhookEvent(carrierId, "applied");
                }
                case IGNORED -> {
                    ignored++;
                    if (recorded.verdict() == ProgressionRule.Verdict.REPEAT) {
                        repeats++;
                    }
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
        return new Received(new WebhookTally(events.size(), applied, ignored, unknown), repeats,
                orders.size() == 1 ? orders.iterator().next() : null);
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
