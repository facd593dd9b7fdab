package com.carriergateway.adapter.model;

/** The package: dimensions and weight, each with its unit. Any of them may be null when not sent. */
public record Parcel(Measure height, Measure width, Measure length, Measure weight) {
}
