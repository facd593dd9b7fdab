package com.carriergateway.adapter.connect;

import com.carriergateway.adapter.json.CarrierJson;
import com.carriergateway.adapter.model.CarrierOrder;
import com.carriergateway.adapter.model.StatusUpdate;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Connect answers to the gateway's model, as pure functions that never throw: an unreadable answer is an
 * empty optional, and the caller decides what that means for its operation.
 */
final class ConnectResponses {

    private ConnectResponses() {
    }

    /** An order resource; empty unless the body is a JSON object with a numeric {@code id}. */
    static Optional<ConnectOrder> order(String body) {
        return CarrierJson.read(body).flatMap(ConnectResponses::orderFrom);
    }

    private static Optional<ConnectOrder> orderFrom(JsonNode node) {
        String id = CarrierJson.id(node, "id");
        if (id == null) {
            return Optional.empty();
        }
        JsonNode service = node.get("service");
        String activatedOn = CarrierJson.text(node, "nbnServiceActivatedOn", "serviceActivatedOn");
        if (activatedOn == null && service != null) {
            activatedOn = CarrierJson.text(service, "nbnServiceActivatedOn", "activatedOn");
        }
        return Optional.of(new ConnectOrder(
                id,
                CarrierJson.text(node, "customerRef", "customerReference"),
                CarrierJson.bool(node, "isCancellable"),
                CarrierJson.text(node, "status", "orderStatus"),
                CarrierJson.text(node, "rejectedReason"),
                CarrierJson.text(node, "rejectedOn"),
                CarrierJson.text(node, "cancelledOn"),
                activatedOn,
                appointments(node)));
    }

    /**
     * The order's appointments. Where the order resource carries them is Unconfirmed: an
     * {@code appointments} list and a single {@code appointment} object are both read (either name may hold
     * an object or a list); entries that are not objects are skipped.
     */
    static List<ConnectAppointment> appointments(JsonNode order) {
        List<ConnectAppointment> out = new ArrayList<>();
        for (String name : List.of("appointments", "appointment")) {
            JsonNode v = order.get(name);
            if (v == null) {
                continue;
            }
            if (v.isObject()) {
                out.add(appointment(v));
            } else if (v.isArray()) {
                v.forEach(a -> {
                    if (a.isObject()) {
                        out.add(appointment(a));
                    }
                });
            }
        }
        return out;
    }

    private static ConnectAppointment appointment(JsonNode a) {
        return new ConnectAppointment(
                CarrierJson.text(a, "id"),
                CarrierJson.text(a, "status"),
                CarrierJson.text(a, "startTime"),
                CarrierJson.text(a, "endTime"),
                CarrierJson.text(a, "timezoneOffset"),
                CarrierJson.text(a, "slotType"));
    }

    /**
     * The assumed search answer: a JSON list of orders, or an object holding it in {@code content} (Spring
     * page), {@code items}, {@code orders}, {@code data} or {@code results}. Empty when unreadable; list
     * entries without a numeric id are skipped.
     */
    static Optional<List<ConnectOrder>> orderList(String body) {
        Optional<JsonNode> root = CarrierJson.read(body);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        JsonNode list = root.get();
        if (list.isObject()) {
            list = List.of("content", "items", "orders", "data", "results").stream()
                    .map(list::get)
                    .filter(n -> n != null && n.isArray())
                    .findFirst()
                    .orElse(null);
        }
        if (list == null || !list.isArray()) {
            return Optional.empty();
        }
        List<ConnectOrder> orders = new ArrayList<>();
        list.forEach(n -> orderFrom(n).ifPresent(orders::add));
        return Optional.of(orders);
    }

    /**
     * The gateway's view of a Connect order. There is no parcel tracking number: the Connect order id is
     * reported as the tracking id (spec §11.6), and there is no tracking URL, label or manifest.
     */
    static CarrierOrder toCarrierOrder(ConnectOrder order, StatusUpdate status) {
        return new CarrierOrder(order.id(), order.id(), null, null, null, status);
    }
}
