package com.carriergateway.app.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Refuses to start on a database session whose commits could be lost after the gateway acknowledged them.
 * Every answer that acknowledges a change (CreateOrder's 200, a cancel, a carrier webhook's 200, an operator's
 * replay) is sent after its commit returns; that is a promise only if a returned commit survives the gateway
 * process being killed at that instant. Checked on a connection from the pool, so the URL, the pool's init SQL and
 * the server's defaults all count.
 *
 * <ul>
 *   <li>H2 in a file: {@code WRITE_DELAY} must be 0 ({@link H2CommitDelay} adds it to the URL when absent).</li>
 *   <li>PostgreSQL: {@code synchronous_commit} must not be {@code off} for the gateway's sessions. (The outbox turns
 *       it off for one kind of transaction only, its "sent" marks, whose loss means a resend BestRx de-duplicates.)
 *       {@code fsync = off} on the server is logged as a warning: it loses nothing when the gateway dies, only when
 *       the database's machine does, and it is the database operator's setting.</li>
 * </ul>
 */
public class DurableCommitCheck implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(DurableCommitCheck.class);

    private final DataSource dataSource;

    public DurableCommitCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("h2")) {
                checkH2(c);
            } else if (product.contains("postgres")) {
                checkPostgres(c);
            }
        }
    }

    private static void checkH2(Connection c) throws SQLException {
        if (!H2CommitDelay.isH2File(c.getMetaData().getURL())) {
            return; // in memory: nothing survives a restart anyway (tests)
        }
        String delay = setting(c, "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'");
        if (!"0".equals(delay)) {
            throw new IllegalStateException("The H2 database writes commits to its file up to " + delay + " ms after "
                    + "they return (WRITE_DELAY=" + delay + "), so an answer the gateway gives could be lost if the "
                    + "process dies. Remove WRITE_DELAY from spring.datasource.url (the gateway then adds "
                    + "WRITE_DELAY=0), or set WRITE_DELAY=0.");
        }
    }

    private static void checkPostgres(Connection c) throws SQLException {
        String synchronousCommit = setting(c, "SHOW synchronous_commit");
        if ("off".equalsIgnoreCase(synchronousCommit)) {
            throw new IllegalStateException("PostgreSQL runs the gateway's sessions with synchronous_commit = off: a "
                    + "commit returns before it is flushed, so a change the gateway acknowledged could be lost in a "
                    + "database crash. Set synchronous_commit to on (or local, remote_write, remote_apply) for the "
                    + "gateway's database user, its database or the server.");
        }
        if ("off".equalsIgnoreCase(setting(c, "SHOW fsync"))) {
            log.warn("PostgreSQL runs with fsync = off: what the gateway acknowledges survives the gateway's crash, "
                    + "not a crash of the database's machine");
        }
    }

    private static String setting(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
