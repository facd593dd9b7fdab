package com.carriergateway.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.core.QueryPlans;
import com.carriergateway.core.TestDatabases;
import com.carriergateway.core.TestDatabases.Kind;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL the carrier-side indexes of delivery_order are partial (V5: a row being booked, with no carrier
 * reference yet, enters none of them) and order_event's primary key is (provider_order_id, id). The order store's
 * reads must still be served by them.
 */
class OrderStorePlansTest {

    private static DataSource ds;

    @BeforeAll
    static void database() {
        ds = TestDatabases.fresh(Kind.POSTGRES);
    }

    @Test
    void theLookupByCarrierOrderIdUsesThePartialCarrierRefIndex() {
        assertThat(plan(OrderStore.BY_CARRIER_ORDER_ID, "pitney-bowes", "ORD-1"))
                .contains("ix_delivery_order_carrier_ref");
    }

    @Test
    void theLookupByTrackingIdUsesThePartialTrackingIndex() {
        assertThat(plan(OrderStore.BY_TRACKING_ID, "pitney-bowes", "TRK-1")).contains("ix_delivery_order_tracking");
    }

    @Test
    void theHistoryReadUsesThePrimaryKeyInIdOrder() {
        String plan = plan(OrderHistory.HISTORY, "CG-A");
        assertThat(plan).contains("order_event_pkey").doesNotContain("Sort");
    }

    @Test
    void theCarrierSideIndexesArePartialAndOrderEventHasOneIndex() {
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        assertThat(jdbc.queryForList("SELECT indexname || ': ' || indexdef FROM pg_indexes "
                + "WHERE tablename = 'delivery_order' AND indexdef LIKE '% WHERE %' ORDER BY indexname", String.class))
                .hasSize(3)
                .anySatisfy(d -> assertThat(d).startsWith("ix_delivery_order_carrier_ref:")
                        .endsWith("WHERE (carrier_order_id IS NOT NULL)"))
                .anySatisfy(d -> assertThat(d).startsWith("ix_delivery_order_tracking:")
                        .endsWith("WHERE (tracking_id IS NOT NULL)"))
                .anySatisfy(d -> assertThat(d).startsWith("ix_delivery_order_poll_due:")
                        .endsWith("WHERE ((state)::text = 'BOOKED'::text)"));
        assertThat(jdbc.queryForList("SELECT indexdef FROM pg_indexes WHERE tablename = 'order_event'", String.class))
                .singleElement().asString().endsWith("order_event_pkey ON public.order_event USING btree "
                        + "(provider_order_id, id)");
    }

    private static String plan(String sql, Object... args) {
        List<String> lines = QueryPlans.explain(ds, sql, args);
        return String.join("\n", lines);
    }
}
