package com.carriergateway.adapter.webhook;

/**
 * How a carrier proves a webhook call is its own, as the gateway's API document states it to the carrier's
 * integrators: HTTP Basic with the credential configured for it, or an HMAC-SHA256 of the raw body in a header.
 *
 * @param header the header carrying the signature ({@link Scheme#HMAC_SHA256}), else null
 */
public record WebhookAuthentication(Scheme scheme, String header) {

    /** The ways the gateway verifies a caller ({@link BasicAuthWebhook}, {@link HmacSignature}). */
    public enum Scheme { HTTP_BASIC, HMAC_SHA256 }

    public WebhookAuthentication {
        if (scheme == Scheme.HMAC_SHA256 && (header == null || header.isBlank())) {
            throw new IllegalArgumentException("an HMAC signature travels in a named header");
        }
    }

    public static WebhookAuthentication httpBasic() {
        return new WebhookAuthentication(Scheme.HTTP_BASIC, null);
    }

    /** The lowercase hex HMAC-SHA256 of the raw body, keyed with the configured signing key, in {@code header}. */
    public static WebhookAuthentication hmacSha256(String header) {
        return new WebhookAuthentication(Scheme.HMAC_SHA256, header);
    }
}
