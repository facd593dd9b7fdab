package com.carriergateway.routes.bestrx;

import com.carriergateway.core.order.ValidateAddressCommand;

import com.carriergateway.adapter.model.Address;
import com.fasterxml.jackson.databind.JsonNode;

/** BestRx ValidateAddress JSON → {@link ValidateAddressCommand}. */
public final class ValidateAddressReader {

    private ValidateAddressReader() {
    }

    public static ValidateAddressCommand read(AuthenticatedRequest request) {
        JsonNode root = request.body();
        RequestPharmacy.confirm(root, request.pharmacy().pharmacyId());
        InputProblems problems = new InputProblems();
        FieldReader f = new FieldReader(problems);
        JsonNode node = f.object(root, "", "address_to_validate", true);
        Address address = null;
        if (node != null) {
            address = AddressReader.read(f, node, "address_to_validate", false);
            if (address.line1() == null) {
                problems.error("address_to_validate.address_line_1", "is required");
            }
            if (address.postalCode() == null && (address.city() == null || address.state() == null)) {
                problems.error("address_to_validate.zip_code", "is required unless city and state are both given");
            }
        }
        problems.throwIfAny();
        return new ValidateAddressCommand(request.pharmacy(), address);
    }
}
