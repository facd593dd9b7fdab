package com.carriergateway.routes.rest.contract;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The CancelOrder answer as {@code CancelOrderResponse} writes it. */
@Schema(name = "CancelOrderAnswer", additionalProperties = Schema.AdditionalPropertiesValue.FALSE,
        description = "Whether the order is cancelled. A carrier's refusal (too late, already shipped) is an answer, "
                + "not an error: status false, the reason in status_reason, a DIS1001 message.")
public record CancelOrderAnswer(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Data data,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "true, as a boolean (BestRx's "
                + "example).", allowableValues = "true") boolean request_is_valid,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<AnswerMessage> messages,
        @Schema(description = "This call's id, as in X-Request-ID.") String request_id) {

    /** The cancellation's outcome, with the request's ids echoed. */
    @Schema(name = "CancelOrderData", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record Data(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "int64", description = "Echoed.")
            long bestrx_order_id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "int64", description = "Echoed.")
            long bestrx_unique_order_id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Echoed when sent; the order's "
                    + "otherwise.") String provider_order_id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Echoed when sent; the order's "
                    + "otherwise (empty when none).") String tracking_id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Whether the order is cancelled.")
            boolean status,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Why, in words; the carrier's when "
                    + "it refused.", example = "Success") String status_reason) {
    }
}
