package com.carriergateway.routes.bestrx;

import com.carriergateway.adapter.model.Address;

/** A ValidateAddress request after reading. */
public record ValidateAddressRequest(String pharmacyId, Address address) {
}
