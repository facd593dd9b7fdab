package com.carriergateway.core.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * The gateway's key for an order, derived from BestRx's (pharmacy, unique order id): the same order always
 * gets the same key, on any instance, before anything is stored. It is the {@code provider_order_id} the
 * pharmacy sees and the reference carriers file the order under, so a create whose answer was lost can be
 * found again. 23 characters of {@code [A-Z2-7-]}: within every carrier's limits, and opaque.
 */
public final class OrderKeys {

    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private OrderKeys() {
    }

    public static String of(String pharmacyId, long bestrxUniqueOrderId) {
        byte[] digest = sha256(pharmacyId.toLowerCase(Locale.ROOT) + ":" + bestrxUniqueOrderId);
        StringBuilder sb = new StringBuilder("CG-");
        long bits = 0;
        int n = 0;
        for (int i = 0; sb.length() < 23; ) {
            if (n < 5) {
                bits = (bits << 8) | (digest[i++] & 0xff);
                n += 8;
            }
            sb.append(BASE32[(int) ((bits >> (n - 5)) & 31)]);
            n -= 5;
        }
        return sb.toString();
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
