package com.carriergateway.adapter.model;

import java.util.List;

/** A question the courier asks at the door. {@code type} is kept exactly as received, so it can be echoed back. */
public record Consent(String header, String text, List<String> inputs, String type) {
}
