package com.carriergateway.routes.bestrx;

import com.carriergateway.adapter.model.Address;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Suggested addresses → BestRx ValidateAddress {@code data}. */
public final class ValidateAddressResponse {

    private ValidateAddressResponse() {
    }

    public static ObjectNode data(List<Address> suggestions) {
        ObjectNode d = BestRxJson.mapper().createObjectNode();
        ArrayNode list = d.putArray("suggested_address");
        for (Address a : suggestions) {
            ObjectNode n = list.addObject();
            n.put("address_line_1", orEmpty(a.line1()));
            n.put("address_line_2", orEmpty(a.line2()));
            n.put("city", orEmpty(a.city()));
            n.put("state", orEmpty(a.state()));
            n.put("zip_code", orEmpty(a.postalCode()));
        }
        return d;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
