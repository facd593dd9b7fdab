package com.carriergateway.adapter.connect;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** Reads the RSA private key Superloop issued, as PKCS#8 PEM text. Error messages never echo key material. */
final class PemPrivateKey {

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private PemPrivateKey() {
    }

    /**
     * @param pem PKCS#8 PEM; literal {@code \n} sequences are accepted because keys often arrive through
     *     environment variables
     * @throws IllegalArgumentException saying what is wrong, without the key
     */
    static PrivateKey parse(String pem) {
        String text = pem.replace("\\n", "\n").trim();
        if (text.contains("BEGIN RSA PRIVATE KEY")) {
            throw new IllegalArgumentException("is a PKCS#1 key; convert it to PKCS#8 "
                    + "(openssl pkcs8 -topk8 -nocrypt -in key.pem)");
        }
        if (text.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
            throw new IllegalArgumentException("is an encrypted PKCS#8 key; supply it unencrypted from a secret store");
        }
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("is not a PEM private key (expected " + BEGIN + " … " + END + ")");
        }
        String base64 = text.substring(begin + BEGIN.length(), end).replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (Exception e) {
            throw new IllegalArgumentException("is not a readable RSA PKCS#8 private key");
        }
    }
}
