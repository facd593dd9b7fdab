package com.carriergateway.adapter.uberdirect;

import com.carriergateway.adapter.CarrierError;
import com.carriergateway.adapter.CarrierError.Category;
import com.carriergateway.adapter.CarrierResult;
import com.carriergateway.adapter.json.CarrierJson;
import com.carriergateway.adapter.model.Address;
import com.carriergateway.adapter.model.Amounts;
import com.carriergateway.adapter.model.DeliveryOrder;
import com.carriergateway.adapter.model.Handling;
import com.carriergateway.adapter.model.OtcItem;
import com.carriergateway.adapter.model.Party;
import com.carriergateway.adapter.model.Pharmacy;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Canonical model to Uber Direct requests: URLs and JSON bodies, no I/O.
 *
 * <p>Data minimisation: the courier app shows the pickup and dropoff names, the notes, the manifest items and
 * {@code manifest_reference}, and the dashboard and billing reports show {@code external_id}. So Uber gets the
 * recipient's first and last name, address and one phone number, the pharmacy's own details, the gateway's opaque
 * order key, and one neutral item; never Rx numbers, patient (customer) names or ids, drug names, consents, or the
 * pharmacy's DEA/NPI/NCPDP. OTC item descriptions only when {@code manifest-item-names} allows them.
 */
final class UberDirectRequests {

    static final int MAX_NOTES = 280;
    static final int MAX_ITEM_NAME = 100;

    private UberDirectRequests() {
    }

    static String createUrl(UberDirectSettings s) {
        return s.deliveriesUrl();
    }

    static String getUrl(UberDirectSettings s, String deliveryId) {
        return s.deliveryUrl(deliveryId);
    }

    static String cancelUrl(UberDirectSettings s, String deliveryId) {
        return s.deliveryUrl(deliveryId) + "/cancel";
    }

    /** The first page of List Deliveries; later pages come from Uber's {@code next_href}. */
    static String listUrl(UberDirectSettings s) {
        return s.deliveriesUrl() + "?limit=" + s.findPageSize();
    }

    /**
     * The Create Delivery body, or a permanent VALIDATION failure when the order cannot be booked with Uber as it is
     * (refrigeration, a phone number that is not a US number, a missing address or name). The order key is the
     * {@code idempotency_key}, {@code external_id} and {@code manifest_reference}: a repeated create within Uber's
     * idempotency window is answered by the same delivery, and later by {@code 409 duplicate_delivery}.
     *
     * @param now decides whether the requested date is today (on demand) or later (scheduled)
     */
    static CarrierResult<ObjectNode> createDelivery(String carrierId, DeliveryOrder order, UberDirectSettings s,
                                                    Instant now) {
        Handling handling = order.handling();
        if (handling != null && handling.refrigerated()) {
            return invalid(carrierId, "refrigeration: Uber Direct documents no temperature-controlled delivery; "
                    + "book refrigerated orders with a carrier offering COLD_CHAIN");
        }
        Pharmacy pharmacy = order.pharmacy();
        Party recipient = order.recipient();
        if (pharmacy == null || pharmacy.address() == null) {
            return invalid(carrierId, "pharmacy address: missing");
        }
        if (recipient == null || recipient.address() == null) {
            return invalid(carrierId, "recipient address: missing");
        }
        if (recipient.displayName().isBlank()) {
            return invalid(carrierId, "recipient name: missing");
        }
        Optional<String> pickupPhone = UberPhoneNumbers.plusDigits(pharmacy.phone());
        if (pickupPhone.isEmpty()) {
            return invalid(carrierId, "pharmacy phone: cannot be written as +<digits>");
        }
        Optional<String> dropoffPhone = recipientPhone(recipient);
        if (dropoffPhone.isEmpty()) {
            return invalid(carrierId, "recipient phone: cannot be written as +<digits>");
        }

        List<String> warnings = new ArrayList<>();
        ObjectNode o = CarrierJson.MAPPER.createObjectNode();
        o.put("pickup_name", nonBlank(pharmacy.name(), "Pharmacy"));
        o.put("pickup_address", structuredAddress(pharmacy.address()));
        o.put("pickup_phone_number", pickupPhone.get());
        o.put("dropoff_name", recipient.displayName());
        putText(o, "dropoff_business_name", recipient.organization());
        o.put("dropoff_address", structuredAddress(recipient.address()));
        o.put("dropoff_phone_number", dropoffPhone.get());
        if (order.deliveryNotes() != null && !order.deliveryNotes().isBlank()) {
            o.put("dropoff_notes", truncate(order.deliveryNotes().trim(), MAX_NOTES));
        }
        o.set("manifest_items", manifestItems(order, s));
        o.put("manifest_reference", order.orderKey());
        declaredCents(order.amounts()).ifPresent(cents -> o.put("manifest_total_value", cents));
        o.put("external_id", order.orderKey());
        o.put("idempotency_key", order.orderKey());
        // Uber's pharmacy rules: hand over in person, and bring the bag back when nobody can take it.
        o.put("deliverable_action", "deliverable_action_meet_at_door");
        o.put("undeliverable_action", "return");
        ObjectNode verification = dropoffVerification(handling, s);
        if (!verification.isEmpty()) {
            o.set("dropoff_verification", verification);
        }
        DeliveryWindows.forDate(order.requestedDeliveryDate(), s.zone(), s.scheduledWindowStart(),
                s.scheduledWindowEnd(), now).ifPresent(w -> {
                    o.put("pickup_ready_dt", DeliveryWindows.RFC_3339.format(w.pickupReady()));
                    o.put("pickup_deadline_dt", DeliveryWindows.RFC_3339.format(w.pickupDeadline()));
                    o.put("dropoff_ready_dt", DeliveryWindows.RFC_3339.format(w.dropoffReady()));
                    o.put("dropoff_deadline_dt", DeliveryWindows.RFC_3339.format(w.dropoffDeadline()));
                });
        if (DeliveryWindows.isPast(order.requestedDeliveryDate(), s.zone(), now)) {
            warnings.add("the requested delivery date has passed; booked with Uber on demand");
        }
        Amounts amounts = order.amounts();
        if (amounts != null && amounts.toCollect() != null && amounts.toCollect().signum() > 0) {
            warnings.add("Uber Direct collects no payment at the door; the amount to collect was not sent");
        }
        return new CarrierResult.Success<>(o, warnings);
    }

