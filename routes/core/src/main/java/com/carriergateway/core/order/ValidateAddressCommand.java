package com.carriergateway.core.order;

import com.carriergateway.adapter.model.Address;
import com.carriergateway.core.pharmacy.PharmacyAccount;

/** Check this address with one of the pharmacy's carriers that can. */
public record ValidateAddressCommand(PharmacyAccount pharmacy, Address address) {

    public String pharmacyId() {
        return pharmacy.pharmacyId();
    }
}
