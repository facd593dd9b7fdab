package com.carriergateway.routes.rest.contract;

import io.swagger.v3.oas.annotations.media.Schema;

/** BestRx's ValidateAddress request as {@code ValidateAddressReader} reads it. */
@Schema(name = "ValidateAddressRequest", description = "An address to check with a carrier of the pharmacy. "
        + "address_to_validate needs address_line_1, and a zip_code or both city and state.")
public record ValidateAddressRequest(
        Store store,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Address address_to_validate) implements RequestPart {
}
