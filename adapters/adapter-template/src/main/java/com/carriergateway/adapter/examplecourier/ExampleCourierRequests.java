package com.carriergateway.adapter.examplecourier;

import com.carriergateway.adapter.json.CarrierJson;
import com.carriergateway.adapter.model.Address;
import com.carriergateway.adapter.model.DeliveryOrder;
import com.carriergateway.adapter.model.Measure;
import com.carriergateway.adapter.model.Parcel;
import com.carriergateway.adapter.model.Party;
import com.carriergateway.adapter.model.Pharmacy;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Canonical model to Example Courier requests: URLs and JSON bodies, no I/O.
 *
 * <p>Data minimisation: a courier needs where to collect, where to deliver, whom to hand the parcel to and how to
 * reach them, and what it must do at the door. It never gets Rx numbers, fill dates, the patients (customers) behind
 * the order, item descriptions or prices.
 */
final class ExampleCourierRequests {

    private ExampleCourierRequests() {
    }

    // TODO(carrier): the carrier's paths. The order key travels as the carrier's client reference: find looks it up.

    static String createUrl(ExampleCourierSettings s) {
        return s.apiUrl("/v1/deliveries");
    }

    static String findUrl(ExampleCourierSettings s, String orderKey) {
        return s.apiUrl("/v1/deliveries?reference=" + URLEncoder.encode(orderKey, StandardCharsets.UTF_8));
    }

    static String deliveryUrl(ExampleCourierSettings s, String deliveryId) {
        return s.apiUrl("/v1/deliveries/" + segment(deliveryId));
    }

    static String cancelUrl(ExampleCourierSettings s, String deliveryId) {
        return deliveryUrl(s, deliveryId) + "/cancel";
    }

    /** The create body. TODO(carrier): the carrier's field names, formats and limits (truncate what it caps). */
    static ObjectNode createDelivery(DeliveryOrder order, ExampleCourierSettings s) {
        ObjectNode body = CarrierJson.MAPPER.createObjectNode();
        body.put("reference", order.orderKey());
        body.put("service", s.serviceFor(order.serviceLevel()));
        body.set("pickup", pickup(order.pharmacy()));
        body.set("dropoff", dropoff(order.recipient(), order.deliveryNotes()));
        ObjectNode parcel = parcel(order.parcel());
        if (!parcel.isEmpty()) {
            body.set("parcel", parcel);
        }
        if (order.handling() != null) {
            // only what deliveryCapabilities() declares; routing never sends this carrier an order needing more
            ObjectNode requirements = body.putObject("requirements");
            requirements.put("signature", order.handling().signatureRequired());
            requirements.put("id_check", order.handling().photoIdRequired());
        }
        if (order.pickupDate() != null) {
            body.put("pickup_date", order.pickupDate().toString());
        }
        if (order.requestedDeliveryDate() != null) {
            body.put("deliver_by", order.requestedDeliveryDate().toString());
        }
        return body;
    }

    private static ObjectNode pickup(Pharmacy pharmacy) {
        ObjectNode o = CarrierJson.MAPPER.createObjectNode();
        putIfPresent(o, "name", pharmacy.name());
        putIfPresent(o, "phone", pharmacy.phone());
        o.set("address", address(pharmacy.address()));
        return o;
    }

    private static ObjectNode dropoff(Party recipient, String notes) {
        ObjectNode o = CarrierJson.MAPPER.createObjectNode();
        putIfPresent(o, "name", recipient.displayName());
        putIfPresent(o, "phone", recipient.bestPhone());
        o.set("address", address(recipient.address()));
        putIfPresent(o, "instructions", notes);
        return o;
    }

    static ObjectNode address(Address a) {
        ObjectNode o = CarrierJson.MAPPER.createObjectNode();
        putIfPresent(o, "line1", a.line1());
        putIfPresent(o, "line2", a.line2());
        putIfPresent(o, "city", a.city());
        putIfPresent(o, "state", a.state());
        putIfPresent(o, "postal_code", a.postalCode());
        putIfPresent(o, "country", a.countryCode());
        return o;
    }

    private static ObjectNode parcel(Parcel p) {
        ObjectNode o = CarrierJson.MAPPER.createObjectNode();
        if (p != null) {
            measure(o, "weight", p.weight());
            measure(o, "length", p.length());
            measure(o, "width", p.width());
            measure(o, "height", p.height());
        }
        return o;
    }

    private static void measure(ObjectNode parent, String name, Measure m) {
        if (m != null && m.value() != null) {
            ObjectNode o = parent.putObject(name);
            o.put("value", m.value());
            o.put("unit", m.unit());
        }
    }

    private static void putIfPresent(ObjectNode o, String name, String value) {
        if (value != null && !value.isBlank()) {
            o.put(name, value.trim());
        }
    }

    /** A carrier id as one path segment: it comes from the carrier, so it must not be able to change the path. */
    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
