package com.carriergateway.core.order;

import com.carriergateway.core.answer.MessageCode;
import com.carriergateway.core.store.OrderEventKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/**
 * What each CreateOrder became at its carrier, counted once per booking attempt that reached one: booked, found
 * booked by a lookup, booked with the failover carrier, or failed with the code BestRx was answered (e.g.
 * {@code carrier_refused}, {@code carrier_circuit_open}). An order routing refused before any carrier (no carrier of
 * the pharmacy can honour what it asks at the door) counts under carrier {@code none}, outcome
 * {@code no_capable_carrier}. Repeats answered from the first answer are not counted again. Tags: the carrier
 * instance and the outcome, both from closed sets; nothing about the order itself.
 */
public class OrderMetrics {

    public static final String NAME = "gateway.orders";
    /** The carrier tag of an order no carrier was asked for. */
    static final String NO_CARRIER = "none";

    private final MeterRegistry meters;

    public OrderMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void booked(BookedOrder booked) {
        String outcome = booked.failedOverFrom() != null ? "failed_over"
                : booked.how() == OrderEventKind.RECOVERED_BY_LOOKUP ? "recovered" : "booked";
        count(booked.carrierId(), outcome);
    }

    void failed(String carrierId, MessageCode answered) {
        count(carrierId, answered.name().toLowerCase(Locale.ROOT));
    }

    private void count(String carrierId, String outcome) {
        Counter.builder(NAME).description("CreateOrder bookings by carrier and outcome")
                .tag("carrier", carrierId).tag("outcome", outcome).register(meters).increment();
    }
}
