package com.carriergateway.adapter.connect;

import com.carriergateway.adapter.json.CarrierJson;
import com.carriergateway.adapter.model.DeliveryOrder;
import com.carriergateway.adapter.model.Party;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Canonical model to Connect requests, as pure functions. A Connect order provisions an nbn service, so
 * from a pharmacy order only the reference and the contact travel; everything else Connect requires
 * (source type, aggregation method, qualification ids, plan…) comes from configuration.
 */
final class ConnectRequests {

    static final String CREATE_PATH = "/api/connect/orders/create";
    static final String CANCEL_PATH = "/api/connect/orders/cancel";
    static final int CONTACT_NAME_MAX = 40;
    static final int CONTACT_EMAIL_MAX = 50;

    private ConnectRequests() {
    }

    /**
     * The create body: {@code order-defaults.*} first, then {@code planName} for the order's service level,
     * then {@code customerReference} (the order key, so a lost answer can be found again) and the contact.
     * The contact name is cut to Connect's 40 characters; an email longer than 50 is left out rather than
     * cut into a wrong address, so Connect's validation names the field.
     */
    static String createOrder(DeliveryOrder order, ConnectSettings settings) {
        ObjectNode body = CarrierJson.MAPPER.createObjectNode();
        settings.orderDefaults.forEach((field, value) -> putTyped(body, field, value));
        if (order.serviceLevel() != null) {
            String plan = settings.planByServiceLevel.get(order.serviceLevel().trim().toLowerCase(Locale.ROOT));
            if (plan != null) {
                body.put("planName", plan);
            }
        }
        body.put("customerReference", order.orderKey());
        Party recipient = order.recipient();
        if (recipient != null) {
            String name = recipient.displayName().trim();
            if (!name.isEmpty()) {
                body.put("contactName", name.length() > CONTACT_NAME_MAX ? name.substring(0, CONTACT_NAME_MAX).trim() : name);
            }
            String phone = recipient.bestPhone();
            if (phone != null) {
                body.put("contactPhone", phone.trim());
            }
            String email = recipient.email() == null ? "" : recipient.email().trim();
            if (!email.isEmpty() && email.length() <= CONTACT_EMAIL_MAX) {
                body.put("contactEmail", email);
            }
        }
        return body.toString();
    }

    /** The cancel body: Connect's order id as a JSON number. */
    static String cancelOrder(long orderId) {
        return CarrierJson.MAPPER.createObjectNode().put("orderId", orderId).toString();
    }

    /** Connect ids are numbers; anything else cannot name a Connect order. */
    static Optional<Long> orderNumber(String carrierOrderId) {
        if (carrierOrderId == null || !carrierOrderId.trim().matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(carrierOrderId.trim()));
    }

    static String findPath(String template, String orderKey) {
        return template.replace("{orderKey}", URLEncoder.encode(orderKey, StandardCharsets.UTF_8));
    }

    static String orderPath(String template, long orderId) {
        return template.replace("{id}", Long.toString(orderId));
    }

    /**
     * Configuration values are text; {@code true}/{@code false} become JSON booleans and plain integers
     * (no leading zero) JSON numbers, e.g. {@code term=1}. Wrap a value in double quotes to keep it text.
     */
    static void putTyped(ObjectNode body, String field, String value) {
        String v = value.trim();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            body.put(field, v.substring(1, v.length() - 1));
        } else if (v.equals("true") || v.equals("false")) {
            body.put(field, Boolean.parseBoolean(v));
        } else if (v.matches("-?(0|[1-9][0-9]{0,17})")) {
            body.put(field, Long.parseLong(v));
        } else {
            body.put(field, v);
        }
    }
}
