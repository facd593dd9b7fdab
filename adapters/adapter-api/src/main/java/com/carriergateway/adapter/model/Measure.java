package com.carriergateway.adapter.model;

import java.math.BigDecimal;

/** A dimension or weight as sent: a number and its unit ("2 in", "8 oz"). */
public record Measure(BigDecimal value, String unit) {

    @Override
    public String toString() {
        return value.toPlainString() + " " + unit;
    }
}
