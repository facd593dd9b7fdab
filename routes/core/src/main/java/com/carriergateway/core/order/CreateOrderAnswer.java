package com.carriergateway.core.order;

import com.carriergateway.core.answer.Message;
import java.util.List;

/**
 * How a CreateOrder ended: the answer to send (the first answer, stored with the booking and sent again to every
 * repeat), whether this was a repeat, and for a new booking what was booked and the messages the answer carries.
 */
public record CreateOrderAnswer(String answer, boolean repeat, BookedOrder booked, List<Message> messages) {

    static CreateOrderAnswer repeat(String storedAnswer) {
        return new CreateOrderAnswer(storedAnswer, true, null, List.of());
    }
}