    /**
     * An address as Uber's structured form, a JSON document serialised into a string (it is escaped a second time
     * when the body is written). The street line first, the apartment or suite second, as Uber's FAQ asks.
     */
    static String structuredAddress(Address a) {
        ObjectNode o = CarrierJson.MAPPER.createObjectNode();
        ArrayNode street = o.putArray("street_address");
        Stream.of(a.line1(), a.line2()).filter(l -> l != null && !l.isBlank()).map(String::trim).forEach(street::add);
        putText(o, "city", a.city());
        putText(o, "state", a.state());
        putText(o, "zip_code", a.postalCode());
        o.put("country", nonBlank(a.countryCode(), "US"));
        return CarrierJson.write(o);
    }

    /**
     * The recipient's first phone, in the order {@link Party#bestPhone()} prefers (mobile, home, work), that can be
     * written as Uber wants it: a mistyped mobile number should not stop a delivery the home number can reach.
     */
    static Optional<String> recipientPhone(Party recipient) {
        return Stream.of(recipient.mobilePhone(), recipient.homePhone(), recipient.workPhone())
                .map(UberPhoneNumbers::plusDigits)
                .flatMap(Optional::stream)
                .findFirst();
    }

    /**
     * One neutral item ({@code manifest-item-name}, default "Sealed pharmacy bag") for everything, since the courier
     * app shows item names. With {@code manifest-item-names}, OTC items are listed by their description besides the
     * bag of prescriptions; a prescription is never named.
     */
    static ArrayNode manifestItems(DeliveryOrder order, UberDirectSettings s) {
        ArrayNode items = CarrierJson.MAPPER.createArrayNode();
        List<OtcItem> named = s.manifestItemNames()
                ? order.otcItems().stream().filter(i -> i.description() != null && !i.description().isBlank()).toList()
                : List.of();
        if (named.isEmpty() || !order.prescriptions().isEmpty() || named.size() < order.otcItems().size()) {
            item(items, s.manifestItemName(), 1, s.manifestItemSize());
        }
        for (OtcItem otc : named) {
            item(items, truncate(otc.description().trim(), MAX_ITEM_NAME), quantity(otc.quantity()),
                    s.manifestItemSize());
        }
        return items;
    }

    /** Signature with the signer's name and relationship, an ID check at the configured age, and the optional PIN. */
    static ObjectNode dropoffVerification(Handling handling, UberDirectSettings s) {
        ObjectNode v = CarrierJson.MAPPER.createObjectNode();
        if (handling != null && handling.signatureRequired()) {
            ObjectNode signature = v.putObject("signature_requirement");
            signature.put("enabled", true);
            signature.put("collect_signer_name", true);
            signature.put("collect_signer_relationship", true);
        }
        if (handling != null && handling.photoIdRequired()) {
            v.putObject("identification").put("min_age", s.idCheckMinAge());
        }
        if (s.dropoffPinCode()) {
            v.putObject("pincode").put("enabled", true);
        }
        return v;
    }

    /** The declared value in cents, when there is one. */
    private static Optional<Long> declaredCents(Amounts amounts) {
        if (amounts == null || amounts.declared() == null || amounts.declared().signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(amounts.declared().movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValue());
    }

    private static void item(ArrayNode items, String name, int quantity, String size) {
        ObjectNode item = items.addObject();
        item.put("name", name);
        item.put("quantity", quantity);
        item.put("size", size);
    }

    /** Uber counts whole items, at least one. */
    private static int quantity(BigDecimal q) {
        if (q == null || q.signum() <= 0) {
            return 1;
        }
        return Math.max(1, q.setScale(0, RoundingMode.CEILING).min(BigDecimal.valueOf(999)).intValue());
    }

    private static <T> CarrierResult<T> invalid(String carrierId, String detail) {
        return CarrierResult.permanentFailure(CarrierError.of(carrierId, Category.VALIDATION, detail));
    }

    private static void putText(ObjectNode o, String field, String value) {
        if (value != null && !value.isBlank()) {
            o.put(field, value.trim());
        }
    }

    private static String nonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
