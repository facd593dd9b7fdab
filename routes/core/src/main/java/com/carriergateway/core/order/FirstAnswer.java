package com.carriergateway.core.order;

import com.carriergateway.core.answer.Message;
import java.time.Instant;
import java.util.List;

/**
 * The edge's rendering of a booking's answer (BestRx's CreateOrder envelope, without a request id). The use case
 * stores it with the booking, in the same commit, and every repeat of the order is sent exactly these bytes again:
 * the core keeps the answer without knowing its shape.
 */
@FunctionalInterface
public interface FirstAnswer {

    String write(CreateOrderCommand command, BookedOrder booked, List<Message> messages, Instant answeredAt);
}
