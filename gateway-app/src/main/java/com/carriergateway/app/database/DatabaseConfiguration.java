package com.carriergateway.app.database;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database as the gateway needs it: commits that survive the process ({@link DurableCommitCheck}), and an H2 file
 * that does not grow without bound when every commit is written at once ({@link H2FileCompaction}), and batched
 * inserts sent as such to PostgreSQL ({@link PostgresBatchedInserts}).
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    /** Static: a bean post-processor must exist before the data source it adjusts. */
    @Bean
    static PostgresBatchedInserts postgresBatchedInserts() {
        return new PostgresBatchedInserts();
    }

    @Bean
    DurableCommitCheck durableCommitCheck(DataSource dataSource) {
        return new DurableCommitCheck(dataSource);
    }

    /** Only for an H2 database in a file: see {@link H2FileCompaction} for why. */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:h2:') and !'${spring.datasource.url:}'.contains(':mem:')")
    H2FileCompaction h2FileCompaction(DataSource dataSource,
            @Value("${gateway.database.h2-compaction-interval:30s}") Duration interval,
            @Value("${gateway.database.h2-compaction-max-time:200ms}") Duration maxTime) {
        return new H2FileCompaction(dataSource, interval, maxTime);
    }
}
