package com.carriergateway.adapter.connect;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** RSA keys made at test time: no private key is ever committed. */
final class TestKeys {

    private static KeyPair pair;

    private TestKeys() {
    }

    static synchronized KeyPair rsa() {
        if (pair == null) {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                pair = g.generateKeyPair();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return pair;
    }

    /** The private key as the PKCS#8 PEM text the {@code private-key} setting takes. */
    static String privateKeyPem(KeyPair pair) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
    }
}
