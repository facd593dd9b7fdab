package com.carriergateway.app;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A gateway started as operators start it, {@code java -jar carrier-gateway.jar}, in its own process: the
 * packaged jar of this build, demo profile (its own sandboxes on free ports), the database and the pharmacy's
 * callback URL given on the command line. Its output goes to {@code target/it-logs/<name>.log}.
 */
final class GatewayProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "carrier-gateway.jar").toAbsolutePath();

    final String name;
    final int port;
    private final List<String> args;
    private final Path log;
    private final Path workingDirectory;
    private Process process;

    /** A gateway on the PostgreSQL database at {@code databaseUrl} (user postgres, no password). */
    GatewayProcess(String name, String databaseUrl, List<String> extraArgs) {
        this(name, null, databaseArgs(databaseUrl), extraArgs, freePort());
    }

    /**
     * A gateway as the README runs it: the default database (an H2 file under {@code ./data}), here in
     * {@code workingDirectory}; a second process started in the same folder opens the same database.
     */
    static GatewayProcess onDefaultDatabase(String name, Path workingDirectory, List<String> extraArgs) {
        return onDefaultDatabase(name, workingDirectory, extraArgs, freePort());
    }

    /** As {@link #onDefaultDatabase(String, Path, List)}, on a given port (a restart where callers keep calling). */
    static GatewayProcess onDefaultDatabase(String name, Path workingDirectory, List<String> extraArgs, int port) {
        return new GatewayProcess(name, workingDirectory, List.of(), extraArgs, port);
    }

    private GatewayProcess(String name, Path workingDirectory, List<String> databaseArgs, List<String> extraArgs,
                           int port) {
        this.name = name;
        this.port = port;
        this.workingDirectory = workingDirectory;
        this.log = Path.of("target", "it-logs", name + ".log").toAbsolutePath();
        List<String> a = new ArrayList<>(List.of("--server.port=" + port));
        a.addAll(databaseArgs);
        a.addAll(List.of(
                "--gateway.sandbox.ports.pitney-bowes=0",
                "--gateway.sandbox.ports.connect=0",
                "--gateway.sandbox.ports.bestrx=0",
                "--gateway.sandbox.ports.uber-direct=0"));
        a.addAll(extraArgs);
        this.args = List.copyOf(a);
    }

    private static List<String> databaseArgs(String databaseUrl) {
        return List.of(
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=10");
    }

    GatewayProcess start() {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run mvn verify (package first)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Duser.timezone=UTC",
                "-jar", JAR.toString()));
        command.addAll(args);
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            if (workingDirectory != null) {
                builder.directory(workingDirectory.toFile());
            }
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
        return this;
    }

    /** Waits until the gateway says it is ready for traffic (its readiness probe). */
    GatewayProcess awaitUp(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " did not come up within " + timeout + "; see " + log);
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no graceful anything, as when a machine dies. */
    void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** SIGKILL, without waiting for the process to be gone. */
    void killNow() {
        process.destroyForcibly();
    }

    /** SIGTERM: Spring's graceful shutdown. */
    void stop() {
        process.destroy();
        waitFor();
    }

    /** SIGTERM, without waiting: the graceful shutdown runs while the caller goes on. */
    void stopNow() {
        process.destroy();
    }

    /** Waits for the process to end after {@link #killNow} or {@link #stopNow}. */
    void awaitExit() {
        waitFor();
    }

    private void waitFor() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (alive()) {
            kill();
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + "@" + port + " (log " + log + ")";
    }
}
