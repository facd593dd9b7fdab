package com.carriergateway.app.console;

import java.time.Instant;

/**
 * One line of an order's timeline.
 *
 * @param source where it comes from: {@code bestrx}, {@code gateway}, {@code carrier}, {@code webhook},
 *     {@code callback}
 * @param tone how it reads: {@code ok}, {@code info}, {@code warn}, {@code bad} (the page colours it)
 * @param requestId the request it belongs to (matches the logs), or null
 */
public record TimelineEntry(Instant at, String source, String title, String detail, String tone, String requestId) {
}
