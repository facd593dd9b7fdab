package com.carriergateway.app.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.core.TestDatabases;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** A batch of inserts reaches PostgreSQL as multi-row inserts; H2 and an explicit choice are left as they are. */
class PostgresBatchedInsertsTest {

    private final PostgresBatchedInserts processor = new PostgresBatchedInserts();

    @Test
    void aPostgresPoolSendsABatchOfInsertsAsMultiRowInserts() throws Exception {
        try (HikariDataSource plain = postgresPool(); HikariDataSource adjusted = postgresPool()) {
            processor.postProcessAfterInitialization(adjusted, "dataSource");
            // the driver reports a rewritten batch's rows as SUCCESS_NO_INFO: one execution for several rows
            // (it cuts a batch into multi-row inserts of 2^k rows: four rows are one insert)
            assertThat(insertFourRows(plain, "batch_plain")).containsExactly(1, 1, 1, 1);
            assertThat(insertFourRows(adjusted, "batch_rewritten")).containsOnly(Statement.SUCCESS_NO_INFO).hasSize(4);
            assertThat(count(adjusted, "batch_rewritten")).isEqualTo(4);
        }
    }

    @Test
    void h2AndAnExplicitSettingAreLeftAlone() {
        try (HikariDataSource h2 = new HikariDataSource()) {
            h2.setJdbcUrl("jdbc:h2:mem:batched-inserts");
            processor.postProcessAfterInitialization(h2, "dataSource");
            assertThat(h2.getDataSourceProperties()).doesNotContainKey(PostgresBatchedInserts.PROPERTY);
        }
        try (HikariDataSource chosen = new HikariDataSource()) {
            chosen.setJdbcUrl("jdbc:postgresql://db/gateway");
            chosen.addDataSourceProperty(PostgresBatchedInserts.PROPERTY, "false");
            processor.postProcessAfterInitialization(chosen, "dataSource");
            assertThat(chosen.getDataSourceProperties()).containsEntry(PostgresBatchedInserts.PROPERTY, "false");
        }
        try (HikariDataSource inUrl = new HikariDataSource()) {
            inUrl.setJdbcUrl("jdbc:postgresql://db/gateway?reWriteBatchedInserts=false");
            processor.postProcessAfterInitialization(inUrl, "dataSource");
            assertThat(inUrl.getDataSourceProperties()).doesNotContainKey(PostgresBatchedInserts.PROPERTY);
        }
    }

    private static HikariDataSource postgresPool() {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl("jdbc:postgresql://localhost:" + TestDatabases.postgresServer().getPort() + "/postgres");
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(1);
        return ds;
    }

    private static int[] insertFourRows(HikariDataSource ds, String table) throws Exception {
        try (Connection c = ds.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + table);
                s.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(10))");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (id, name) VALUES (?, ?)")) {
                for (int i = 1; i <= 4; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, "row " + i);
                    ps.addBatch();
                }
                return ps.executeBatch();
            }
        }
    }

    private static int count(HikariDataSource ds, String table) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
