package com.carriergateway.core.activity;

import java.time.Duration;

/** The activity record the operator console reads ({@code gateway.activity.*}). */
public class ActivityProperties {

    /** Record carrier calls, webhook receipts and callback attempts. Off: the console's timeline shows less. */
    private boolean enabled = true;
    /**
     * Records waiting to be written; when full (the database is far behind) new ones are dropped and counted
     * ({@code gateway.activity.dropped}), so recording never holds up a request.
     */
    private int queueCapacity = 10_000;
    /** How long a record may wait before it is written (records are written in batches). */
    private Duration flushInterval = Duration.ofMillis(250);
    /** Records older than this are deleted. */
    private Duration keep = Duration.ofDays(30);
    /** How often records past {@code keep} are looked for. */
    private Duration purgeInterval = Duration.ofHours(1);

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public int getQueueCapacity() { return queueCapacity; }
    public void setQueueCapacity(int queueCapacity) { this.queueCapacity = queueCapacity; }
    public Duration getFlushInterval() { return flushInterval; }
    public void setFlushInterval(Duration flushInterval) { this.flushInterval = flushInterval; }
    public Duration getKeep() { return keep; }
    public void setKeep(Duration keep) { this.keep = keep; }
    public Duration getPurgeInterval() { return purgeInterval; }
    public void setPurgeInterval(Duration purgeInterval) { this.purgeInterval = purgeInterval; }
}
