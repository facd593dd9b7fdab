package com.carriergateway.adapter.pitneybowes;

import java.security.SecureRandom;
import java.util.Random;

/**
 * Makes {@code X-PB-TransactionId} values. PB allows at most 25 characters of letters, digits, '-' and '_', and
 * stresses uniqueness; whether it rejects or replays a reused id is unconfirmed, so every HTTP attempt gets a
 * fresh one: 24 random alphanumerics (about 143 bits, so collisions are not a practical concern).
 */
public final class TransactionIds {

    public static final int LENGTH = 24;

    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final Random random;

    public TransactionIds() {
        this(new SecureRandom());
    }

    TransactionIds(Random random) {
        this.random = random;
    }

    public String next() {
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
