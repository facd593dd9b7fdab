package com.carriergateway.adapter.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A prescription in the order. Health data: the Rx number identifies a patient's medication. */
public record PrescriptionItem(
        String customerId, String rxNumber, LocalDate fillDate, BigDecimal amountDue, Integer partialFillSeqNo) {
}
