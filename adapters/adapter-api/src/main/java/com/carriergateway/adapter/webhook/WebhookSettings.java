package com.carriergateway.adapter.webhook;

import java.util.ArrayList;
import java.util.List;

/**
 * One carrier instance's webhook settings ({@code gateway.webhooks.<carrierId>.*}), bound by the gateway and handed to
 * the adapter, whose {@link WebhookProtocol} uses what it needs and fails, naming the key, when something it needs is
 * missing. Secrets: from the environment.
 */
public class WebhookSettings {

    /** HTTP Basic credential the carrier calls with (the default protocol). */
    private String username;
    private String password;
    /** The key a carrier signs its calls with (HMAC protocols). */
    private String signingKey;
    /** Request headers to echo in every answer; empty means the adapter's own default. */
    private List<String> echoHeaders = new ArrayList<>();

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getSigningKey() { return signingKey; }
    public void setSigningKey(String signingKey) { this.signingKey = signingKey; }
    public List<String> getEchoHeaders() { return echoHeaders; }
    public void setEchoHeaders(List<String> echoHeaders) { this.echoHeaders = echoHeaders; }

    /** Never the secrets. */
    @Override
    public String toString() {
        return "WebhookSettings[username=" + username + ", echoHeaders=" + echoHeaders + "]";
    }
}
