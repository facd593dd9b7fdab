package com.carriergateway.app.console;

import com.carriergateway.core.activity.ActivityStore;
import com.carriergateway.core.activity.CarrierCall;
import com.carriergateway.core.activity.WebhookReceipt;
import com.carriergateway.core.outbox.CallbackAttempt;
import com.carriergateway.core.store.OrderEvent;
import com.carriergateway.core.store.OrderHistory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Everything that happened to one order, merged in time order from the places it is kept: the order's history
 * ({@code order_event}: BestRx's requests, bookings, applied and ignored statuses and why, cancellation decisions,
 * dead letters and replays) and the activity record (each carrier call, each webhook call that concerned the order,
 * each UpdateOrderStatus attempt). Ids, statuses, codes and timings only: none of these holds patient data.
 */
@Component
class OrderTimeline {

    private final OrderHistory history;
    private final ActivityStore activity;
    private final TimeText time;

    OrderTimeline(OrderHistory history, ActivityStore activity, TimeText time) {
        this.history = history;
        this.activity = activity;
        this.time = time;
    }

    List<TimelineEntry> of(String providerOrderId) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (OrderEvent e : history.of(providerOrderId)) {
            entries.add(event(e));
        }
        for (CarrierCall c : activity.carrierCallsOf(providerOrderId)) {
            entries.add(call(c));
        }
        for (WebhookReceipt w : activity.webhooksOf(providerOrderId)) {
            entries.add(webhook(w));
        }
        for (CallbackAttempt a : activity.callbackAttemptsOf(providerOrderId)) {
            entries.add(attempt(a));
        }
        // each list is already in its own order; a stable sort by time keeps it for equal times
        entries.sort(Comparator.comparing(TimelineEntry::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        return entries;
    }

    private TimelineEntry event(OrderEvent e) {
        String status = e.deliveryStatus() == null ? "" : " " + e.deliveryStatus();
        String carrier = e.carrierId() == null ? "" : e.carrierId();
        String title;
        String source = "gateway";
        String tone = "info";
        switch (e.kind()) {
            case BOOKING_STARTED -> {
                title = "BestRx CreateOrder received";
                source = "bestrx";
            }
            case BOOKED -> {
                title = "Booked with " + carrier;
                tone = "ok";
            }
            case RECOVERED_BY_LOOKUP -> {
                title = "Found at " + carrier + " after a lost answer";
                tone = "ok";
            }
            case BOOKING_FAILED -> {
                title = "Booking failed";
                tone = "bad";
            }
            case BOOKING_OUTCOME_UNKNOWN -> {
                title = "Booking outcome unknown: check with " + carrier;
                tone = "bad";
            }
            case RECONCILED_BY_OPERATOR -> {
                title = "Reconciled by an operator";
                tone = "ok";
            }
            case CANCEL_REQUESTED -> {
                title = "BestRx CancelOrder received";
                source = "bestrx";
            }
            case CANCELLED -> {
                title = "Cancelled" + (carrier.isEmpty() ? "" : " with " + carrier);
                tone = "ok";
            }
            case CANCEL_REFUSED -> {
                title = "Cancel refused by " + carrier;
                tone = "warn";
            }
            case CANCEL_FAILED -> {
                title = "Cancel failed at " + carrier;
                tone = "bad";
            }
            case STATUS_CHANGED -> {
                title = "Status" + status + " applied";
                tone = "ok";
            }
            case STATUS_IGNORED -> {
                title = "Status" + status + " ignored";
                tone = "warn";
            }
            case CALLBACK_DEAD_LETTERED -> {
                title = "UpdateOrderStatus dead-lettered";
                source = "callback";
                tone = "bad";
            }
            case CALLBACK_REPLAYED -> {
                title = "UpdateOrderStatus replayed by an operator";
                source = "callback";
            }
            default -> title = words(e.kind().name()) + status;
        }
        StringBuilder detail = new StringBuilder(e.detail() == null ? "" : e.detail());
        if (e.carrierCode() != null) {
            detail.append(detail.length() > 0 ? "; " : "").append("carrier code ").append(e.carrierCode());
        }
        if (e.occurredAt() != null) {
            detail.append(detail.length() > 0 ? "; " : "").append("carrier time ").append(time.of(e.occurredAt()));
        }
        return new TimelineEntry(e.recordedAt(), source, title, detail.toString(), tone, e.requestId());
    }

    private static TimelineEntry call(CarrierCall c) {
        StringBuilder detail = new StringBuilder(c.latencyMs() + " ms");
        if (c.category() != null) {
            detail.append("; ").append(c.category());
        }
        if (c.carrierCode() != null) {
            detail.append("; carrier code ").append(c.carrierCode());
        }
        if (c.httpStatus() != null) {
            detail.append("; HTTP ").append(c.httpStatus());
        }
        String tone = switch (c.outcome()) {
            case SUCCESS -> "ok";
            case REFUSED -> "warn";
            default -> "bad";
        };
        return new TimelineEntry(c.occurredAt(), "carrier", c.carrierId() + " " + words(c.operation().name()) + ": "
                + words(c.outcome().name()), detail.toString(), tone, c.requestId());
    }

    private static TimelineEntry webhook(WebhookReceipt w) {
        String detail = w.events() + " event(s): " + w.applied() + " applied, " + w.ignored() + " ignored"
                + (w.reason() == null ? "" : "; " + w.reason());
        String tone = switch (w.outcome()) {
            case ACCEPTED -> "ok";
            case DUPLICATE, IGNORED -> "warn";
            default -> "bad";
        };
        return new TimelineEntry(w.receivedAt(), "webhook", "Webhook from " + w.carrierId() + ": "
                + words(w.outcome().name()), detail, tone, w.requestId());
    }

    private TimelineEntry attempt(CallbackAttempt a) {
        StringBuilder detail = new StringBuilder();
        detail.append(a.httpStatus() == null ? "no HTTP answer" : "HTTP " + a.httpStatus());
        if (a.error() != null) {
            detail.append("; ").append(a.error());
        }
        if (a.deadLettered()) {
            detail.append("; retry budget spent: dead letter");
        } else if (a.nextAttemptAt() != null) {
            detail.append("; next attempt ").append(time.of(a.nextAttemptAt()));
        }
        boolean delivered = "DELIVERED".equals(a.outcome());
        return new TimelineEntry(a.attemptedAt(), "callback", "UpdateOrderStatus change #" + a.seq() + " ("
                + a.status() + "), attempt " + a.attempt() + ": " + words(a.outcome()), detail.toString(),
                delivered ? "ok" : a.deadLettered() ? "bad" : "warn", a.requestId());
    }

    /** {@code CREATE_ORDER} → {@code create order}. */
    static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
