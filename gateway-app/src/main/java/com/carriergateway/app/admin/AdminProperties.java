package com.carriergateway.app.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operators' credential for {@code /admin/**} ({@code gateway.admin.*}), HTTP Basic, from the environment.
 * Unset: every admin call is refused.
 */
@ConfigurationProperties("gateway.admin")
public class AdminProperties {

    private String username;
    private String password;

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
}
