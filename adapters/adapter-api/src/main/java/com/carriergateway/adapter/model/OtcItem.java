package com.carriergateway.adapter.model;

import java.math.BigDecimal;

/** A non-prescription item in the order. */
public record OtcItem(String customerId, String upc, String description, BigDecimal quantity, BigDecimal amountDue) {
}
