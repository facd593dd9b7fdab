package com.carriergateway.app.database;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The database as the gateway needs it: commits that survive the process (see {@link DurableCommitCheck}). */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    @Bean
    DurableCommitCheck durableCommitCheck(DataSource dataSource) {
        return new DurableCommitCheck(dataSource);
    }
}
