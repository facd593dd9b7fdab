package com.carriergateway.routes.rest.contract;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The ValidateAddress answer as {@code ValidateAddressResponse} writes it. */
@Schema(name = "ValidateAddressAnswer", additionalProperties = Schema.AdditionalPropertiesValue.FALSE,
        description = "The carrier's suggestions. None found: an empty list and DIS1008; corrected: DIS1009.")
public record ValidateAddressAnswer(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Data data,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "\"true\", as text (BestRx's example).",
                allowableValues = "true") String request_is_valid,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<AnswerMessage> messages,
        @Schema(description = "This call's id, as in X-Request-ID.") String request_id) {

    /** The suggested addresses. */
    @Schema(name = "ValidateAddressData", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record Data(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<SuggestedAddress> suggested_address) {
    }

    /** An address the carrier suggests; empty strings where it has nothing. */
    @Schema(name = "SuggestedAddress", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record SuggestedAddress(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String address_line_1,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String address_line_2,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String city,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String state,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String zip_code) {
    }
}
