package com.carriergateway.adapter.model;

import java.math.BigDecimal;

/** Money on the order, in USD. {@code toCollect} is what the courier collects at the door. */
public record Amounts(
        BigDecimal prescription,
        BigDecimal otc,
        BigDecimal tax,
        BigDecimal total,
        BigDecimal toCollect,
        BigDecimal declared) {
}
