package com.carriergateway.app.sandbox;

import com.github.tomakehurst.wiremock.common.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WireMock's own notifiers print whole unmatched requests, bodies included: patient data in our logs.
 * The sandboxes say only that something did not match; the request journal holds the detail.
 */
final class QuietSandboxNotifier implements Notifier {

    private static final Logger log = LoggerFactory.getLogger("sandbox");
    private final String system;

    QuietSandboxNotifier(String system) {
        this.system = system;
    }

    @Override
    public void info(String message) {
        // request-by-request chatter: nothing an operator needs
    }

    @Override
    public void error(String message) {
        log.warn("{} sandbox: {}", system, firstLine(message));
    }

    @Override
    public void error(String message, Throwable t) {
        log.warn("{} sandbox: {} ({})", system, firstLine(message), t.getClass().getSimpleName());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.lines().findFirst().orElse("");
        // "Request was not matched" lines go on to print the request; keep only the verdict
        return line.length() > 120 ? line.substring(0, 120) : line;
    }
}
