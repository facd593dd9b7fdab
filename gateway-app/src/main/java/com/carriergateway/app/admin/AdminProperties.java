package com.carriergateway.app.admin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operators' credential for {@code /admin/**} ({@code gateway.admin.*}), HTTP Basic, from the environment.
 * Unset: every admin call is refused. At most {@code max-failed-sign-ins} wrong attempts per
 * {@code failed-sign-in-window}, admin API and console together ({@link FailedSignIns}).
 */
@ConfigurationProperties("gateway.admin")
public class AdminProperties {

    private String username;
    private String password;
    private int maxFailedSignIns = 10;
    private Duration failedSignInWindow = Duration.ofMinutes(1);

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public int getMaxFailedSignIns() { return maxFailedSignIns; }
    public void setMaxFailedSignIns(int maxFailedSignIns) { this.maxFailedSignIns = maxFailedSignIns; }
    public Duration getFailedSignInWindow() { return failedSignInWindow; }
    public void setFailedSignInWindow(Duration failedSignInWindow) { this.failedSignInWindow = failedSignInWindow; }
}
