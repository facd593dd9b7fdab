package com.carriergateway.adapter.model;

/** A label or manifest: a URL to fetch it, or its content inline (base64), and its format. */
public record Document(String url, String content, DocumentFormat format) {
}
