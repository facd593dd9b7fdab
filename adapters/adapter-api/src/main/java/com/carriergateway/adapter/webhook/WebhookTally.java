package com.carriergateway.adapter.webhook;

/** How the events of one webhook call ended: recorded as changes, ignored (repeats, late), or for unknown orders. */
public record WebhookTally(int received, int applied, int ignored, int unknownOrders) {
}
