package com.carriergateway.adapter.model;

/**
 * The one canonical delivery status. Carriers' statuses map onto it in each adapter; it maps onto
 * BestRx's codes in one configurable table at the edge.
 *
 * <p>{@code stage} orders the happy path, so a late or repeated carrier event can be recognised as a
 * step backwards. Exceptions share the stage of the attempt they interrupt.
 */
public enum DeliveryStatus {
    CREATED(0, false),
    ACKNOWLEDGED(1, false),
    PICKED_UP(2, false),
    IN_TRANSIT(3, false),
    OUT_FOR_DELIVERY(4, false),
    DELIVERY_ATTEMPTED(5, false),
    UNABLE_TO_DELIVER(6, false),
    DELIVERED(7, true),
    RETURNED(7, true),
    CANCELLED(7, true);

    private final int stage;
    private final boolean terminal;

    DeliveryStatus(int stage, boolean terminal) {
        this.stage = stage;
        this.terminal = terminal;
    }

    public int stage() {
        return stage;
    }

    /** No carrier event moves an order out of a terminal status. */
    public boolean isTerminal() {
        return terminal;
    }
}
