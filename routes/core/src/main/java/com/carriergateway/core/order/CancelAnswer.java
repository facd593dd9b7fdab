package com.carriergateway.core.order;

import com.carriergateway.core.answer.Message;
import com.carriergateway.core.store.StoredOrder;
import java.util.List;

/** How a CancelOrder ended: cancelled or refused (with the reason), for the order it concerned. */
public record CancelAnswer(StoredOrder order, boolean cancelled, String reason, List<Message> messages) {
}
