package com.carriergateway.adapter.connect;

import java.util.List;

/**
 * The parts of a Connect order resource the gateway reads. Connect's fuller resource (site, plan, POI…)
 * is deliberately not modelled: the gateway needs only identity, cancellability and state signals.
 *
 * @param id the Connect order id, a number kept as its decimal string
 * @param cancellable {@code isCancellable}; null when Connect did not say
 * @param status an explicit order status if Connect sends one (its existence and values are Unconfirmed)
 * @param serviceActivatedOn when the nbn service went live, if the order carries it
 */
record ConnectOrder(
        String id,
        String customerRef,
        Boolean cancellable,
        String status,
        String rejectedReason,
        String rejectedOn,
        String cancelledOn,
        String serviceActivatedOn,
        List<ConnectAppointment> appointments) {

    ConnectOrder {
        appointments = appointments == null ? List.of() : List.copyOf(appointments);
    }
}
