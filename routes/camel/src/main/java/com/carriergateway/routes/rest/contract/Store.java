package com.carriergateway.routes.rest.contract;

import io.swagger.v3.oas.annotations.media.Schema;

/** BestRx's {@code store}: the pharmacy a request acts for. */
@Schema(name = "Store", description = "The pharmacy the request acts for. Only bestrx_pharmacy_id matters to the "
        + "gateway: when given it must be the credential's own pharmacy (else 403 DIS0002); when absent the "
        + "credential's pharmacy is meant. The rest is passed to the carrier where it asks for it.")
public record Store(
        @Schema(description = "BestRx's id of the pharmacy (a GUID).", pattern = STORE_ID,
                example = "ef0a4740-0be9-44f7-b89d-9e66eeba0b9a") String bestrx_pharmacy_id,
        @Schema(description = "The pharmacy's account number with the provider.", maxLength = 100,
                example = "98989898") Loose.Text delivery_provider_acct_no,
        @Schema(maxLength = 200, example = "BestRx Pharmacy") String name,
        Address address,
        @Schema(maxLength = 30, example = "6308939210") Loose.Text phone,
        @Schema(maxLength = 30, example = "6303393171") Loose.Text fax,
        @Schema(maxLength = 200, example = "pharmacy@bestrx.com") String email,
        @Schema(description = "NCPDP number: BestRx sends it as a number in CreateOrder and as text elsewhere.",
                maxLength = 20, example = "1234567") Loose.Text ncpdp,
        @Schema(maxLength = 20, example = "1234567890") Loose.Text npi,
        @Schema(maxLength = 20, example = "BR1234563") String dea) implements RequestPart {

    /** A GUID; blank means absent, as null does. */
    static final String STORE_ID =
            "^\\s*([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})?\\s*$";
}
