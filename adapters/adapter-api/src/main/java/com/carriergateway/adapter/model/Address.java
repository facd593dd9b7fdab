package com.carriergateway.adapter.model;

/** A postal address. {@code line2} may be empty; {@code countryCode} is ISO 3166 alpha-2 (BestRx only sends US). */
public record Address(String line1, String line2, String city, String state, String postalCode, String countryCode) {

    public static Address us(String line1, String line2, String city, String state, String postalCode) {
        return new Address(line1, line2, city, state, postalCode, "US");
    }
}
