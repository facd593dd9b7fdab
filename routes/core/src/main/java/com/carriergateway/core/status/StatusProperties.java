package com.carriergateway.core.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** How the gateway learns carrier statuses besides webhooks ({@code gateway.status.*}). */
public class StatusProperties {

    private Poll poll = new Poll();

    /** Polling of open orders, per carrier that offers GET_STATUS. */
    public static class Poll {
        /** Poll at all (every instance may: a database lease keeps two from polling one order at once). */
        private boolean enabled = true;
        /** Carrier ids to poll; empty: every carrier that offers GET_STATUS. */
        private List<String> carriers = new ArrayList<>();
        /** How often an open order is asked about, and how often each carrier's poll route wakes up. */
        private Duration interval = Duration.ofMinutes(5);
        /** Wait after start before the first poll. */
        private Duration initialDelay = Duration.ofSeconds(30);
        /** Orders leased per round. */
        private int batchSize = 20;
        /**
         * How long a poll lease holds; an instance that dies mid-poll frees its orders after this. Keep it above
         * batch-size × the carrier's worst call time (a lease running out only costs a second, harmless, poll).
         */
        private Duration lease = Duration.ofMinutes(10);
        /** Open orders older than this stop being polled (a POLL_RETIRED entry in their history). */
        private Duration maxAge = Duration.ofDays(14);
        /**
         * At most this many status calls a second per carrier (0: no limit). A pass over a few hundred due orders
         * made at full speed competed with BestRx's requests for the CPU: the benchmark saw 100-280 ms stalls of
         * CreateOrder whenever the five-minute pass ran during its 200 req/s phase.
         */
        private double maxPerSecond = 20;

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public List<String> getCarriers() { return carriers; }
        public void setCarriers(List<String> carriers) { this.carriers = carriers; }
        public Duration getInterval() { return interval; }
        public void setInterval(Duration interval) { this.interval = interval; }
        public Duration getInitialDelay() { return initialDelay; }
        public void setInitialDelay(Duration initialDelay) { this.initialDelay = initialDelay; }
        public int getBatchSize() { return batchSize; }
        public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
        public Duration getLease() { return lease; }
        public void setLease(Duration lease) { this.lease = lease; }
        public Duration getMaxAge() { return maxAge; }
        public void setMaxAge(Duration maxAge) { this.maxAge = maxAge; }
        public double getMaxPerSecond() { return maxPerSecond; }
        public void setMaxPerSecond(double maxPerSecond) { this.maxPerSecond = maxPerSecond; }
    }

    public Poll getPoll() { return poll; }
    public void setPoll(Poll poll) { this.poll = poll; }
}
