package com.carriergateway.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carriergateway.adapter.credential.BasicCredential;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialTest {

    static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aHeaderIsReadIntoUserAndPasswordWhateverTheSchemeCase() throws Exception {
        assertThat(BasicCredential.parse(basic("demo-key:s3:cret"))).isEqualTo(new BasicCredential("demo-key", "s3:cret"));
        assertThat(BasicCredential.parse("basic " + basic("k:p").substring(6))).isEqualTo(new BasicCredential("k", "p"));
        assertThat(BasicCredential.parse(basic("only-a-user"))).isEqualTo(new BasicCredential("only-a-user", ""));
    }

    @Test
    void noHeaderAnotherSchemeOrGarbageIsUnreadableAndSaysWhy() {
        assertThatThrownBy(() -> BasicCredential.parse(null)).isInstanceOfSatisfying(BasicCredential.Unreadable.class,
                e -> assertThat(e.problem()).isEqualTo(BasicCredential.Problem.MISSING));
        assertThatThrownBy(() -> BasicCredential.parse("Bearer abc")).isInstanceOfSatisfying(
                BasicCredential.Unreadable.class, e -> assertThat(e.problem()).isEqualTo(BasicCredential.Problem.MISSING));
        assertThatThrownBy(() -> BasicCredential.parse("Basic %%%")).isInstanceOfSatisfying(
                BasicCredential.Unreadable.class, e -> assertThat(e.problem()).isEqualTo(BasicCredential.Problem.NOT_BASE64));
    }

    @Test
    void itMatchesOnlyWhenBothHalvesMatch() throws Exception {
        byte[] user = BasicCredential.sha256("ops");
        byte[] password = BasicCredential.sha256("right");

        assertThat(BasicCredential.parse(basic("ops:right")).matches(user, password)).isTrue();
        assertThat(BasicCredential.parse(basic("ops:wrong")).matches(user, password)).isFalse();
        assertThat(BasicCredential.parse(basic("other:right")).matches(user, password)).isFalse();
        assertThat(BasicCredential.parse(basic("ops:right")).passwordMatches(password)).isTrue();
    }

    @Test
    void itWritesTheHeaderItReads() throws Exception {
        BasicCredential c = new BasicCredential("demo-bestrx", "pä:ss");
        assertThat(c.header()).isEqualTo(basic("demo-bestrx:pä:ss"));
        assertThat(BasicCredential.parse(c.header())).isEqualTo(c);
    }

    @Test
    void itNeverPrintsThePassword() throws Exception {
        assertThat(BasicCredential.parse(basic("ops:hunter2")).toString()).contains("ops").doesNotContain("hunter2");
    }
}
