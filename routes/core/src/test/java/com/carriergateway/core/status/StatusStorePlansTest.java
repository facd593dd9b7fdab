package com.carriergateway.core.status;

import static com.carriergateway.core.store.SqlValues.ts;
import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.core.QueryPlans;
import com.carriergateway.core.TestDatabases;
import com.carriergateway.core.TestDatabases.Kind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** On PostgreSQL the poll claim is served by the partial index of booked orders (V5), in the claim's order. */
class StatusStorePlansTest {

    @Test
    void thePollClaimWalksThePartialPollIndexInClaimOrderWithoutASort() {
        Instant now = Instant.parse("2026-03-02T08:00:00Z");
        String plan = String.join("\n", QueryPlans.explain(TestDatabases.fresh(Kind.POSTGRES), StatusStore.POLLABLE,
                "pitney-bowes", ts(now), ts(now), 20));

        assertThat(plan).contains("Index Scan using ix_delivery_order_poll_due").doesNotContain("Sort");
    }
}
