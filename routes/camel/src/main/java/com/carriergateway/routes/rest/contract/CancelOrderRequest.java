package com.carriergateway.routes.rest.contract;

import io.swagger.v3.oas.annotations.media.Schema;

/** BestRx's CancelOrder request as {@code CancelOrderReader} reads it. */
@Schema(name = "CancelOrderRequest", description = "Cancels an order. The pharmacy and bestrx_unique_order_id "
        + "identify it; provider_order_id and tracking_id are only a cross-check (a mismatch is a DIS2005 warning).")
public record CancelOrderRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "BestRx's order id (echoed).",
                example = "106") Loose.Id bestrx_order_id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The order's unique id, as sent in "
                + "CreateOrder.", example = "1001") Loose.Id bestrx_unique_order_id,
        @Schema(maxLength = 100, description = "The gateway's order id, as answered by CreateOrder.")
        String provider_order_id,
        @Schema(maxLength = 100, description = "The carrier's tracking id, as answered by CreateOrder.")
        String tracking_id,
        @Schema(maxLength = 2000, example = "Shipment Cancelled") String notes,
        Store store) implements RequestPart {
}
