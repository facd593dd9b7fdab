package com.carriergateway.adapter.model;

/** What the courier must do or respect on the way. */
public record Handling(boolean refrigerated, boolean signatureRequired, boolean photoIdRequired) {
}
