package com.carriergateway.core.outbox;

import java.time.Duration;

/**
 * How status callbacks are dispatched to BestRx ({@code gateway.outbox.*}). Where and with which credential
 * is per pharmacy: {@code gateway.pharmacies.<id>.callback.*}.
 */
public class OutboxProperties {

    /** Run the dispatcher on this instance (every instance may; they share the work through the database). */
    private boolean enabled = true;
    /** How often the dispatcher looks for due callbacks; an accepted change also nudges it at once. */
    private Duration dispatchInterval = Duration.ofSeconds(2);
    /** Callbacks sent at once by this instance (each sender sends the callbacks it claimed one after the other). */
    private int senders = 4;
    /**
     * Callbacks a sender claims in one transaction (at most one per order) and then sends in turn, each recorded
     * as soon as it is answered: one claim commit for many callbacks.
     */
    private int claimBatch = 16;
    /**
     * How long a claim holds; must exceed twice every pharmacy's callback timeout (a sender starts no send of its
     * batch after half the lease). A crashed sender's callbacks wait this long.
     */
    private Duration claimLease = Duration.ofMinutes(2);
    /** First retry delay; doubles per failed attempt, with jitter (each delay is 50–100 % of the nominal one). */
    private Duration backoffBase = Duration.ofSeconds(5);
    /** Longest nominal retry delay. */
    private Duration backoffCap = Duration.ofMinutes(15);
    /** A callback still failing this long after it was queued (or replayed) becomes a dead letter. */
    private Duration retryBudget = Duration.ofHours(24);
    /** Rows BestRx confirmed are deleted this long after (the order's history keeps what happened). */
    private Duration keepSent = Duration.ofDays(30);
    /** How often sent rows past {@code keep-sent} are looked for. */
    private Duration purgeInterval = Duration.ofHours(1);
    /** How often the outbox gauges (depth, oldest pending, dead letters) are refreshed from the database. */
    private Duration metricsInterval = Duration.ofSeconds(15);

    public int getClaimBatch() { return claimBatch; }
    public void setClaimBatch(int claimBatch) { this.claimBatch = claimBatch; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public Duration getDispatchInterval() { return dispatchInterval; }
    public void setDispatchInterval(Duration v) { this.dispatchInterval = v; }
    public int getSenders() { return senders; }
    public void setSenders(int senders) { this.senders = senders; }
    public Duration getClaimLease() { return claimLease; }
    public void setClaimLease(Duration claimLease) { this.claimLease = claimLease; }
    public Duration getBackoffBase() { return backoffBase; }
    public void setBackoffBase(Duration backoffBase) { this.backoffBase = backoffBase; }
    public Duration getBackoffCap() { return backoffCap; }
    public void setBackoffCap(Duration backoffCap) { this.backoffCap = backoffCap; }
    public Duration getRetryBudget() { return retryBudget; }
    public void setRetryBudget(Duration retryBudget) { this.retryBudget = retryBudget; }
    public Duration getKeepSent() { return keepSent; }
    public void setKeepSent(Duration keepSent) { this.keepSent = keepSent; }
    public Duration getPurgeInterval() { return purgeInterval; }
    public void setPurgeInterval(Duration purgeInterval) { this.purgeInterval = purgeInterval; }
    public Duration getMetricsInterval() { return metricsInterval; }
    public void setMetricsInterval(Duration v) { this.metricsInterval = v; }
}
