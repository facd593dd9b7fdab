package com.carriergateway.core;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Fresh, migrated databases for store tests: an in-memory H2 (the embedded default's engine) and a real
 * PostgreSQL started from a Maven jar, one server per test JVM, a new database per call.
 */
public final class TestDatabases {

    public enum Kind { H2, POSTGRES }

    private static EmbeddedPostgres postgres;
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestDatabases() {
    }

    public static Stream<Kind> kinds() {
        return Stream.of(Kind.H2, Kind.POSTGRES);
    }

    public static DataSource fresh(Kind kind) {
        DataSource ds = kind == Kind.H2 ? h2() : postgres();
        // as spring.flyway.locations in application.yml: the portable migrations, then the database's own
        // (Spring Boot's {vendor}: h2, postgresql)
        String vendor = kind == Kind.H2 ? "h2" : "postgresql";
        Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
                .load().migrate();
        return ds;
    }

    private static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    public static synchronized EmbeddedPostgres postgresServer() {
        if (postgres == null) {
            try {
                // the library turns synchronous_commit off by default; the gateway refuses to run so (a commit could
                // return before it is durable), so the tests' server runs as production does
                postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start();
            } catch (IOException e) {
                throw new IllegalStateException("embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return postgres;
    }

    /** A new, empty database on the shared embedded PostgreSQL server. */
    public static DataSource postgres() {
        EmbeddedPostgres server = postgresServer();
        String name = "test_" + COUNTER.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL("jdbc:postgresql://localhost:" + server.getPort() + "/" + name);
        ds.setUser("postgres");
        return ds;
    }
}
