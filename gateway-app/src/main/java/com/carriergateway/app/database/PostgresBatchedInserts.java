package com.carriergateway.app.database;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Has the PostgreSQL driver send a batch of inserts as multi-row {@code INSERT}s ({@code reWriteBatchedInserts}),
 * unless the configuration says otherwise. The activity record writes its rows in batches of up to 500 from its own
 * thread (one carrier call per CreateOrder, a webhook receipt and a callback attempt per status change); row by row,
 * each was an execution of its own in the server, which the benchmark showed as PostgreSQL CPU per request. Only
 * inserts are rewritten, and no insert of the gateway reads a batch's update counts. H2 is left alone.
 */
public class PostgresBatchedInserts implements BeanPostProcessor {

    static final String PROPERTY = "reWriteBatchedInserts";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource ds && isPostgres(ds.getJdbcUrl())
                && !ds.getDataSourceProperties().containsKey(PROPERTY)
                && !ds.getJdbcUrl().toLowerCase(Locale.ROOT).contains(PROPERTY.toLowerCase(Locale.ROOT))) {
            ds.addDataSourceProperty(PROPERTY, "true");
        }
        return bean;
    }

    static boolean isPostgres(String url) {
        return url != null && url.trim().toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:");
    }
}
