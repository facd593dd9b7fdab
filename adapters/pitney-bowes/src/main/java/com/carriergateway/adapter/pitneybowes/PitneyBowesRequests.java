package com.carriergateway.adapter.pitneybowes;

import com.carriergateway.adapter.json.CarrierJson;
import com.carriergateway.adapter.model.Address;
import com.carriergateway.adapter.model.Amounts;
import com.carriergateway.adapter.model.DeliveryOrder;
import com.carriergateway.adapter.model.Handling;
import com.carriergateway.adapter.model.OtcItem;
import com.carriergateway.adapter.model.Party;
import com.carriergateway.adapter.model.PrescriptionItem;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canonical model to PB requests: URLs and JSON bodies, no I/O.
 *
 * <p>Data minimisation: PB packs and ships the parcel, so it gets the recipient's delivery details and neutral
 * line items, never Rx numbers, fill dates, patient (customer) names or ids, or OTC item descriptions.
 */
final class PitneyBowesRequests {

    static final DateTimeFormatter PB_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    static final int MAX_REFERENCE_NAME = 50;
    static final int MAX_REFERENCE_VALUE = 255;
    static final int MAX_INTERNAL_NOTES = 255;
    static final int MAX_ADDRESS_LINE = 100;
    /** PB's Find Orders page size: one order is expected, a few more reveal an ignored filter. */
    static final int FIND_PAGE_SIZE = 10;

    private PitneyBowesRequests() {
    }

    static String createOrderUrl(PitneyBowesSettings s) {
        return s.fulfillmentUrl("/orders");
    }

    static String findOrderUrl(PitneyBowesSettings s) {
        return s.fulfillmentUrl("/orders/search?page=1&size=" + FIND_PAGE_SIZE);
    }

    static String statusUrl(PitneyBowesSettings s, String orderId) {
        return s.fulfillmentUrl("/orders/" + segment(orderId) + "/status?clientId=" + query(s.clientId()));
    }

    static String cancelUrl(PitneyBowesSettings s, String orderId) {
        return s.fulfillmentUrl("/orders/" + segment(orderId) + "/cancel?clientId=" + query(s.clientId()));
    }

    static String verifyAddressUrl(PitneyBowesSettings s) {
        return s.addressUrl("/verify?minimalAddressValidation=" + s.minimalAddressValidation());
    }

    static String suggestAddressUrl(PitneyBowesSettings s) {
        return s.addressUrl("/verify-suggest?returnSuggestions=true");
    }

    /**
     * The Create an Order body.
     *
     * @param now used for {@code createDate} only when the order carries no creation time
     */
    static ObjectNode createOrder(DeliveryOrder order, PitneyBowesSettings s, Instant now) {
        ObjectNode o = CarrierJson.MAPPER.createObjectNode();
        o.put("clientId", s.clientId());
        o.put("clientOrderId", order.orderKey());
        o.put("createDate", PB_TIMESTAMP.format(order.createdAt() == null ? now : order.createdAt()));
        o.put("orderType", "eCom");
        if (s.fromNode() != null) {
            o.put("fromNode", s.fromNode());
        }
        ObjectNode shipping = o.putObject("inputShippingDetails");
        shipping.put("carrier", s.shippingCarrier());
        shipping.put("serviceId", s.serviceIdFor(order.serviceLevel()));
        if (s.serviceName() != null) {
            shipping.put("serviceName", s.serviceName());
        }
        putDate(o, "shipOnDate", order.pickupDate());
        putDate(o, "promisedDeliveryDate", order.requestedDeliveryDate());
        if (order.recipient() != null) {
            o.set("toAddress", toAddress(order.recipient()));
        }
        o.set("orderLines", orderLines(order, s));
        ObjectNode charges = orderCharges(order.amounts());
        if (charges != null) {
            o.set("orderCharges", charges);
        }
        ArrayNode references = references(order);
        if (!references.isEmpty()) {
            o.set("references", references);
        }
        if (order.deliveryNotes() != null && !order.deliveryNotes().isBlank()) {
            o.put("internalNotes", truncate(order.deliveryNotes().trim(), MAX_INTERNAL_NOTES));
        }
        return o;
    }

    /** The Find Orders body: this client's orders whose clientOrderId is {@code orderKey}, newest first. */
    static ObjectNode findOrder(String orderKey, PitneyBowesSettings s) {
        ObjectNode o = CarrierJson.MAPPER.createObjectNode();
        o.put("clientId", s.clientId());
        o.putArray("sort").add("pbCreateDate-desc");
        ObjectNode field = o.putArray("searchFields").addObject();
        field.put("name", s.findSearchField());
        field.putArray("values").add(orderKey);
        return o;
    }

    /** A PB Address object for Validate an Address. */
    static ObjectNode verifyAddress(Address address) {
        return address(address);
    }

    /** The Suggest Addresses body: {@code {"address": {...}}}. */
    static ObjectNode suggestAddress(Address address) {
        ObjectNode o = CarrierJson.MAPPER.createObjectNode();
        o.set("address", address(address));
        return o;
    }

