package com.carriergateway.routes.rest.contract;

import io.swagger.v3.oas.annotations.media.Schema;

/** A carrier webhook call the gateway did not record ({@code WebhookExchange.problem}): never a BestRx envelope. */
@Schema(name = "WebhookError", additionalProperties = Schema.AdditionalPropertiesValue.FALSE,
        description = "Nothing of the call was recorded. Its message names what is wrong, never what was received.")
public record WebhookError(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                allowableValues = {"unauthorized", "not_found", "bad_request", "unavailable"}) String error,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String message,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String request_id) {
}
