package com.carriergateway.routes.rest.contract;

import io.swagger.v3.oas.annotations.media.Schema;

/** A BestRx address as sent: the store's, a customer's, the one to validate. US only. */
@Schema(name = "Address", description = "A US address as BestRx sends it. No field is required here (see "
        + "DeliveryAddress for the recipient's); each given is checked.")
public record Address(
        @Schema(maxLength = 200, example = "2625 Butterfield Rd") String address_line_1,
        @Schema(maxLength = 200, example = "Suite 200S") String address_line_2,
        @Schema(maxLength = 100, example = "Oak Brook") String city,
        @Schema(description = "Two-letter state code, any case.", pattern = STATE, example = "IL") String state,
        @Schema(example = "60523") Loose.Zip zip_code) implements RequestPart {

    static final String STATE = "^\\s*[A-Za-z]{2}\\s*$";
}
