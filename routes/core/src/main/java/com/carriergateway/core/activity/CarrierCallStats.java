package com.carriergateway.core.activity;

import java.time.Instant;

/**
 * A carrier's recent calls summed up for the carriers screen.
 *
 * @param calls calls in the window (at most the newest {@link ActivityStore#STATS_SAMPLE})
 * @param errors of those, the ones that say the carrier is in trouble ({@link CarrierCall.Outcome#isError()})
 * @param medianLatencyMs median latency of the calls that were made; 0 when none
 * @param p95LatencyMs 95th percentile latency of the calls that were made; 0 when none
 * @param lastSuccessAt the newest successful call within the record's retention, or null
 */
public record CarrierCallStats(int calls, int errors, long medianLatencyMs, long p95LatencyMs, Instant lastSuccessAt) {

    /** Errors as a share of the calls, 0–100; 0 when there were no calls. */
    public int errorRatePercent() {
        return calls == 0 ? 0 : Math.round(100f * errors / calls);
    }
}
