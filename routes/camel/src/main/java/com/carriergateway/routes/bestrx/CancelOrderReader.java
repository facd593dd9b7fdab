package com.carriergateway.routes.bestrx;

import com.carriergateway.core.order.CancelOrderCommand;

import com.fasterxml.jackson.databind.JsonNode;

/** BestRx CancelOrder JSON → {@link CancelOrderCommand}. */
public final class CancelOrderReader {

    private CancelOrderReader() {
    }

    public static CancelOrderCommand read(AuthenticatedRequest request) {
        JsonNode root = request.body();
        String pharmacyId = RequestPharmacy.confirm(root, request.pharmacy().pharmacyId());
        InputProblems problems = new InputProblems();
        FieldReader f = new FieldReader(problems);
        Long orderId = f.id(root, "", "bestrx_order_id", true);
        Long uniqueId = f.id(root, "", "bestrx_unique_order_id", true);
        String providerOrderId = f.text(root, "", "provider_order_id", false, 100);
        String trackingId = f.text(root, "", "tracking_id", false, 100);
        String notes = f.text(root, "", "notes", false, 2000);
        f.object(root, "", "store", false);
        problems.throwIfAny();
        return new CancelOrderCommand(orderId, uniqueId, pharmacyId, providerOrderId, trackingId, notes);
    }
}
