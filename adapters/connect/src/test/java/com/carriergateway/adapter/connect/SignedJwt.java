package com.carriergateway.adapter.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/** A compact JWS taken apart for assertions, verified independently of the code under test. */
record SignedJwt(JsonNode header, JsonNode claims, String signingInput, byte[] signature) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static SignedJwt parse(String compact) throws Exception {
        String[] parts = compact.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a compact JWS: " + parts.length + " parts");
        }
        Base64.Decoder d = Base64.getUrlDecoder();
        return new SignedJwt(JSON.readTree(d.decode(parts[0])), JSON.readTree(d.decode(parts[1])),
                parts[0] + "." + parts[1], d.decode(parts[2]));
    }

    boolean verifiesWith(PublicKey key) throws Exception {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return rsa.verify(signature);
    }
}
