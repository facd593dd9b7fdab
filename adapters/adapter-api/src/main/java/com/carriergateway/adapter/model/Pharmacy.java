package com.carriergateway.adapter.model;

/** The shipping pharmacy (the order's origin). */
public record Pharmacy(
        String pharmacyId,
        String accountNumber,
        String name,
        Address address,
        String phone,
        String fax,
        String email,
        String ncpdp,
        String npi,
        String dea) {
}
