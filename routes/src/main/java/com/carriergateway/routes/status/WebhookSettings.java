package com.carriergateway.routes.status;

import java.util.ArrayList;
import java.util.List;

/**
 * One carrier instance's webhook ({@code gateway.webhooks.<carrierId>.*}): the HTTP Basic credential given to
 * the carrier for calling the gateway, and the request headers to echo in the answer.
 */
public class WebhookSettings {

    private String username;
    private String password;
    /** Request headers echoed in the answer when present. PB requires its reference id back. */
    private List<String> echoHeaders = new ArrayList<>(List.of("X-PB-ReferenceId"));

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public List<String> getEchoHeaders() { return echoHeaders; }
    public void setEchoHeaders(List<String> echoHeaders) { this.echoHeaders = echoHeaders; }
}
