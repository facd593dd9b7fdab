package com.carriergateway.core.store;

/** What an order-history entry records. */
public enum OrderEventKind {
    BOOKING_STARTED,
    BOOKED,
    /** A lookup after a lost answer found the order the carrier had booked. */
    RECOVERED_BY_LOOKUP,
    BOOKING_FAILED,
    /** The carrier may have booked it without answering; the next attempt looks up first. */
    BOOKING_OUTCOME_UNKNOWN,
    /**
     * An operator settled a booking whose outcome the gateway could not learn: the carrier holds it (booked with the
     * carrier's ids) or does not (BestRx's next CreateOrder books it).
     */
    RECONCILED_BY_OPERATOR,
    /** The order's amounts do not add up as BestRx documents; accepted and noted for the operator. */
    AMOUNTS_DO_NOT_ADD_UP,
    FAILOVER,
    /** Routing passed over a carrier that cannot honour what the order requires (a signature, an ID check, …). */
    CARRIER_SKIPPED,
    /** No carrier the pharmacy routes to can honour what the order requires; nothing was booked. */
    ROUTING_REFUSED,
    /** The carrier accepted with a remark (sent to BestRx as a DIS2004 warning). */
    CARRIER_WARNING,
    CANCEL_REQUESTED,
    CANCELLED,
    CANCEL_REFUSED,
    CANCEL_FAILED,
    STATUS_CHANGED,
    /** A repeated, late or backwards carrier status that was not applied. */
    STATUS_IGNORED,
    /** The order is too old to keep polling its carrier for status (still open). */
    POLL_RETIRED,
    /** A status callback to BestRx spent its retry budget; later changes of the order wait behind it. */
    CALLBACK_DEAD_LETTERED,
    /** An operator sent a dead-lettered status callback back to the queue. */
    CALLBACK_REPLAYED
}
