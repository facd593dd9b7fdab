package com.carriergateway.adapter.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook signed with an HMAC-SHA256 of its raw body, sent as hexadecimal in a header (Uber Direct
 * {@code x-uber-signature}; Onfleet and EasyPost sign the same way). The comparison is in constant time: the time an
 * answer takes says nothing about how much of a forged signature was right.
 */
public final class HmacSignature {

    private final byte[] key;

    /** @param signingKey the key as configured, used as its UTF-8 bytes (not hex- or base64-decoded) */
    public HmacSignature(String signingKey) {
        if (signingKey == null || signingKey.isBlank()) {
            throw new IllegalArgumentException("signing-key is required");
        }
        this.key = signingKey.getBytes(StandardCharsets.UTF_8);
    }

    /** The lowercase hex HMAC-SHA256 of {@code body}. */
    public String sign(byte[] body) {
        return HexFormat.of().formatHex(mac(body));
    }

    /** True when {@code hexSignature} (case-insensitive, surrounding blanks ignored) is the body's HMAC. */
    public boolean matches(byte[] body, String hexSignature) {
        if (hexSignature == null) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(hexSignature.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(body), given);
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
