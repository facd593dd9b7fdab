package com.carriergateway.adapter.webhook;

import com.carriergateway.adapter.credential.BasicCredential;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default webhook protocol: the carrier calls with the HTTP Basic credential configured for it
 * ({@code gateway.webhooks.<id>.username} / {@code .password}); both halves are compared as SHA-256 digests in constant
 * time, both always. The answer is the JSON tally; {@code echoHeaders} are copied from the request into every answer.
 */
public final class BasicAuthWebhook implements WebhookProtocol {

    private final byte[] usernameSha256;
    private final byte[] passwordSha256;
    private final List<String> echoHeaders;

    private BasicAuthWebhook(byte[] usernameSha256, byte[] passwordSha256, List<String> echoHeaders) {
        this.usernameSha256 = usernameSha256;
        this.passwordSha256 = passwordSha256;
        this.echoHeaders = List.copyOf(echoHeaders);
    }

    /**
     * @param defaultEcho the headers to echo when the settings name none (a carrier's own convention)
     * @throws IllegalArgumentException naming the missing key
     */
    public static BasicAuthWebhook from(WebhookSettings settings, List<String> defaultEcho) {
        if (blank(settings.getUsername()) || blank(settings.getPassword())) {
            throw new IllegalArgumentException("username and password are required");
        }
        List<String> echo = settings.getEchoHeaders() == null || settings.getEchoHeaders().isEmpty() ? defaultEcho
                : settings.getEchoHeaders();
        return new BasicAuthWebhook(BasicCredential.sha256(settings.getUsername()),
                BasicCredential.sha256(settings.getPassword()), echo);
    }

    @Override
    public WebhookVerdict verify(WebhookRequest request) {
        BasicCredential credential;
        try {
            credential = BasicCredential.parse(request.header("Authorization"));
        } catch (BasicCredential.Unreadable e) {
            return WebhookVerdict.refuse(e.problem() == BasicCredential.Problem.MISSING
                    ? "Authentication required: send the HTTP Basic credential configured for this carrier's webhook."
                    : "The Basic credential is not valid base64.");
        }
        return credential.matches(usernameSha256, passwordSha256) ? WebhookVerdict.accept()
                : WebhookVerdict.refuse("The webhook credential is not valid.");
    }

    @Override
    public WebhookAuthentication authentication() {
        return WebhookAuthentication.httpBasic();
    }

    @Override
    public Map<String, String> echoed(WebhookRequest request) {
        Map<String, String> echoed = new LinkedHashMap<>();
        for (String name : echoHeaders) {
            String value = request.header(name);
            if (value != null && value.length() <= 200) {
                echoed.put(name, value);
            }
        }
        return echoed;
    }

    @Override
    public WebhookReply acknowledge(WebhookRequest request, WebhookTally tally) {
        return WebhookReply.tally(200, tally, echoed(request));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
