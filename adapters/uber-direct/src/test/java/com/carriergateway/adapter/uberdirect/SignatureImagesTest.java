package com.carriergateway.adapter.uberdirect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.model.ProofOfDelivery;
import com.carriergateway.adapter.model.Signer;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The signature image fetch is bounded on every side, and a failure never loses the proof. */
class SignatureImagesTest {

    static WireMockServer host;
    static final Signer SIGNER = new Signer(Signer.SignerRelation.PATIENT, "Sam", "Sandbox", null, null, null);
    static final byte[] PNG = Base64.getDecoder().decode(UberDirectContractTest.SANDBOX_SIGNATURE_PNG);

    private final SignatureImages images = new SignatureImages(Duration.ofMillis(500), Set.of("localhost"));
    private final List<String> warnings = new ArrayList<>();

    @BeforeAll
    static void start() {
        host = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        host.start();
    }

    @AfterAll
    static void stop() {
        host.stop();
    }

    @BeforeEach
    void reset() {
        host.resetAll();
    }

    @Test
    void theImageIsKeptAsBase64BesideItsUrl() {
        host.stubFor(get("/sig.png").willReturn(aResponse().withStatus(200).withBody(PNG)));
        ProofOfDelivery proof = images.withImage(proof(url("/sig.png")), warnings);
        assertThat(proof).isEqualTo(new ProofOfDelivery(UberDirectContractTest.SANDBOX_SIGNATURE_PNG, url("/sig.png"),
                SIGNER, List.of()));
        assertThat(warnings).isEmpty();
        assertThat(host.findAll(getRequestedFor(urlPathEqualTo("/sig.png")))).singleElement()
                .satisfies(r -> assertThat(r.containsHeader("Authorization")).isFalse());
    }

    @Test
    void onlyAllowedHostsAreAsked() {
        ProofOfDelivery given = proof("http://127.0.0.1:" + host.port() + "/sig.png");
        assertThat(images.withImage(given, warnings)).isSameAs(given);
        assertThat(images.withImage(proof("ftp://localhost/sig.png"), warnings).signatureImage()).isNull();
        assertThat(images.withImage(proof("not a url"), warnings).signatureImage()).isNull();
        assertThat(warnings).hasSize(3).allSatisfy(w -> assertThat(w).startsWith("signature image not fetched")
                .doesNotContain("127.0.0.1").doesNotContain("sig.png"));
        assertThat(host.getAllServeEvents()).isEmpty();
    }

    @Test
    void anErrorATooLargeImageOrABrokenConnectionIsAWarningAndTheUrlStays() {
        host.stubFor(get("/gone.png").willReturn(aResponse().withStatus(404)));
        host.stubFor(get("/huge.png").willReturn(aResponse().withStatus(200)
                .withBody(new byte[SignatureImages.MAX_BYTES + 1])));
        host.stubFor(get("/reset.png").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        for (String path : List.of("/gone.png", "/huge.png", "/reset.png")) {
            ProofOfDelivery kept = images.withImage(proof(url(path)), warnings);
            assertThat(kept.signatureImage()).isNull();
            assertThat(kept.signatureUrl()).isEqualTo(url(path));
            assertThat(kept.signer()).isEqualTo(SIGNER);
        }
        assertThat(warnings).containsExactly("signature image not fetched: HTTP 404",
                "signature image not fetched: larger than " + SignatureImages.MAX_BYTES + " bytes",
                warnings.get(2));
        assertThat(warnings.get(2)).startsWith("signature image not fetched: ");
    }

    @Test
    void aSlowAnswerOrABodyTricklingInIsCutAtTheTimeout() {
        host.stubFor(get("/slow.png").willReturn(aResponse().withStatus(200).withBody(PNG).withFixedDelay(2000)));
        host.stubFor(get("/trickle.png").willReturn(aResponse().withStatus(200).withBody(PNG)
                .withChunkedDribbleDelay(20, 3000)));
        for (String path : List.of("/slow.png", "/trickle.png")) {
            long start = System.nanoTime();
            assertThat(images.withImage(proof(url(path)), warnings).signatureImage()).isNull();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
        }
        assertThat(warnings).containsOnly("signature image not fetched: no answer within 500 ms");
    }

    @Test
    void aProofWithoutUrlOrWithAnImageAlreadyIsLeftAlone() {
        ProofOfDelivery noUrl = new ProofOfDelivery(null, null, SIGNER, List.of());
        ProofOfDelivery withImage = new ProofOfDelivery("AAAA", url("/sig.png"), SIGNER, List.of());
        assertThat(images.withImage(noUrl, warnings)).isSameAs(noUrl);
        assertThat(images.withImage(withImage, warnings)).isSameAs(withImage);
        assertThat(images.withImage(null, warnings)).isNull();
        assertThat(host.getAllServeEvents()).isEmpty();
    }

    private static ProofOfDelivery proof(String url) {
        return new ProofOfDelivery(null, url, SIGNER, List.of());
    }

    private static String url(String path) {
        return "http://localhost:" + host.port() + path;
    }
}
