package com.carriergateway.adapter.model;

/** The recipient's answer to a consent; {@code type} echoes the type the order sent. */
public record ConsentAnswer(String type, String response) {
}
