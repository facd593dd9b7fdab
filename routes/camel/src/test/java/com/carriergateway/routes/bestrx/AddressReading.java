package com.carriergateway.routes.bestrx;

import com.fasterxml.jackson.databind.JsonNode;

/** Lets tests outside this package read an address as the BestRx readers do. */
public final class AddressReading {

    private AddressReading() {
    }

    public static void read(FieldReader f, JsonNode address) {
        AddressReader.read(f, address, "address", false);
    }
}
