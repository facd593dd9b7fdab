package com.carriergateway.adapter.http;

import java.net.URI;

/**
 * Whether a URL a carrier handed back (a {@code Location}, a next-page link) is on the origin of its base URL: the
 * only place the carrier's token may be sent. Scheme and host compared without case, the port with its default.
 */
public final class Origin {

    private Origin() {
    }

    public static boolean same(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
