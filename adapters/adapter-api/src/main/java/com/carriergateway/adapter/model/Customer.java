package com.carriergateway.adapter.model;

/** A person the order carries items for (one order may serve a family or a care facility). Health data. */
public record Customer(String customerId, String firstName, String middleName, String lastName, Address address) {
}
