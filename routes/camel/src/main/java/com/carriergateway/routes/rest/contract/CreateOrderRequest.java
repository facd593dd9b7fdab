package com.carriergateway.routes.rest.contract;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * BestRx's CreateOrder request as the gateway reads it ({@code CreateOrderReader}): required what the reader requires,
 * loose where BestRx is loose. Unknown fields are ignored.
 */
@Schema(name = "CreateOrderRequest", description = "A delivery order. The pharmacy and bestrx_unique_order_id "
        + "identify it: sending it again gets the first answer again, and the carrier books it once; sending it "
        + "again changed is refused (409 DIS0007). Fields not listed are ignored.")
public record CreateOrderRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "BestRx's order id.",
                example = "123456789") Loose.Id bestrx_order_id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "BestRx's unique order id: with the pharmacy, the order's identity.",
                example = "1001") Loose.Id bestrx_unique_order_id,
        @Schema(description = "When the courier should collect from the pharmacy.") Loose.Date pickup_date,
        @Schema(description = "The requested delivery date.") Loose.Date requested_delivery_date,
        @Schema(description = "BestRx's service level; a pharmacy's routing rules may choose the carrier by it "
                + "(e.g. same_day). Passed on as it is.", maxLength = 100, example = "normal") String service_level,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Sum of the prescription items.")
        Loose.Amount prescription_amount,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Sum of the OTC items.")
        Loose.Amount otc_amount,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Total tax.") Loose.Amount tax_amount,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Should be prescription + OTC + tax; "
                + "when it is not, the order is still taken and the difference noted for the operator (DIS2001).")
        Loose.Amount total_amount,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "What the courier collects at the door.")
        Loose.Amount amount_to_collect,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Value declared for insurance.")
        Loose.Amount declared_amount,
        @Schema(description = "Parcel height.", example = "2 in") Loose.Measure height,
        @Schema(description = "Parcel width.", example = "2 in") Loose.Measure width,
        @Schema(description = "Parcel length.", example = "3 in") Loose.Measure length,
        @Schema(description = "Parcel weight.", example = "8 oz") Loose.Measure weight,
        @Schema(description = "Items need refrigeration. Absent: false, with a DIS2002 warning.")
        Loose.Flag refrigeration_needed,
        @Schema(description = "The recipient must sign. Absent: false, with a DIS2002 warning.")
        Loose.Flag signature_required,
        @Schema(description = "The recipient's photo ID must be checked. Absent: false, with a DIS2002 warning.")
        Loose.Flag photo_id_required,
        @Schema(maxLength = 2000, example = "Please leave on back porch if no one is home.") String delivery_notes,
        Store store,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Recipient recipient,
        Loose.OneOrMany<Customer> customers,
        Loose.OneOrMany<Prescription> prescriptions,
        Loose.OneOrMany<OtcItem> otc_items,
        Loose.OneOrMany<Consent> consents) implements RequestPart {

    /** Who receives the parcel. */
    @Schema(name = "Recipient", description = "Who receives the parcel: a person (last_name or first_name) or an "
            + "organisation (entity_name); at least one of the three is required.")
    public record Recipient(
            @Schema(maxLength = 200, example = "Doe Industries") String entity_name,
            @Schema(maxLength = 100, example = "Jane") String first_name,
            @Schema(maxLength = 100, example = "Joplin") String middle_name,
            @Schema(maxLength = 100, example = "Doe") String last_name,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) DeliveryAddress address,
            @Schema(maxLength = 30) Loose.Text home_phone,
            @Schema(maxLength = 30) Loose.Text work_phone,
            @Schema(maxLength = 30, description = "Not checked for a length: BestRx's example holds 11 digits.")
            Loose.Text mobile_phone,
            @Schema(maxLength = 30) Loose.Text fax,
            @Schema(maxLength = 200) String email) implements RequestPart {
    }

    /** A person the order carries items for. */
    @Schema(name = "Customer", description = "A person the order carries items for (a family, a care home's "
            + "residents).")
    public record Customer(
            @Schema(description = "BestRx's customer id; items refer to it.", example = "111111")
            Loose.Id customer_unique_id,
            @Schema(maxLength = 100) String first_name,
            @Schema(maxLength = 100) String middle_name,
            @Schema(maxLength = 100) String last_name,
            Address address) implements RequestPart {
    }

    /** A prescription in the order. */
    @Schema(name = "Prescription", description = "A prescription in the order.")
    public record Prescription(
            @Schema(description = "The customer it is for.", example = "111111") Loose.Id customer_unique_id,
            @Schema(maxLength = 50, example = "610011") Loose.Text rx_number,
            @Schema(description = "Fill date.") Loose.Date fill_date,
            @Schema(description = "What the patient owes for it.") Loose.Amount amount_due,
            @Schema(description = "Partial-fill sequence number, for partial fills.") Loose.Id partial_fill_seqno)
            implements RequestPart {
    }

    /** A non-prescription item in the order. */
    @Schema(name = "OtcItem", description = "A non-prescription item in the order.")
    public record OtcItem(
            @Schema(description = "The customer it is for.", example = "111111") Loose.Id customer_unique_id,
            @Schema(maxLength = 50, example = "616784366630") Loose.Text upc,
            @Schema(maxLength = 500) String item_description,
            @Schema(description = "Units of it.") Loose.Amount quantity,
            @Schema(description = "What is due for it.") Loose.Amount amount_due) implements RequestPart {
    }

    /** A consent the courier presents at the door. */
    @Schema(name = "Consent", description = "A consent the courier presents at delivery.")
    public record Consent(
            @Schema(maxLength = 500) String consent_header,
            @Schema(maxLength = 10000) String consent_text,
            @Schema(description = "The options to show.") Loose.OneOrMany<String> consent_inputs,
            @Schema(maxLength = 20, description = "BestRx's consent type (\"0\" in its example; 1 in its callback).")
            Loose.Text consent_type) implements RequestPart {
    }
}
