package com.carriergateway.adapter.uberdirect;

import com.carriergateway.adapter.webhook.HmacSignature;
import com.carriergateway.adapter.webhook.WebhookAuthentication;
import com.carriergateway.adapter.webhook.WebhookProtocol;
import com.carriergateway.adapter.webhook.WebhookRequest;
import com.carriergateway.adapter.webhook.WebhookSettings;
import com.carriergateway.adapter.webhook.WebhookVerdict;

/**
 * How Uber calls the gateway's webhook: every call carries {@code x-uber-signature}, the lowercase hex HMAC-SHA256 of
 * the raw body keyed with the webhook's signing key ({@code gateway.webhooks.<id>.signing-key}, the key string as
 * UTF-8, not the OAuth client secret). It is checked on the bytes as received, before anything parses them, in
 * constant time. Uber signs no timestamp, so a replay cannot be told from a retry here: the gateway de-duplicates by
 * the event id instead.
 *
 * <p>An older revision of Uber's guide names the same header {@code X-Postmates-Signature}; it is read when
 * {@code x-uber-signature} is absent, and must match the same way.
 */
public final class UberWebhookProtocol implements WebhookProtocol {

    public static final String SIGNATURE_HEADER = "x-uber-signature";
    static final String LEGACY_SIGNATURE_HEADER = "x-postmates-signature";

    private final HmacSignature signature;

    /** @throws IllegalArgumentException "signing-key is required" when the settings hold no signing key */
    public UberWebhookProtocol(WebhookSettings settings) {
        this.signature = new HmacSignature(settings == null ? null : settings.getSigningKey());
    }

    @Override
    public WebhookAuthentication authentication() {
        return WebhookAuthentication.hmacSha256(SIGNATURE_HEADER);
    }

    @Override
    public WebhookVerdict verify(WebhookRequest request) {
        String given = request.header(SIGNATURE_HEADER);
        if (given == null) {
            given = request.header(LEGACY_SIGNATURE_HEADER);
        }
        if (given == null || given.isBlank()) {
            return WebhookVerdict.refuse(
                    "Signature required: Uber signs every webhook in the x-uber-signature header.");
        }
        return signature.matches(request.rawBody(), given) ? WebhookVerdict.accept()
                : WebhookVerdict.refuse("The x-uber-signature does not match the body and this carrier's signing key.");
    }
}
