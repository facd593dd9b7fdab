package com.carriergateway.routes.rest.contract;

import io.swagger.v3.oas.annotations.media.Schema;

/** The recipient's address: a courier must find it, so line 1, city, state and ZIP are required. */
@Schema(name = "DeliveryAddress", description = "The address a courier delivers to: line 1, city, state and ZIP are "
        + "required.")
public record DeliveryAddress(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200, example = "500 Second Ave")
        String address_line_1,
        @Schema(maxLength = 200, example = "Suite 100") String address_line_2,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100, example = "Bloomingdale") String city,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Two-letter state code, any case.",
                pattern = Address.STATE, example = "IL") String state,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "60108") Loose.Zip zip_code)
        implements RequestPart {
}
