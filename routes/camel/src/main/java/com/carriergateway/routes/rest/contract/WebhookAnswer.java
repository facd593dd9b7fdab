package com.carriergateway.routes.rest.contract;

import io.swagger.v3.oas.annotations.media.Schema;

/** A carrier webhook's acknowledgement ({@code WebhookReply.tally}), once every event is recorded. */
@Schema(name = "WebhookAnswer", additionalProperties = Schema.AdditionalPropertiesValue.FALSE,
        description = "Every event of the call is recorded. An event the gateway already had, or for an order it "
                + "does not know, is acknowledged too: the carrier need not send it again.")
public record WebhookAnswer(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0") int received,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", description = "Changed an order's "
                + "status (and will reach BestRx).") int applied,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", description = "Repeats, or older than "
                + "what the order already has.") int ignored,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0") int unknown_orders,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String request_id) {
}
