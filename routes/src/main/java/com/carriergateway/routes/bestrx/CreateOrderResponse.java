package com.carriergateway.routes.bestrx;

import com.carriergateway.adapter.model.CarrierOrder;
import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.Document;
import com.carriergateway.adapter.model.StatusUpdate;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** A booked order → BestRx CreateOrder {@code data}. */
public final class CreateOrderResponse {

    private final BestRxProperties props;

    public CreateOrderResponse(BestRxProperties props) {
        this.props = props;
    }

    public ObjectNode data(CreateOrderRequest req, CarrierOrder booked, Instant now) {
        ObjectNode d = BestRxJson.mapper().createObjectNode();
        d.put("bestrx_order_id", req.bestrxOrderId());
        d.put("bestrx_unique_order_id", req.bestrxUniqueOrderId());
        d.put("bestrx_pharmacy_id", req.pharmacyId());
        d.put("provider_order_id", req.order().orderKey());
        d.put("tracking_id", orEmpty(booked.trackingId()));
        d.put("tracking_url", orEmpty(booked.trackingUrl()));
        document(d, "label", booked.label());
        document(d, "manifesto", booked.manifest());
        StatusUpdate s = booked.status();
        DeliveryStatus status = s == null ? DeliveryStatus.CREATED : s.status();
        ObjectNode os = d.putObject("order_status");
        os.put("date", BestRxTime.format(s == null || s.occurredAt() == null ? now : s.occurredAt()));
        BestRxProperties.StatusCode code = props.getStatusCodes().get(status);
        os.put("status_code", code.getCode());
        os.put("status_code_description", code.getDescription());
        os.put("status_notes", s == null || s.reason() == null ? "" : s.reason());
        return d;
    }

    /** Empty strings when the carrier issued no document; the file type is then null, never invented. */
    private void document(ObjectNode d, String prefix, Document doc) {
        d.put(prefix + "_url", doc == null ? "" : orEmpty(doc.url()));
        d.put(prefix + "_image", doc == null ? "" : orEmpty(doc.content()));
        Integer type = doc == null || doc.format() == null ? null : props.getFileTypes().get(doc.format());
        if (type == null) {
            d.putNull(prefix + "_file_type");
        } else {
            d.put(prefix + "_file_type", type);
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
