package com.carriergateway.routes.rest.contract;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Every BestRx error answer: an envelope with no data and at least one message saying why. */
@Schema(name = "ErrorAnswer", additionalProperties = Schema.AdditionalPropertiesValue.FALSE,
        description = "A request the gateway did not carry out: never a stack trace, always a message code "
                + "(errors.md) and X-Request-ID.")
public record ErrorAnswer(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) NoData data,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Coded.Invalid request_is_valid,
        @ArraySchema(minItems = 1, arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Why: at least one message.")) List<AnswerMessage> messages,
        @Schema(description = "This call's id, as in X-Request-ID; quote it to the operator.") String request_id) {

    /** An error answer's {@code data}: always empty. */
    @Schema(name = "NoData", additionalProperties = Schema.AdditionalPropertiesValue.FALSE,
            description = "Always {}.")
    public record NoData() {
    }
}
