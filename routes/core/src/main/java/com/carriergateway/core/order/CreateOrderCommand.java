package com.carriergateway.core.order;

import com.carriergateway.adapter.model.DeliveryOrder;
import com.carriergateway.core.answer.Message;
import com.carriergateway.core.pharmacy.PharmacyAccount;
import java.util.List;

/**
 * Book this order: the pharmacy it comes from (authenticated), BestRx's ids, the canonical order, the request's
 * fingerprint (a hash of its content, which tells a repeat from a changed order without keeping the body) and the
 * warnings about what the reader assumed. {@code amountsAddUp} is false when the totals disagree (recorded for the
 * operator).
 */
public record CreateOrderCommand(
        PharmacyAccount pharmacy,
        long bestrxOrderId,
        long bestrxUniqueOrderId,
        DeliveryOrder order,
        String fingerprint,
        boolean amountsAddUp,
        List<Message> warnings) {

    public CreateOrderCommand {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public String pharmacyId() {
        return pharmacy.pharmacyId();
    }
}
