package com.carriergateway.routes.order;

import com.carriergateway.routes.api.Message;
import com.carriergateway.routes.store.StoredOrder;
import java.util.List;

/** How a CancelOrder ended: cancelled or refused (with the reason), for the order it concerned. */
public record CancelAnswer(StoredOrder order, boolean cancelled, String reason, List<Message> messages) {
}
