package com.carriergateway.app.console;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator console ({@code gateway.console.*}) at {@code /console}. Who may sign in is the admin credential
 * ({@code gateway.admin.*}); unset, nobody can.
 */
@ConfigurationProperties("gateway.console")
public class ConsoleProperties {

    /** Serve the console on this instance. */
    private boolean enabled = true;
    /** A signed-in operator idle this long must sign in again. */
    private Duration sessionTimeout = Duration.ofMinutes(30);
    /** Orders per page of the orders list. */
    private int pageSize = 50;
    /** The window the carriers screen sums calls over (error rate, latency). */
    private Duration carrierWindow = Duration.ofMinutes(15);

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public Duration getSessionTimeout() { return sessionTimeout; }
    public void setSessionTimeout(Duration sessionTimeout) { this.sessionTimeout = sessionTimeout; }
    public int getPageSize() { return pageSize; }
    public void setPageSize(int pageSize) { this.pageSize = pageSize; }
    public Duration getCarrierWindow() { return carrierWindow; }
    public void setCarrierWindow(Duration carrierWindow) { this.carrierWindow = carrierWindow; }
}
