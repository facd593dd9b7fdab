package com.carriergateway.routes.bestrx;

import com.carriergateway.core.answer.Message;
import com.carriergateway.core.order.BookedOrder;
import com.carriergateway.core.order.CreateOrderCommand;
import com.carriergateway.core.order.FirstAnswer;
import java.util.List;

import com.carriergateway.adapter.model.CarrierOrder;
import com.carriergateway.adapter.model.DeliveryStatus;
import com.carriergateway.adapter.model.Document;
import com.carriergateway.adapter.model.StatusUpdate;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A booked order → BestRx's CreateOrder answer: the envelope the CreateOrder use case stores with the booking and
 * sends to every repeat (without a request id; each answer gets its own).
 */
public final class CreateOrderResponse implements FirstAnswer {

    private final BestRxProperties props;
    private final EnvelopeWriter envelopes;

    public CreateOrderResponse(BestRxProperties props, EnvelopeWriter envelopes) {
        this.props = props;
        this.envelopes = envelopes;
    }

    @Override
    public String write(CreateOrderCommand command, BookedOrder booked, List<Message> messages, Instant answeredAt) {
        return envelopes.write(BestRxOperation.CREATE_ORDER, true, data(command, booked.order(), answeredAt), messages,
                null);
    }

    public ObjectNode data(CreateOrderCommand req, CarrierOrder booked, Instant now) {
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
