package com.carriergateway.routes.rest.contract;

import io.swagger.v3.oas.annotations.media.Schema;

/** One entry of an answer's {@code messages[]}, as {@code EnvelopeWriter} writes it with the default keys. */
@Schema(name = "AnswerMessage", additionalProperties = Schema.AdditionalPropertiesValue.FALSE,
        description = "A message of an answer. Its text names fields and says what was expected; it never quotes "
                + "the value sent. Key names and the four detail keys are configuration (gateway.bestrx.envelope.*); "
                + "this is the default.")
public record AnswerMessage(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Coded.MessageCode message_code,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "What happened, for a person.")
        String message,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Coded.MessageType message_type,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Who raised it.",
                allowableValues = {"gateway", "carrier"}) String source,
        @Schema(description = "The request field at fault, e.g. store.bestrx_pharmacy_id or "
                + "prescriptions[0].amount_due.") String field,
        @Schema(description = "The carrier that raised it.") String carrier,
        @Schema(description = "The carrier's own code, verbatim.") String carrier_code) {
}
