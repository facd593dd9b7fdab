package com.carriergateway.app.database;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an H2 file database from growing without bound once every commit is written as it happens.
 *
 * <p>Why: with {@code WRITE_DELAY=0} ({@link H2CommitDelay}) H2 writes each commit as a new chunk of its file and
 * stops the background thread that, with a write delay, also compacts the file. Nothing then reclaims chunks that
 * still hold a few live pages: measured with the gateway's tables, the file grew by about 9 KB per commit (186 MB
 * for 10,000 orders in a minute, 4 GB in 40 s at full speed; the benchmark's gateway reached 5.9 GB), where the data
 * itself is a few hundred bytes an order. This task does what H2's own background thread would: every
 * {@code interval} it lets H2 compact the file for at most {@code maxTime} (H2's own close-time budget is 200 ms).
 * Measured the same way: 14 MB for the 10,000 orders, 363 MB instead of 4 GB at full speed.
 *
 * <p>It reaches H2's store through H2's embedded session ({@code org.h2.engine}), which is H2's internal API: the H2
 * version is the one Spring Boot manages, and {@code H2FileCompactionTest} fails if that API changes. A failed
 * compaction is logged and tried again at the next interval; it never affects a request.
 */
public final class H2FileCompaction implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(H2FileCompaction.class);

    private final DataSource dataSource;
    private final int maxTimeMs;
    private final ScheduledExecutorService timer;

    public H2FileCompaction(DataSource dataSource, Duration interval, Duration maxTime) {
        this.dataSource = dataSource;
        this.maxTimeMs = (int) Math.max(1, maxTime.toMillis());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "h2-compaction");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1000, interval.toMillis());
        timer.scheduleWithFixedDelay(this::compact, every, every, TimeUnit.MILLISECONDS);
    }

    /** One compaction run of at most {@code maxTime}; public for the test. */
    public void compact() {
        try (Connection c = dataSource.getConnection()) {
            SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
            session.getDatabase().getStore().compactFile(maxTimeMs);
        } catch (Exception | LinkageError e) {
            log.warn("H2 file compaction failed ({}); trying again later", e.getClass().getName());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
