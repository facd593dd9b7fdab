package com.carriergateway.app.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carriergateway.core.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The gateway starts only on a store whose returned commits survive its process dying at once. */
class DurableCommitCheckTest {

    @Test
    void anH2FileUrlWithoutAWriteDelayGetsZeroAndEveryOtherUrlIsLeftAlone() {
        assertThat(H2CommitDelay.withoutWriteDelay("jdbc:h2:file:./data/carrier-gateway;DB_CLOSE_ON_EXIT=FALSE"))
                .isEqualTo("jdbc:h2:file:./data/carrier-gateway;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        assertThat(H2CommitDelay.withoutWriteDelay("jdbc:h2:./data/db")).isEqualTo("jdbc:h2:./data/db;WRITE_DELAY=0");
        assertThat(H2CommitDelay.withoutWriteDelay("jdbc:h2:tcp://db-host/~/gateway"))
                .isEqualTo("jdbc:h2:tcp://db-host/~/gateway;WRITE_DELAY=0");
        // someone's explicit choice stays as given: the startup check refuses it, naming it
        assertThat(H2CommitDelay.withoutWriteDelay("jdbc:h2:file:./db;write_delay=500"))
                .isEqualTo("jdbc:h2:file:./db;write_delay=500");
        assertThat(H2CommitDelay.withoutWriteDelay("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1"))
                .isEqualTo("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1");
        assertThat(H2CommitDelay.withoutWriteDelay("jdbc:postgresql://db/gateway")).isEqualTo("jdbc:postgresql://db/gateway");
        assertThat(H2CommitDelay.withoutWriteDelay(null)).isNull();
    }

    @Test
    void anH2FileThatDelaysItsWritesIsRefusedNamingTheSetting() throws Exception {
        Path folder = Files.createTempDirectory("h2-delay");
        assertThatThrownBy(() -> new DurableCommitCheck(h2("jdbc:h2:file:" + folder.resolve("a") + ";WRITE_DELAY=500"))
                .afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("WRITE_DELAY=500");
        assertThatCode(() -> new DurableCommitCheck(h2("jdbc:h2:file:" + folder.resolve("b") + ";WRITE_DELAY=0"))
                .afterPropertiesSet()).doesNotThrowAnyException();
        assertThatCode(() -> new DurableCommitCheck(h2("jdbc:h2:mem:durable-check")).afterPropertiesSet())
                .doesNotThrowAnyException();
    }

    @Test
    void postgresSessionsWithoutSynchronousCommitAreRefused() {
        PGSimpleDataSource asynchronous = postgres();
        asynchronous.setOptions("-c synchronous_commit=off");
        assertThatThrownBy(() -> new DurableCommitCheck(asynchronous).afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("synchronous_commit = off");
        assertThatCode(() -> new DurableCommitCheck(postgres()).afterPropertiesSet()).doesNotThrowAnyException();
    }

    private static DataSource h2(String url) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa");
        return ds;
    }

    private static PGSimpleDataSource postgres() {
        var server = TestDatabases.postgresServer();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL("jdbc:postgresql://localhost:" + server.getPort() + "/postgres");
        ds.setUser("postgres");
        return ds;
    }
}
