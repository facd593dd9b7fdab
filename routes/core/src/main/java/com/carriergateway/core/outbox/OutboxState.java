package com.carriergateway.core.outbox;

/** Where a queued status callback stands. */
public enum OutboxState {
    /** Waiting for its turn (its order's earlier changes first) or for its next attempt. */
    PENDING,
    /** BestRx confirmed it ({@code status_updated} true). */
    SENT,
    /** Its retry budget is spent; it and every later change of its order wait for an operator's replay. */
    DEAD
}
