package com.carriergateway.core.background;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a job on its own daemon thread whenever it is woken; wakes that arrive while a run is queued coalesce, a
 * wake during a run queues exactly one more. Timer routes and commits only wake it, so no Camel exchange (and no
 * shutdown) ever waits on the job's database or HTTP calls.
 */
public final class BackgroundTask implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BackgroundTask.class);

    private final String name;
    private final Runnable job;
    private final ExecutorService thread;
    private final AtomicBoolean queued = new AtomicBoolean();

    public BackgroundTask(String name, Runnable job) {
        this.name = name;
        this.job = job;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    public void wake() {
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        try {
            thread.execute(() -> {
                queued.set(false);
                run();
            });
        } catch (RejectedExecutionException e) {
            queued.set(false); // shutting down
        }
    }

    private void run() {
        try {
            job.run();
        } catch (RuntimeException e) {
            // the database is the likely cause; whatever was claimed comes back after its lease
            log.warn("{} round failed: {}", name, e.getClass().getName());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