    /**
     * A PB Address. PB wants the street line last for USPS domestic addresses, so a secondary line (suite,
     * apartment) comes first.
     */
    static ObjectNode address(Address a) {
        ObjectNode o = CarrierJson.MAPPER.createObjectNode();
        ArrayNode lines = o.putArray("addressLines");
        if (a.line2() != null && !a.line2().isBlank()) {
            lines.add(truncate(a.line2().trim(), MAX_ADDRESS_LINE));
        }
        if (a.line1() != null && !a.line1().isBlank()) {
            lines.add(truncate(a.line1().trim(), MAX_ADDRESS_LINE));
        }
        putText(o, "cityTown", a.city());
        putText(o, "stateProvince", a.state());
        putText(o, "postalCode", a.postalCode());
        o.put("countryCode", a.countryCode() == null || a.countryCode().isBlank() ? "US" : a.countryCode().trim());
        return o;
    }

    /** The recipient: the name on the parcel (first and last only), company, one phone, email, address. */
    private static ObjectNode toAddress(Party recipient) {
        ObjectNode o = CarrierJson.MAPPER.createObjectNode();
        putText(o, "name", recipient.displayName());
        putText(o, "company", recipient.organization());
        putText(o, "phone", recipient.bestPhone());
        putText(o, "email", recipient.email());
        if (recipient.address() != null) {
            o.setAll(address(recipient.address()));
        }
        return o;
    }

    /** One neutral line per prescription (no Rx number) and one per OTC item, identified by its UPC only. */
    private static ArrayNode orderLines(DeliveryOrder order, PitneyBowesSettings s) {
        ArrayNode lines = CarrierJson.MAPPER.createArrayNode();
        int lineId = 1;
        for (PrescriptionItem rx : order.prescriptions()) {
            line(lines, lineId++, s.rxSku(), BigDecimal.ONE, rx.amountDue());
        }
        for (OtcItem otc : order.otcItems()) {
            BigDecimal quantity = otc.quantity() == null || otc.quantity().signum() <= 0 ? BigDecimal.ONE : otc.quantity();
            String sku = otc.upc() == null || otc.upc().isBlank() ? "OTC-ITEM" : otc.upc().trim();
            line(lines, lineId++, sku, quantity, otc.amountDue());
        }
        return lines;
    }

    private static void line(ArrayNode lines, int lineId, String sku, BigDecimal quantity, BigDecimal lineTotal) {
        ObjectNode l = lines.addObject();
        l.put("lineId", lineId);
        l.put("sku", sku);
        l.put("orderedQuantity", quantity.stripTrailingZeros());
        if (lineTotal != null) {
            BigDecimal unit = quantity.compareTo(BigDecimal.ONE) == 0 ? lineTotal
                    : lineTotal.divide(quantity, 4, RoundingMode.HALF_UP).stripTrailingZeros();
            l.put("unitPrice", unit);
            l.put("lineTotal", lineTotal);
        }
    }

    private static ObjectNode orderCharges(Amounts a) {
        if (a == null) {
            return null;
        }
        ObjectNode o = CarrierJson.MAPPER.createObjectNode();
        o.put("orderCurrency", "USD");
        if (a.prescription() != null || a.otc() != null) {
            o.put("totalItemAmount", orZero(a.prescription()).add(orZero(a.otc())));
        }
        if (a.tax() != null) {
            o.put("totalTaxAmount", a.tax());
        }
        if (a.total() != null) {
            o.put("totalOrderAmount", a.total());
        }
        return o.size() == 1 ? null : o;
    }

    /**
     * Handling flags and money to collect, then the order's own non-personal references (sorted by name, so the
     * body is stable). PB types reference values as strings.
     */
    private static ArrayNode references(DeliveryOrder order) {
        List<String[]> refs = new ArrayList<>();
        Handling h = order.handling();
        if (h != null) {
            refs.add(new String[] {"signatureRequired", String.valueOf(h.signatureRequired())});
            refs.add(new String[] {"photoIdRequired", String.valueOf(h.photoIdRequired())});
            refs.add(new String[] {"refrigerated", String.valueOf(h.refrigerated())});
        }
        Amounts a = order.amounts();
        if (a != null && a.toCollect() != null) {
            refs.add(new String[] {"amountToCollect", a.toCollect().toPlainString()});
        }
        if (a != null && a.declared() != null) {
            refs.add(new String[] {"declaredValue", a.declared().toPlainString()});
        }
        for (Map.Entry<String, String> e : new TreeMap<>(order.references()).entrySet()) {
            if (e.getValue() != null && !e.getValue().isBlank()) {
                refs.add(new String[] {e.getKey(), e.getValue()});
            }
        }
        ArrayNode out = CarrierJson.MAPPER.createArrayNode();
        for (String[] r : refs) {
            ObjectNode ref = out.addObject();
            ref.put("name", truncate(r[0], MAX_REFERENCE_NAME));
            ref.put("values", truncate(r[1], MAX_REFERENCE_VALUE));
        }
        return out;
    }

    private static void putDate(ObjectNode o, String field, LocalDate date) {
        if (date != null) {
            o.put(field, PB_TIMESTAMP.format(date.atStartOfDay(ZoneOffset.UTC)));
        }
    }

    private static void putText(ObjectNode o, String field, String value) {
        if (value != null && !value.isBlank()) {
            o.put(field, value.trim());
        }
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static String segment(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
