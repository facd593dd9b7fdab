package com.carriergateway.adapter.model;

/** The carrier cancelled the order. Refusals are {@code CarrierResult.Refused}, not a flag here. */
public record CancelOutcome(StatusUpdate status, String note) {
}
