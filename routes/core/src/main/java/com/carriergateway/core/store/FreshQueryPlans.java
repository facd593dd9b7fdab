package com.carriergateway.core.store;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes PostgreSQL plan a claim query afresh. The JDBC driver prepares a statement on the server after five runs,
 * and PostgreSQL then keeps one generic plan for it. A claim (ORDER BY … LIMIT … FOR UPDATE SKIP LOCKED) first
 * runs while its table is nearly empty, where a sequential scan and a sort are cheapest; kept as the table fills,
 * that plan costs time in proportion to its size, for every claim (5.7 ms per outbox claim in the benchmark, against
 * 0.3 ms with a plan made for the table as it is). H2 needs nothing: this is a no-op there.
 */
public final class FreshQueryPlans {

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;

    public FreshQueryPlans(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.dialect = new SqlDialect(jdbc);
    }

    /** Call inside the transaction, before the query: the setting ends with the transaction. */
    public void forThisTransaction() {
        if (isPostgres()) {
            jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        }
    }

    /**
     * As {@link #forThisTransaction}, and the commit does not wait for PostgreSQL to flush it to disk
     * ({@code synchronous_commit = off}, for this transaction only): one disk flush less. Only for a write whose
     * loss in a database crash is harmless and which no later durable write can overtake: PostgreSQL's log is
     * sequential, so the next synchronous commit flushes this one with it.
     */
    public void forThisTransactionWithoutWaitingForFlush() {
        if (isPostgres()) {
            jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan; SET LOCAL synchronous_commit = off");
        }
    }

    /**
     * Only the commit that does not wait for the flush, for a write whose loss in a database crash is harmless (see
     * {@link #forThisTransactionWithoutWaitingForFlush}); inserts need no fresh plan.
     */
    public void withoutWaitingForFlush() {
        if (isPostgres()) {
            jdbc.execute("SET LOCAL synchronous_commit = off");
        }
    }

    private boolean isPostgres() {
        return dialect.isPostgres();
    }
}
