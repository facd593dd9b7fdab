package com.carriergateway.routes.bestrx;

import com.carriergateway.core.order.CreateOrderCommand;

import com.carriergateway.adapter.model.Address;
import com.carriergateway.adapter.model.Amounts;
import com.carriergateway.adapter.model.Consent;
import com.carriergateway.adapter.model.Customer;
import com.carriergateway.adapter.model.DeliveryOrder;
import com.carriergateway.adapter.model.Handling;
import com.carriergateway.adapter.model.OtcItem;
import com.carriergateway.adapter.model.Parcel;
import com.carriergateway.adapter.model.Party;
import com.carriergateway.adapter.model.Pharmacy;
import com.carriergateway.adapter.model.PrescriptionItem;
import com.carriergateway.core.order.OrderKeys;
import com.carriergateway.core.order.RequestFingerprint;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BestRx CreateOrder JSON → the command to book a canonical {@link DeliveryOrder}. The one place that knows this
 * shape.
 */
public final class CreateOrderReader {

    private CreateOrderReader() {
    }

    public static CreateOrderCommand read(AuthenticatedRequest request, Instant now) {
        JsonNode root = request.body();
        String pharmacyId = RequestPharmacy.confirm(root, request.pharmacy().pharmacyId());
        InputProblems problems = new InputProblems();
        FieldReader f = new FieldReader(problems);

        Long orderId = f.id(root, "", "bestrx_order_id", true);
        Long uniqueId = f.id(root, "", "bestrx_unique_order_id", true);

        JsonNode store = f.object(root, "", "store", false);
        Pharmacy pharmacy = readPharmacy(f, store, pharmacyId);

        JsonNode recipientNode = f.object(root, "", "recipient", true);
        Party recipient = readRecipient(f, recipientNode);

        Amounts amounts = new Amounts(
                f.amount(root, "", "prescription_amount", true),
                f.amount(root, "", "otc_amount", true),
                f.amount(root, "", "tax_amount", true),
                f.amount(root, "", "total_amount", true),
                f.amount(root, "", "amount_to_collect", true),
                f.amount(root, "", "declared_amount", true));

        Parcel parcel = new Parcel(
                f.measure(root, "", "height", "in"),
                f.measure(root, "", "width", "in"),
                f.measure(root, "", "length", "in"),
                f.measure(root, "", "weight", "oz"));

        Handling handling = new Handling(
                f.flag(root, "", "refrigeration_needed", false, true),
                f.flag(root, "", "signature_required", false, true),
                f.flag(root, "", "photo_id_required", false, true));

        List<Customer> customers = new ArrayList<>();
        List<JsonNode> customerNodes = f.objects(root, "", "customers");
        for (int i = 0; i < customerNodes.size(); i++) {
            JsonNode c = customerNodes.get(i);
            String p = "customers[" + i + "]";
            Long cid = f.id(c, p, "customer_unique_id", false);
            customers.add(new Customer(cid == null ? null : cid.toString(),
                    f.text(c, p, "first_name", false, 100), f.text(c, p, "middle_name", false, 100),
                    f.text(c, p, "last_name", false, 100),
                    AddressReader.read(f, f.object(c, p, "address", false), p + ".address", false)));
        }

        List<PrescriptionItem> prescriptions = new ArrayList<>();
        List<JsonNode> rxNodes = f.objects(root, "", "prescriptions");
        for (int i = 0; i < rxNodes.size(); i++) {
            JsonNode rx = rxNodes.get(i);
            String p = "prescriptions[" + i + "]";
            Long cid = f.id(rx, p, "customer_unique_id", false);
            Long seq = f.id(rx, p, "partial_fill_seqno", false);
            prescriptions.add(new PrescriptionItem(cid == null ? null : cid.toString(),
                    f.text(rx, p, "rx_number", false, 50), f.date(rx, p, "fill_date"),
                    f.amount(rx, p, "amount_due", false), seq == null ? null : seq.intValue()));
        }

        List<OtcItem> otcItems = new ArrayList<>();
        List<JsonNode> otcNodes = f.objects(root, "", "otc_items");
        for (int i = 0; i < otcNodes.size(); i++) {
            JsonNode item = otcNodes.get(i);
            String p = "otc_items[" + i + "]";
            Long cid = f.id(item, p, "customer_unique_id", false);
            otcItems.add(new OtcItem(cid == null ? null : cid.toString(), f.text(item, p, "upc", false, 50),
                    f.text(item, p, "item_description", false, 500), f.quantity(item, p, "quantity"),
                    f.amount(item, p, "amount_due", false)));
        }

        List<Consent> consents = new ArrayList<>();
        List<JsonNode> consentNodes = f.objects(root, "", "consents");
        for (int i = 0; i < consentNodes.size(); i++) {
            JsonNode c = consentNodes.get(i);
            String p = "consents[" + i + "]";
            consents.add(new Consent(f.text(c, p, "consent_header", false, 500),
                    f.text(c, p, "consent_text", false, 10_000), f.strings(c, p, "consent_inputs"),
                    f.text(c, p, "consent_type", false, 20)));
        }

        var pickupDate = f.date(root, "", "pickup_date");
        var deliveryDate = f.date(root, "", "requested_delivery_date");
        String serviceLevel = f.text(root, "", "service_level", false, 100);
        String notes = f.text(root, "", "delivery_notes", false, 2000);

        problems.throwIfAny();

        Map<String, String> references = new LinkedHashMap<>();
        references.put("bestrx_order_id", orderId.toString());
        references.put("bestrx_unique_order_id", uniqueId.toString());
        DeliveryOrder order = new DeliveryOrder(OrderKeys.of(pharmacyId, uniqueId), references, pharmacy,
                recipient, customers, prescriptions, otcItems, consents, amounts, parcel, handling, pickupDate,
                deliveryDate, serviceLevel, notes, now);
        return new CreateOrderCommand(request.pharmacy(), orderId, uniqueId, order, RequestFingerprint.of(root),
                addsUp(amounts), problems.warnings());
    }

