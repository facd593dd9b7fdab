package com.carriergateway.adapter.uberdirect;

import com.carriergateway.adapter.model.ProofOfDelivery;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a delivered order's signature image so the pharmacy keeps it: Uber retains proof images for 30 days only.
 * Off unless {@code fetch-signature-image} is set.
 *
 * <p>Bounded on every side: only from {@code signature-image-hosts} (the URL comes from Uber's answer or webhook, and a
 * gateway must not be made to fetch arbitrary addresses), no redirects, {@code signature-image-timeout} for the whole
 * exchange (a body trickling in slowly included), at most {@link #MAX_BYTES}. No credentials are sent: Uber does not
 * say the URL needs any, and the bearer token belongs to api.uber.com only. It uses the JDK's client rather than
 * {@code CarrierHttp}, which reads bodies as text. A failure is a warning, never a failed status: the URL stays in the
 * proof. Neither the URL nor the image is logged or put in a warning.
 */
final class SignatureImages {

    static final int MAX_BYTES = 1024 * 1024;

    private final Duration timeout;
    private final Set<String> hosts;
    private final HttpClient http;

    SignatureImages(Duration timeout, Set<String> hosts) {
        this.timeout = timeout;
        this.hosts = hosts;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The proof with its image inlined (base64), or as it was, with a warning saying why not. */
    ProofOfDelivery withImage(ProofOfDelivery proof, List<String> warnings) {
        if (proof == null || proof.signatureUrl() == null || proof.signatureImage() != null) {
            return proof;
        }
        String image = fetch(proof.signatureUrl(), warnings);
        return image == null ? proof
                : new ProofOfDelivery(image, proof.signatureUrl(), proof.signer(), proof.consentAnswers());
    }

    private String fetch(String url, List<String> warnings) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            warnings.add("signature image not fetched: Uber's image URL is not a URL");
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                || !hosts.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            warnings.add("signature image not fetched: its host is not in signature-image-hosts");
            return null;
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        AtMost atMost = new AtMost(MAX_BYTES);
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, atMost);
        try {
            HttpResponse<byte[]> response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200) {
                warnings.add("signature image not fetched: HTTP " + response.statusCode());
            } else if (response.body() == null) {
                warnings.add(tooLarge());
            } else if (response.body().length == 0) {
                warnings.add("signature image not fetched: empty");
            } else {
                return Base64.getEncoder().encodeToString(response.body());
            }
        } catch (TimeoutException e) {
            exchange.cancel(true);
            warnings.add("signature image not fetched: no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            warnings.add(atMost.exceeded() ? tooLarge()
                    : "signature image not fetched: " + e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            warnings.add("signature image not fetched: interrupted");
        }
        return null;
    }

    private static String tooLarge() {
        return "signature image not fetched: larger than " + MAX_BYTES + " bytes";
    }

    /**
     * Reads a body of at most {@code max} bytes; past that it stops reading (the client then fails the exchange) and
     * says so, so a too-large image is told from a broken connection.
     */
    static final class AtMost implements HttpResponse.BodyHandler<byte[]> {

        private final int max;
        private volatile boolean exceeded;

        AtMost(int max) {
            this.max = max;
        }

        boolean exceeded() {
            return exceeded;
        }

        @Override
        public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
            return new HttpResponse.BodySubscriber<>() {
                private final CompletableFuture<byte[]> body = new CompletableFuture<>();
                private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                private Flow.Subscription subscription;

                @Override
                public CompletionStage<byte[]> getBody() {
                    return body;
                }

                @Override
                public void onSubscribe(Flow.Subscription s) {
                    subscription = s;
                    s.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(List<ByteBuffer> buffers) {
                    if (exceeded) {
                        return;
                    }
                    for (ByteBuffer b : buffers) {
                        byte[] chunk = new byte[b.remaining()];
                        b.get(chunk);
                        bytes.writeBytes(chunk);
                    }
                    if (bytes.size() > max) {
                        exceeded = true;
                        subscription.cancel();
                        body.complete(null);
                    }
                }

                @Override
                public void onError(Throwable t) {
                    body.completeExceptionally(t);
                }

                @Override
                public void onComplete() {
                    body.complete(bytes.toByteArray());
                }
            };
        }
    }
}
