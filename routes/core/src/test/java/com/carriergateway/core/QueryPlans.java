package com.carriergateway.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** PostgreSQL's plan for a store's query, for tests that pin which index serves it. */
public final class QueryPlans {

    private QueryPlans() {
    }

    /**
     * {@code EXPLAIN} of {@code sql} with its parameters bound, as the store sends it, with sequential scans off in
     * the same connection: on a small test table a scan would win, and the question is whether an index can serve.
     */
    public static List<String> explain(DataSource ds, String sql, Object... args) {
        try (Connection c = ds.getConnection()) {
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(c, true));
            jdbc.execute("SET enable_seqscan = off");
            return jdbc.queryForList("EXPLAIN " + sql, String.class, args);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