    private static Pharmacy readPharmacy(FieldReader f, JsonNode store, String pharmacyId) {
        if (store == null) {
            return new Pharmacy(pharmacyId, null, null, null, null, null, null, null, null, null);
        }
        String p = "store";
        Address address = AddressReader.read(f, f.object(store, p, "address", false), "store.address", false);
        return new Pharmacy(pharmacyId, f.text(store, p, "delivery_provider_acct_no", false, 100),
                f.text(store, p, "name", false, 200), address, f.text(store, p, "phone", false, 30),
                f.text(store, p, "fax", false, 30), f.text(store, p, "email", false, 200),
                f.text(store, p, "ncpdp", false, 20), f.text(store, p, "npi", false, 20),
                f.text(store, p, "dea", false, 20));
    }

    private static Party readRecipient(FieldReader f, JsonNode r) {
        if (r == null) {
            return null;
        }
        String p = "recipient";
        String entity = f.text(r, p, "entity_name", false, 200);
        String first = f.text(r, p, "first_name", false, 100);
        String last = f.text(r, p, "last_name", false, 100);
        if (first == null && last == null && entity == null) {
            f.problems().error("recipient.last_name", "is required (or recipient.entity_name for an organisation)");
        }
        Address address = AddressReader.read(f, f.object(r, p, "address", true), "recipient.address", true);
        return new Party(entity, first, f.text(r, p, "middle_name", false, 100), last, address,
                f.text(r, p, "home_phone", false, 30), f.text(r, p, "work_phone", false, 30),
                f.text(r, p, "mobile_phone", false, 30), f.text(r, p, "fax", false, 30),
                f.text(r, p, "email", false, 200));
    }

    private static boolean addsUp(Amounts a) {
        BigDecimal sum = a.prescription().add(a.otc()).add(a.tax());
        return sum.compareTo(a.total()) == 0;
    }
}
