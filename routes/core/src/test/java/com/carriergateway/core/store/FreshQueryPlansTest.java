package com.carriergateway.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.core.TestDatabases;
import com.carriergateway.core.TestDatabases.Kind;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class FreshQueryPlansTest {

    @Test
    void onPostgresAClaimTransactionIsPlannedAfreshAndOnlyThatTransaction() {
        DataSource ds = TestDatabases.fresh(Kind.POSTGRES);
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        FreshQueryPlans plans = new FreshQueryPlans(jdbc);

        String inside = tx.execute(s -> {
            plans.forThisTransaction();
            return jdbc.queryForObject("SHOW plan_cache_mode", String.class);
        });

        assertThat(inside).isEqualTo("force_custom_plan");
        assertThat(jdbc.queryForObject("SHOW plan_cache_mode", String.class)).as("after the transaction").isEqualTo("auto");
    }

    @Test
    void onH2ItDoesNothing() {
        DataSource ds = TestDatabases.fresh(Kind.H2);
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        FreshQueryPlans plans = new FreshQueryPlans(jdbc);

        Integer answer = tx.execute(s -> {
            plans.forThisTransaction();
            return jdbc.queryForObject("SELECT COUNT(*) FROM status_outbox", Integer.class);
        });

        assertThat(answer).isZero();
    }
}
