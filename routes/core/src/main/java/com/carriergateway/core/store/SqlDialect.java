package com.carriergateway.core.store;

import java.util.Locale;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which database the stores talk to. The SQL is portable (H2 and PostgreSQL); where PostgreSQL offers a cheaper
 * form of the same write (one statement instead of a transaction of several), the stores ask here.
 */
public final class SqlDialect {

    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    public SqlDialect(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
            known = product != null && product.toLowerCase(Locale.ROOT).contains("postgres");
            postgres = known;
        }
        return known;
    }
}
