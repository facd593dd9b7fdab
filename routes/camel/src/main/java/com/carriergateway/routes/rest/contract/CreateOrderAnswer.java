package com.carriergateway.routes.rest.contract;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The CreateOrder answer as {@code CreateOrderResponse} writes it: the same for the order's every repeat. */
@Schema(name = "CreateOrderAnswer", additionalProperties = Schema.AdditionalPropertiesValue.FALSE,
        description = "The order as booked. Every repeat of the request gets this same answer (its own request_id).")
public record CreateOrderAnswer(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Data data,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "\"true\", as text (BestRx's example).",
                allowableValues = "true") String request_is_valid,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Warnings (DIS2xxx): fields defaulted, "
                + "a failover, the carrier's remarks.") List<AnswerMessage> messages,
        @Schema(description = "This call's id, as in X-Request-ID.") String request_id) {

    /** The booked order. */
    @Schema(name = "CreateOrderData", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record Data(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "int64", description = "Echoed.")
            long bestrx_order_id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "int64", description = "Echoed.")
            long bestrx_unique_order_id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The pharmacy's id.")
            String bestrx_pharmacy_id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The gateway's id of the order "
                    + "(also the carrier's reference for it).", example = "CG-JQTMGFZ4BUBUEE6EHRNU")
            String provider_order_id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The carrier's tracking id; empty "
                    + "when it gave none.") String tracking_id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Empty when the carrier gave none.")
            String tracking_url,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Empty when the carrier issued no "
                    + "label.") String label_url,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The label's content when the "
                    + "carrier sent it instead of a URL; empty otherwise.") String label_image,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Coded.FileType label_file_type,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The manifest's URL (BestRx spells "
                    + "it manifesto); empty when none.") String manifesto_url,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String manifesto_image,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Coded.FileType manifesto_file_type,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) OrderStatus order_status) {
    }

    /** Where the order stands. */
    @Schema(name = "OrderStatus", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record OrderStatus(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "When the status last changed: UTC, "
                    + "seven fractional digits.", pattern = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{7}Z$",
                    example = "2026-11-23T19:06:58.0000000Z") String date,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Coded.StatusCode status_code,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The configured description of the "
                    + "code.", example = "Order Created") String status_code_description,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Why, when the carrier said; empty "
                    + "otherwise.") String status_notes) {
    }
}
