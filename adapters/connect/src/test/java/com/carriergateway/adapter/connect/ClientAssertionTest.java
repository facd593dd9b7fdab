package com.carriergateway.adapter.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClientAssertionTest {

    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private static final String AUD = "https://sso.superloop.com/auth/realms/superloop/protocol/openid-connect/token";

    private final KeyPair keys = TestKeys.rsa();
    private final ClientAssertion assertion =
            new ClientAssertion("client-7", AUD, "kid-1", keys.getPrivate(), Duration.ofSeconds(60));

    @Test
    void isAnRs256JwtSignedWithThePrivateKey() throws Exception {
        SignedJwt jwt = SignedJwt.parse(assertion.sign(NOW));

        assertThat(jwt.verifiesWith(keys.getPublic())).isTrue();
        assertThat(jwt.header().get("alg").asText()).isEqualTo("RS256");
        assertThat(jwt.header().get("typ").asText()).isEqualTo("JWT");
        assertThat(jwt.header().get("kid").asText()).isEqualTo("kid-1");
    }

    @Test
    void claimsNameTheClientTheTokenEndpointAndAShortLifetime() throws Exception {
        SignedJwt jwt = SignedJwt.parse(assertion.sign(NOW));

        assertThat(jwt.claims().get("iss").asText()).isEqualTo("client-7");
        assertThat(jwt.claims().get("sub").asText()).isEqualTo("client-7");
        assertThat(jwt.claims().get("aud").asText()).isEqualTo(AUD);
        long iat = jwt.claims().get("iat").asLong();
        long nbf = jwt.claims().get("nbf").asLong();
        long exp = jwt.claims().get("exp").asLong();
        assertThat(iat).isEqualTo(NOW.getEpochSecond());
        assertThat(nbf).isLessThanOrEqualTo(iat);
        assertThat(exp).isGreaterThan(nbf).isEqualTo(NOW.getEpochSecond() + 60);
    }

    @Test
    void everyAssertionHasItsOwnJti() throws Exception {
        String first = SignedJwt.parse(assertion.sign(NOW)).claims().get("jti").asText();
        String second = SignedJwt.parse(assertion.sign(NOW)).claims().get("jti").asText();

        assertThat(first).isNotBlank().isNotEqualTo(second);
    }

    @Test
    void aDifferentKeyDoesNotVerifyIt() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair other = g.generateKeyPair();

        assertThat(SignedJwt.parse(assertion.sign(NOW)).verifiesWith(other.getPublic())).isFalse();
    }

    @Test
    void thePemReaderAcceptsWhatTheSettingCarries() throws Exception {
        String pem = TestKeys.privateKeyPem(keys);
        ClientAssertion fromPem = new ClientAssertion("c", AUD, "k", PemPrivateKey.parse(pem), Duration.ofSeconds(30));
        ClientAssertion fromEscapedPem = new ClientAssertion("c", AUD, "k",
                PemPrivateKey.parse(pem.replace("\n", "\\n")), Duration.ofSeconds(30));

        assertThat(SignedJwt.parse(fromPem.sign(NOW)).verifiesWith(keys.getPublic())).isTrue();
        assertThat(SignedJwt.parse(fromEscapedPem.sign(NOW)).verifiesWith(keys.getPublic())).isTrue();
    }
}
