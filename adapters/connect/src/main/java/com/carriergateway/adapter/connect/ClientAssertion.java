package com.carriergateway.adapter.connect;

import com.carriergateway.adapter.json.CarrierJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The signed JWT that authenticates this client at Superloop's token endpoint ({@code private_key_jwt},
 * RFC 7523), built with the JDK alone. Header: {@code alg} RS256, {@code typ} JWT, {@code kid}. Claims:
 * {@code iss} = {@code sub} = client id and {@code aud} = token endpoint (Keycloak's expectation; Connect
 * documents only {@code jti}, {@code exp}, {@code nbf}), a fresh {@code jti}, {@code iat} = {@code nbf} =
 * now, {@code exp} = now + lifetime.
 */
final class ClientAssertion {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final String clientId;
    private final String audience;
    private final String keyId;
    private final PrivateKey key;
    private final Duration lifetime;

    ClientAssertion(String clientId, String audience, String keyId, PrivateKey key, Duration lifetime) {
        this.clientId = clientId;
        this.audience = audience;
        this.keyId = keyId;
        this.key = key;
        this.lifetime = lifetime;
    }

    /** A new assertion with a random {@code jti}: Keycloak rejects a replayed one. */
    String sign(Instant now) {
        return sign(now, UUID.randomUUID().toString());
    }

    String sign(Instant now, String jti) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("kid", keyId);
        long iat = now.getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", clientId);
        claims.put("sub", clientId);
        claims.put("aud", audience);
        claims.put("jti", jti);
        claims.put("iat", iat);
        claims.put("nbf", iat);
        claims.put("exp", iat + lifetime.toSeconds());
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the Connect client assertion: " + e.getClass().getSimpleName(), e);
        }
    }

    private static String encode(Map<String, Object> json) {
        try {
            return BASE64URL.encodeToString(CarrierJson.MAPPER.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
