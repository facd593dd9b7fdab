import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Carrier Gateway benchmark's load driver: JDK only, run as a single-file program
 * ({@code java LoadDriver.java run --key=value ...}); {@code run-benchmark.sh} starts the processes and calls it.
 *
 * <p>Why raw sockets: the ceiling (load straight at the Pitney Bowes stub) must measure the stub, not the client.
 * Each connection is one platform thread doing blocking HTTP/1.1 keep-alive exchanges on its own socket: 0.05–0.07 ms
 * of CPU per request, where the JDK HttpClient (selector thread, CompletableFuture hops) cost 1.1–1.3 ms and halved
 * the measured ceiling, on a machine whose two cores the driver shares with everything it measures.
 *
 * <p>Phases, in one run: warm-up (both sides), (a) closed-loop CreateOrder at the PB stub, (b) closed-loop BestRx
 * CreateOrder at the gateway, (b') the same load under a JFR recording (not counted), (c) open-loop at a fixed rate,
 * direct then gateway, latency from the intended send time, (d) PB tracking webhooks into the gateway and the
 * UpdateOrderStatus callbacks arriving at the BestRx stub. Then the figures table with the floors, PASS/FAIL.
 *
 * <p>{@code java LoadDriver.java profile <recording.jfr> [top]} prints the hot frames of a JFR recording.
 */
public class LoadDriver {

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("profile")) {
            JfrProfile.print(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 25, System.out);
            return;
        }
        if (args.length == 5 && args[0].equals("bestrx-stub")) {
            BestRxCallbackStub.serve(Integer.parseInt(args[1]), args[2], args[3], Integer.parseInt(args[4]));
            return;
        }
        if (args.length == 0 || !args[0].equals("run")) {
            System.err.println("usage: java LoadDriver.java run --key=value ... | profile <file.jfr> [top]"
                    + " | bestrx-stub <port> <username> <password> <backlog>");
            System.exit(2);
        }
        // 0: every floor passes, 1: a floor fails, 2: the driver itself failed
        try {
            Benchmark bench = new Benchmark(Options.parse(Arrays.copyOfRange(args, 1, args.length)));
            System.exit(bench.run() ? 0 : 1);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(2);
        }
    }
}

/** {@code --key=value} options with defaults; every key the driver reads is listed in {@link #DEFAULTS}. */
final class Options {

    static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("pb-url", "");                  // PB stub, e.g. http://127.0.0.1:18091
        DEFAULTS.put("gateway-url", "");             // the gateway, e.g. http://127.0.0.1:18080
        DEFAULTS.put("bestrx-url", "");              // BestRx callback stub (BestRxCallbackStub, counting)
        DEFAULTS.put("pharmacy-id", "");
        DEFAULTS.put("api-key", "");
        DEFAULTS.put("api-secret", "");
        DEFAULTS.put("seed", "");                    // BestRx CreateOrder seed JSON
        DEFAULTS.put("pb-body", "");                 // PB Create an Order body with ${clientOrderId}, ${createDate}
        DEFAULTS.put("gateway-pid", "0");
        DEFAULTS.put("pb-pid", "0");
        DEFAULTS.put("bestrx-pid", "0");
        DEFAULTS.put("pg-pid", "0");
        DEFAULTS.put("pg-url", "");                  // JDBC URL (superuser) for a CHECKPOINT before each phase; empty = none
        DEFAULTS.put("clk-tck", "100");
        DEFAULTS.put("warmup-direct", "10");          // seconds, at least; then on while throughput still grows
        DEFAULTS.put("warmup-gateway", "40");
        DEFAULTS.put("warmup-max", "300");            // seconds, at most, per side
        DEFAULTS.put("warmup-jit-share", "0.03");     // on while the JIT compilers use more of the process's CPU
        DEFAULTS.put("warmup-slice", "10");
        DEFAULTS.put("duration", "30");               // each closed-loop measurement
        DEFAULTS.put("direct-connections", "16");
        DEFAULTS.put("gateway-connections", "16");
        DEFAULTS.put("profile-duration", "20");       // JFR phase; 0 = no profile
        DEFAULTS.put("jfr-file", "");
        DEFAULTS.put("jfr-settings", "profile");      // a .jfc file or a JDK settings name
        DEFAULTS.put("settle", "3");                  // seconds of quiet between phases, at least
        DEFAULTS.put("settle-max", "30");             // then up to this long more, until the gateway is idle
        DEFAULTS.put("rate", "200");                  // open-loop requests/s
        DEFAULTS.put("open-duration", "30");
        DEFAULTS.put("open-connections", "64");
        DEFAULTS.put("webhook-path", "");             // e.g. /webhooks/pitney-bowes; empty = pipeline not available
        DEFAULTS.put("webhook-auth", "");             // the Authorization header PB would send, if any
        DEFAULTS.put("webhook-orders", "5000");       // booked orders whose tracking events are measured
        DEFAULTS.put("webhook-profile-orders", "1000"); // more orders, for (d') under JFR (not counted)
        DEFAULTS.put("webhook-warmup-orders", "2000"); // orders whose events warm the status pipeline up first (not counted)
        DEFAULTS.put("jfr-file-status", "");          // JFR recording of (d'); empty = no (d')
        DEFAULTS.put("webhook-events", "OFD,DLD");    // PB standardized event codes sent per order, in order
        DEFAULTS.put("callback-codes", "6,8");        // the BestRx status_code those events become (default table)
        DEFAULTS.put("webhook-connections", "8");
        DEFAULTS.put("webhook-settle", "20");         // seconds without a new callback before counting stops
        DEFAULTS.put("results", "");                  // file for the figures table (markdown)
        DEFAULTS.put("floor-throughput-ratio", "0.15");
        DEFAULTS.put("floor-added-p99-ms", "10");
        DEFAULTS.put("floor-callbacks-per-s", "500");
        DEFAULTS.put("floor-rss-mb", "600");
    }

    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    static Options parse(String[] args) {
        Map<String, String> v = new LinkedHashMap<>(DEFAULTS);
        for (String a : args) {
            if (!a.startsWith("--") || !a.contains("=")) {
                throw new IllegalArgumentException("expected --key=value, got " + a);
            }
            String key = a.substring(2, a.indexOf('='));
            if (!DEFAULTS.containsKey(key)) {
                throw new IllegalArgumentException("unknown option --" + key + "; known: " + DEFAULTS.keySet());
            }
            v.put(key, a.substring(a.indexOf('=') + 1));
        }
        return new Options(v);
    }

    String str(String key) {
        return values.get(key);
    }

    String required(String key) {
        String s = values.get(key);
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return s;
    }

    int integer(String key) {
        return Integer.parseInt(values.get(key).trim());
    }

    double decimal(String key) {
        return Double.parseDouble(values.get(key).trim());
    }
}

/** One HTTP/1.1 endpoint: host, port and the Host header. */
record Endpoint(String host, int port) {
    static Endpoint of(String url) {
        URI u = URI.create(url);
        return new Endpoint(u.getHost(), u.getPort() < 0 ? 80 : u.getPort());
    }

    String hostHeader() {
        return host + ":" + port;
    }
}

/** A request ready to write: the head (request line + headers, Content-Length included) and the body. */
record WireRequest(byte[] head, byte[] body) {

    static WireRequest post(Endpoint e, String path, Map<String, String> headers, byte[] body) {
        StringBuilder h = new StringBuilder(256).append("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(e.hostHeader()).append("\r\n");
        headers.forEach((k, v) -> h.append(k).append(": ").append(v).append("\r\n"));
        h.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        return new WireRequest(h.toString().getBytes(StandardCharsets.US_ASCII), body);
    }
}

/** What came back: status and, when asked for, the body. */
record WireResponse(int status, byte[] body) {
    String text() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }
}

/**
 * One keep-alive HTTP/1.1 connection with blocking I/O: Content-Length and chunked answers, reconnects after a
 * {@code Connection: close} or a failure. Not thread-safe: one per worker thread.
 */
final class Connection implements Closeable {

    private final Endpoint endpoint;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int lim;

    Connection(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    WireResponse exchange(WireRequest r, boolean keepBody) throws IOException {
        if (socket == null) {
            open();
        }
        try {
            out.write(r.head());
            out.write(r.body());
            out.flush();
            return read(keepBody);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setKeepAlive(true);
        socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), 5_000);
        socket.setSoTimeout(60_000);
        in = socket.getInputStream();
        out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        pos = 0;
        lim = 0;
    }

    private WireResponse read(boolean keepBody) throws IOException {
        String statusLine = line();
        while (statusLine.isEmpty()) {
            statusLine = line();
        }
        if (!statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = statusLine.startsWith("HTTP/1.0");
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = h.substring(0, colon).trim();
            String value = h.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                close = value.equalsIgnoreCase("close");
            }
        }
        java.io.ByteArrayOutputStream body = keepBody ? new java.io.ByteArrayOutputStream(1024) : null;
        if (chunked) {
            while (true) {
                String size = line();
                int semi = size.indexOf(';');
                long n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                if (n == 0) {
                    while (!line().isEmpty()) {
                        // trailers
                    }
                    break;
                }
                copy(n, body);
                line();
            }
        } else if (length >= 0) {
            copy(length, body);
        } else if (status != 204 && status != 304 && status >= 200) {
            close = true; // body until close: read what is there and drop the connection
        }
        if (close) {
            close();
        }
        return new WireResponse(status, body == null ? null : body.toByteArray());
    }

    private void copy(long n, java.io.ByteArrayOutputStream to) throws IOException {
        while (n > 0) {
            if (pos == lim) {
                fill();
            }
            int take = (int) Math.min(n, lim - pos);
            if (to != null) {
                to.write(buf, pos, take);
            }
            pos += take;
            n -= take;
        }
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder(64);
        while (true) {
            if (pos == lim) {
                fill();
            }
            byte b = buf[pos++];
            if (b == '\n') {
                int len = sb.length();
                if (len > 0 && sb.charAt(len - 1) == '\r') {
                    sb.setLength(len - 1);
                }
                return sb.toString();
            }
            sb.append((char) (b & 0xff));
        }
    }

    private void fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n < 0) {
            throw new IOException("connection closed by the server");
        }
        pos = 0;
        lim = n;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
        socket = null;
    }
}

/** A growable array of latencies in nanoseconds, one per worker thread (no sharing on the hot path). */
final class Samples {
    long[] values = new long[4096];
    int size;

    void add(long v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    static long[] merge(List<Samples> parts) {
        int n = parts.stream().mapToInt(s -> s.size).sum();
        long[] all = new long[n];
        int at = 0;
        for (Samples s : parts) {
            System.arraycopy(s.values, 0, all, at, s.size);
            at += s.size;
        }
        Arrays.sort(all);
        return all;
    }
}

/** The outcome of one load phase. */
record PhaseResult(String name, long ok, long errors, double seconds, long[] sortedLatencyNs, String firstError,
                   CpuUse cpu, long maxSendLagNs) {

    double throughput() {
        return ok / seconds;
    }

    double percentileMs(double p) {
        if (sortedLatencyNs.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sortedLatencyNs.length) - 1;
        return sortedLatencyNs[Math.max(0, Math.min(i, sortedLatencyNs.length - 1))] / 1e6;
    }

    double maxMs() {
        return sortedLatencyNs.length == 0 ? Double.NaN : sortedLatencyNs[sortedLatencyNs.length - 1] / 1e6;
    }
}

/** CPU seconds used during a phase by each process we started, and by the whole machine. */
record CpuUse(Map<String, Double> seconds, double machineBusySeconds, double wallSeconds, int cores) {

    double ours() {
        return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** CPU used by processes that are not part of the benchmark: the noise. */
    double othersPercentOfMachine() {
        return 100.0 * Math.max(0, machineBusySeconds - ours()) / (wallSeconds * cores);
    }

    double machineBusyPercent() {
        return 100.0 * machineBusySeconds / (wallSeconds * cores);
    }
}

/** Reads /proc: process CPU (utime + stime, children of PostgreSQL's postmaster included), machine CPU, RSS. */
final class ProcStats {

    private final Map<String, Long> pids;
    private final double clkTck;

    ProcStats(Map<String, Long> pids, double clkTck) {
        this.pids = pids;
        this.clkTck = clkTck;
    }

    final class Snapshot {
        final long nanos = System.nanoTime();
        final Map<String, Double> cpu = new LinkedHashMap<>();
        final double machineBusy = machineBusySeconds();

        Snapshot() {
            pids.forEach((name, pid) -> {
                if (pid > 0) {
                    cpu.put(name, name.equals("postgres") ? treeCpuSeconds(pid) : cpuSeconds(pid));
                }
            });
            cpu.put("driver", cpuSeconds(ProcessHandle.current().pid()));
        }

        CpuUse until(Snapshot end) {
            Map<String, Double> used = new LinkedHashMap<>();
            cpu.forEach((k, v) -> used.put(k, Math.max(0, end.cpu.getOrDefault(k, v) - v)));
            return new CpuUse(used, end.machineBusy - machineBusy, (end.nanos - nanos) / 1e9,
                    Runtime.getRuntime().availableProcessors());
        }
    }

    Snapshot snapshot() {
        return new Snapshot();
    }

    double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / clkTck;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** CPU of the process's JIT compiler threads ("C1/C2 CompilerThread"). */
    double compilerCpuSeconds(long pid) {
        double total = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    if (!Files.readString(t.resolve("comm")).contains("CompilerThre")) {
                        continue;
                    }
                    String stat = Files.readString(t.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    total += (Long.parseLong(f[11]) + Long.parseLong(f[12])) / clkTck;
                } catch (IOException | RuntimeException e) {
                    // the thread ended
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return total;
    }

    /** A process and its direct children (PostgreSQL: the postmaster and its backends). */
    double treeCpuSeconds(long pid) {
        double total = cpuSeconds(pid);
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                String name = d.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(d.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (Long.parseLong(f[1]) == pid) {
                        total += (Long.parseLong(f[11]) + Long.parseLong(f[12])) / clkTck;
                    }
                } catch (IOException | RuntimeException ignored) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException ignored) {
            // no /proc
        }
        return total;
    }

    double machineBusySeconds() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = cpu.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i <= Math.min(8, f.length - 1); i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return (total - idle) / clkTck;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** VmRSS and VmHWM (peak resident set) of a process, in kB; -1 when unknown. */
    static long[] memoryKb(long pid) {
        long rss = -1;
        long hwm = -1;
        try {
            for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (l.startsWith("VmRSS:")) {
                    rss = Long.parseLong(l.replaceAll("\\D", ""));
                } else if (l.startsWith("VmHWM:")) {
                    hwm = Long.parseLong(l.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // the process is gone
        }
        return new long[] {rss, hwm};
    }
}

/** Samples the gateway's resident set every 200 ms; the peak is the larger of the sampled max and VmHWM. */
final class RssMonitor implements AutoCloseable {
    private final long pid;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long maxRssKb = -1;
    private volatile long hwmKb = -1;

    RssMonitor(long pid) {
        this.pid = pid;
        this.thread = new Thread(() -> {
            while (running) {
                sample();
                LockSupport.parkNanos(200_000_000L);
            }
        }, "rss-monitor");
        thread.setDaemon(true);
        if (pid > 0) {
            thread.start();
        }
    }

    private void sample() {
        long[] m = ProcStats.memoryKb(pid);
        maxRssKb = Math.max(maxRssKb, m[0]);
        hwmKb = Math.max(hwmKb, m[1]);
    }

    long peakKb() {
        sample();
        return Math.max(maxRssKb, hwmKb);
    }

    long nowKb() {
        return ProcStats.memoryKb(pid)[0];
    }

    @Override
    public void close() {
        running = false;
    }
}

/** Makes the requests: PB Create an Order at the stub, BestRx CreateOrder at the gateway, PB tracking webhooks. */
final class Requests {

    private static final DateTimeFormatter PB_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final char[] ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final Pattern UNIQUE_ID = Pattern.compile("\"bestrx_unique_order_id\"\\s*:\\s*\"?\\d+\"?");
    private static final Pattern PHARMACY_ID = Pattern.compile("(\"bestrx_pharmacy_id\"\\s*:\\s*\")[^\"]*(\")");

    private final Endpoint pb;
    private final Endpoint gateway;
    private final String[] pbBody;      // split around ${clientOrderId} and ${createDate}
    private final String[] bestrxBody;  // split around the unique order id
    private final String basicAuth;
    private volatile String pbToken;
    /** Distinct per run, so a rerun against a kept database books new orders. */
    private final long idBase = (System.currentTimeMillis() / 1000 % 100_000) * 100_000_000L;
    private final AtomicLong nextId = new AtomicLong();

    Requests(Options o) throws IOException {
        this.pb = o.str("pb-url").isBlank() ? null : Endpoint.of(o.str("pb-url"));
        this.gateway = o.str("gateway-url").isBlank() ? null : Endpoint.of(o.str("gateway-url"));
        String pbTemplate = Files.readString(Path.of(o.required("pb-body"))).trim();
        if (!pbTemplate.contains("${clientOrderId}") || !pbTemplate.contains("${createDate}")) {
            throw new IllegalArgumentException("the PB body needs ${clientOrderId} and ${createDate}");
        }
        int a = pbTemplate.indexOf("${clientOrderId}");
        int b = pbTemplate.indexOf("${createDate}");
        if (a > b) {
            throw new IllegalArgumentException("the PB body must have ${clientOrderId} before ${createDate}");
        }
        this.pbBody = new String[] {pbTemplate.substring(0, a),
                pbTemplate.substring(a + "${clientOrderId}".length(), b),
                pbTemplate.substring(b + "${createDate}".length())};
        String seed = Files.readString(Path.of(o.required("seed")));
        seed = PHARMACY_ID.matcher(seed).replaceFirst("$1" + Matcher.quoteReplacement(o.required("pharmacy-id")) + "$2");
        Matcher m = UNIQUE_ID.matcher(seed);
        if (!m.find()) {
            throw new IllegalArgumentException("the seed has no bestrx_unique_order_id");
        }
        this.bestrxBody = new String[] {seed.substring(0, m.start()) + "\"bestrx_unique_order_id\":",
                seed.substring(m.end())};
        this.basicAuth = "Basic " + Base64.getEncoder().encodeToString(
                (o.required("api-key") + ":" + o.required("api-secret")).getBytes(StandardCharsets.UTF_8));
    }

    /** A Bearer token from the PB stub's OAuth endpoint, as the adapter gets one. */
    void fetchPbToken() throws IOException {
        try (Connection c = new Connection(pb)) {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    "bench-pb-key:bench-pb-secret".getBytes(StandardCharsets.UTF_8)));
            h.put("Content-Type", "application/x-www-form-urlencoded");
            h.put("Accept", "application/json");
            WireResponse r = c.exchange(WireRequest.post(pb, "/oauth/token", h,
                    "grant_type=client_credentials".getBytes(StandardCharsets.US_ASCII)), true);
            Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.text());
            if (r.status() != 200 || !m.find()) {
                throw new IOException("the PB stub gave no token: HTTP " + r.status());
            }
            pbToken = m.group(1);
        }
    }

    /** The Create an Order call exactly as the PB adapter sends it (headers included), with a fresh clientOrderId. */
    WireRequest pbCreateOrder() {
        String body = pbBody[0] + "BENCH-" + (idBase + nextId.incrementAndGet()) + pbBody[1]
                + PB_TIME.format(Instant.now()) + pbBody[2];
        Map<String, String> h = new LinkedHashMap<>();
        h.put("User-Agent", "Java-http-client/17");
        h.put("Accept", "application/json");
        h.put("Authorization", "Bearer " + pbToken);
        h.put("Content-Type", "application/json");
        h.put("X-PB-TransactionId", transactionId());
        return WireRequest.post(pb, "/shippingservices/fulfillment/v1/orders", h, body.getBytes(StandardCharsets.UTF_8));
    }

    /** BestRx's published CreateOrder, for the benchmark pharmacy, with a fresh bestrx_unique_order_id. */
    WireRequest gatewayCreateOrder() {
        String body = bestrxBody[0] + (idBase + nextId.incrementAndGet()) + bestrxBody[1];
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", basicAuth);
        h.put("Content-Type", "application/json");
        h.put("Accept", "application/json");
        return WireRequest.post(gateway, "/Order/CreateOrder", h, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A PB tracking webhook: an array with one event for {@code trackingNumber}, in the shape PB documents
     * ({@code StandardizedEventCode} …) plus the assumed scan fields the PB adapter reads.
     */
    WireRequest pbTrackingWebhook(String path, String authorization, String trackingNumber, String code, int seq,
                                  Instant at) {
        String when = at.atOffset(ZoneOffset.UTC).toString(); // e.g. 2026-11-23T19:40:12.345Z
        String body = "[{\"trackingNumber\":\"" + trackingNumber + "\",\"carrier\":\"USPS\",\"eventCode\":\"" + code
                + "\",\"eventDescription\":\"" + describe(code) + "\",\"StandardizedEventCode\":\"" + code
                + "\",\"StandardizedEventDescription\":\"" + describe(code) + "\",\"eventDate\":\""
                + when.substring(0, 10) + "\",\"eventTime\":\"" + when.substring(11, 19)
                + "\",\"eventTimeOffset\":\"+00:00\",\"eventId\":\"bench-" + trackingNumber + "-" + code + "\"}]";
        Map<String, String> h = new LinkedHashMap<>();
        if (!authorization.isBlank()) {
            h.put("Authorization", authorization);
        }
        h.put("Content-Type", "application/json");
        h.put("X-PB-ReferenceId", "bench-" + seq + "-" + trackingNumber);
        return WireRequest.post(gateway, path, h, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String describe(String code) {
        return switch (code) {
            case "OFD" -> "Out for delivery";
            case "DLD" -> "Delivered";
            case "DAT" -> "Delivery attempted";
            case "INT", "ITR" -> "In transit";
            default -> code;
        };
    }

    private static String transactionId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        char[] c = new char[24];
        for (int i = 0; i < c.length; i++) {
            c[i] = ALNUM[r.nextInt(ALNUM.length)];
        }
        return new String(c);
    }
}

/** Closed-loop and open-loop load over N keep-alive connections, one thread each. */
final class Load {

    interface Check {
        /** Null when the answer is a success, else a short reason. */
        String problem(WireResponse r);
    }

    interface OnSuccess {
        void accept(WireResponse r);
    }

    /** Every connection sends its next request as soon as the previous answer is in, for {@code seconds}. */
    static PhaseResult closed(String name, Endpoint target, int connections, double seconds,
                              java.util.function.Supplier<WireRequest> requests, Check check, OnSuccess onSuccess,
                              ProcStats proc) throws InterruptedException {
        List<Samples> samples = new ArrayList<>();
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong lastEnd = new AtomicLong();
        ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
        ProcStats.Snapshot before = proc.snapshot();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Samples s = new Samples();
            samples.add(s);
            Thread t = new Thread(() -> {
                try (Connection c = new Connection(target)) {
                    while (System.nanoTime() < deadline) {
                        WireRequest r = requests.get();
                        long t0 = System.nanoTime();
                        try {
                            WireResponse resp = c.exchange(r, true);
                            long t1 = System.nanoTime();
                            String p = check.problem(resp);
                            if (p == null) {
                                s.add(t1 - t0);
                                ok.incrementAndGet();
                                if (onSuccess != null) {
                                    onSuccess.accept(resp);
                                }
                            } else {
                                errors.incrementAndGet();
                                if (firstErrors.size() < 3) {
                                    firstErrors.add(p);
                                }
                            }
                            lastEnd.accumulateAndGet(t1, Math::max);
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            if (firstErrors.size() < 3) {
                                firstErrors.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                            }
                            LockSupport.parkNanos(1_000_000);
                        }
                    }
                }
            }, name + "-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long end = Math.max(lastEnd.get(), deadline);
        CpuUse cpu = before.until(proc.snapshot());
        return new PhaseResult(name, ok.get(), errors.get(), (end - start) / 1e9, Samples.merge(samples),
                firstErrors.peek(), cpu, 0);
    }

    /**
     * Open loop: request i is due at start + i/rate whatever happened before (so a slow answer delays no later
     * request's schedule), and its latency is measured from that intended time, not from when a connection
     * was free to send it: queueing behind a stall counts, as it would for BestRx (no coordinated omission).
     */
    static PhaseResult open(String name, Endpoint target, int connections, double rate, double seconds,
                            java.util.function.Supplier<WireRequest> requests, Check check, ProcStats proc)
            throws InterruptedException {
        long total = (long) (rate * seconds);
        double intervalNs = 1e9 / rate;
        List<Samples> samples = new ArrayList<>();
        AtomicLong next = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong maxLag = new AtomicLong();
        ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
        ProcStats.Snapshot before = proc.snapshot();
        long start = System.nanoTime() + 50_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Samples s = new Samples();
            samples.add(s);
            Thread t = new Thread(() -> {
                try (Connection c = new Connection(target)) {
                    for (long n = next.getAndIncrement(); n < total; n = next.getAndIncrement()) {
                        long intended = start + (long) (n * intervalNs);
                        WireRequest r = requests.get();
                        for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
                            LockSupport.parkNanos(wait);
                        }
                        long sent = System.nanoTime();
                        maxLag.accumulateAndGet(sent - intended, Math::max);
                        try {
                            WireResponse resp = c.exchange(r, true);
                            long t1 = System.nanoTime();
                            String p = check.problem(resp);
                            if (p == null) {
                                s.add(t1 - intended);
                                ok.incrementAndGet();
                            } else {
                                errors.incrementAndGet();
                                if (firstErrors.size() < 3) {
                                    firstErrors.add(p);
                                }
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            if (firstErrors.size() < 3) {
                                firstErrors.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                            }
                        }
                    }
                }
            }, name + "-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        CpuUse cpu = before.until(proc.snapshot());
        return new PhaseResult(name, ok.get(), errors.get(), elapsed, Samples.merge(samples), firstErrors.peek(),
                cpu, maxLag.get());
    }
}

/** Phase (d): tracking webhooks in, UpdateOrderStatus callbacks out, counted by the BestRx stub. */
record CallbackResult(String state, long webhooksSent, long webhookErrors, double webhookSeconds, long expected,
                      long delivered, double seconds, double peakPerSecond, String firstError, CpuUse cpu,
                      long duplicates, long reorders) {

    double perSecond() {
        return seconds <= 0 ? Double.NaN : delivered / seconds;
    }
}

/** Runs the phases and prints the figures. */
final class Benchmark {

    private final Options o;
    private final PrintStream out = System.out;

    Benchmark(Options o) {
        this.o = o;
    }

    boolean run() throws Exception {
        Endpoint pb = Endpoint.of(o.required("pb-url"));
        Endpoint gateway = Endpoint.of(o.required("gateway-url"));
        long gatewayPid = Long.parseLong(o.str("gateway-pid"));
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("gateway", gatewayPid);
        pids.put("pb-stub", Long.parseLong(o.str("pb-pid")));
        pids.put("bestrx-stub", Long.parseLong(o.str("bestrx-pid")));
        pids.put("postgres", Long.parseLong(o.str("pg-pid")));
        ProcStats proc = new ProcStats(pids, o.decimal("clk-tck"));
        Requests requests = new Requests(o);
        requests.fetchPbToken();
        Load.Check pbCreated = r -> r.status() == 201 ? null : "PB stub HTTP " + r.status();
        Load.Check gatewayOk = r -> r.status() == 200 && r.text().contains("\"request_is_valid\":\"true\"") ? null
                : "gateway HTTP " + r.status() + " " + firstMessageCode(r.text());
        ConcurrentLinkedQueue<String> trackingIds = new ConcurrentLinkedQueue<>();
        AtomicInteger trackingCount = new AtomicInteger();
        boolean profileStatus = !o.str("jfr-file-status").isBlank() && gatewayPid > 0
                && o.integer("webhook-profile-orders") > 0;
        int warmupTracking = o.integer("webhook-warmup-orders");
        int wantTracking = warmupTracking + o.integer("webhook-orders")
                + (profileStatus ? o.integer("webhook-profile-orders") : 0);
        Load.OnSuccess keepTracking = r -> {
            if (trackingCount.get() < wantTracking) {
                String t = jsonString(r.text(), "tracking_id");
                if (t != null && trackingCount.incrementAndGet() <= wantTracking) {
                    trackingIds.add(t);
                }
            }
        };

        String machine = machineInfo();
        ProcStats.Snapshot idle0 = proc.snapshot();
        Thread.sleep(2000);
        CpuUse idle = idle0.until(proc.snapshot());
        out.printf("%s%nbackground CPU before the run (2 s, nothing driven): %.0f%% of the machine%n", machine,
                idle.othersPercentOfMachine());

        try (RssMonitor rss = new RssMonitor(gatewayPid)) {
            int dc = o.integer("direct-connections");
            int gc = o.integer("gateway-connections");
            double d = o.decimal("duration");
            warmUp("PB stub", Long.parseLong(o.str("pb-pid")), pb, dc, o.decimal("warmup-direct"),
                    requests::pbCreateOrder, pbCreated, proc);
            warmUp("gateway", gatewayPid, gateway, gc, o.decimal("warmup-gateway"), requests::gatewayCreateOrder,
                    gatewayOk, proc);
            settle(proc);
            step("(a) closed loop at the PB stub: %d connections, %.0f s", dc, d);
            PhaseResult direct = report(Load.closed("direct", pb, dc, d, requests::pbCreateOrder, pbCreated, null, proc));
            settle(proc);
            step("(b) closed loop at the gateway: %d connections, %.0f s", gc, d);
            PhaseResult viaGateway = report(Load.closed("gateway", gateway, gc, d, requests::gatewayCreateOrder,
                    gatewayOk, keepTracking, proc));

            PhaseResult profiled = null;
            String jfr = o.str("jfr-file");
            if (o.integer("profile-duration") > 0 && !jfr.isBlank() && gatewayPid > 0) {
                settle(proc);
                step("(b') profile: the same load for %d s under a JFR recording (not counted)",
                        o.integer("profile-duration"));
                jcmd(gatewayPid, "JFR.start", "name=bench", "settings=" + o.str("jfr-settings"));
                profiled = report(Load.closed("gateway (JFR on)", gateway, gc, o.decimal("profile-duration"),
                        requests::gatewayCreateOrder, gatewayOk, keepTracking, proc));
                jcmd(gatewayPid, "JFR.stop", "name=bench", "filename=" + Path.of(jfr).toAbsolutePath());
            }

            double rate = o.decimal("rate");
            int oc = o.integer("open-connections");
            double od = o.decimal("open-duration");
            settle(proc);
            step("(c) open loop at %.0f req/s, %.0f s each: PB stub, then gateway", rate, od);
            PhaseResult directOpen = report(Load.open("direct @" + (int) rate + "/s", pb, oc, rate, od,
                    requests::pbCreateOrder, pbCreated, proc));
            settle(proc);
            PhaseResult gatewayOpen = report(Load.open("gateway @" + (int) rate + "/s", gateway, oc, rate, od,
                    requests::gatewayCreateOrder, gatewayOk, proc));

            List<String> tracked = List.copyOf(trackingIds);
            // the webhook intake and the dispatcher ran no code path before this: warm them up like CreateOrder
            int warm = Math.min(warmupTracking, tracked.size() / 2);
            if (warm > 0 && !o.str("webhook-path").isBlank()) {
                settle(proc);
                step("(d0) warm-up of the status pipeline: %d orders' webhooks (not counted)", warm);
                statusPipeline(requests, tracked.subList(0, warm), proc);
            }
            settle(proc);
            step("(d) status pipeline: PB tracking webhooks in, BestRx callbacks out");
            int measured = Math.min(tracked.size(), warm + o.integer("webhook-orders"));
            CallbackResult callbacks = statusPipeline(requests, tracked.subList(warm, measured), proc);
            if (profileStatus && tracked.size() > measured && callbacks.cpu() != null) {
                settle(proc);
                step("(d') profile: %d more orders' webhooks under a JFR recording (not counted)",
                        tracked.size() - measured);
                jcmd(gatewayPid, "JFR.start", "name=bench-status", "settings=" + o.str("jfr-settings"));
                statusPipeline(requests, tracked.subList(measured, tracked.size()), proc);
                jcmd(gatewayPid, "JFR.stop", "name=bench-status",
                        "filename=" + Path.of(o.str("jfr-file-status")).toAbsolutePath());
            }

            long peakKb = rss.peakKb();
            long endKb = rss.nowKb();
            return figures(machine, idle, direct, viaGateway, profiled, directOpen, gatewayOpen, callbacks, peakKb,
                    endKb);
        }
    }

    private CallbackResult statusPipeline(Requests requests, List<String> trackingIds, ProcStats proc)
            throws Exception {
        String path = o.str("webhook-path");
        if (path.isBlank()) {
            out.println("    not run: no --webhook-path (the gateway has no carrier webhook intake yet)");
            return new CallbackResult("NOT AVAILABLE", 0, 0, 0, 0, 0, 0, 0, "no webhook intake", null, 0, 0);
        }
        Endpoint bestrx = Endpoint.of(o.required("bestrx-url"));
        List<String> codes = List.of(o.str("webhook-events").split(","));
        long expected = (long) trackingIds.size() * codes.size();
        if (expected == 0) {
            return new CallbackResult("NO ORDERS", 0, 0, 0, 0, 0, 0, 0, "no booked order to track", null, 0, 0);
        }
        // counted: callbacks carrying the status codes these events become, not any other callback the gateway
        // may send meanwhile
        resetCallbackCounts(bestrx);
        long baseline = callbackCount(bestrx, false);
        ProcStats.Snapshot before = proc.snapshot();
        // one queue of webhooks: every order's first event, then every order's second...; per-order order kept
        List<WireRequest> hooks = new ArrayList<>();
        Instant sentAt = Instant.now();
        for (int seq = 0; seq < codes.size(); seq++) {
            Instant at = sentAt.minusSeconds(60L * (codes.size() - seq));
            for (String t : trackingIds) {
                hooks.add(requests.pbTrackingWebhook(path, o.str("webhook-auth"), t, codes.get(seq).trim(), seq, at));
            }
        }
        AtomicInteger next = new AtomicInteger();
        AtomicLong sent = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
        Endpoint gateway = Endpoint.of(o.required("gateway-url"));
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < o.integer("webhook-connections"); i++) {
            Thread t = new Thread(() -> {
                try (Connection c = new Connection(gateway)) {
                    for (int n = next.getAndIncrement(); n < hooks.size(); n = next.getAndIncrement()) {
                        try {
                            WireResponse r = c.exchange(hooks.get(n), true);
                            if (r.status() / 100 == 2) {
                                sent.incrementAndGet();
                            } else {
                                errors.incrementAndGet();
                                if (firstErrors.size() < 3) {
                                    firstErrors.add("webhook HTTP " + r.status());
                                }
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            if (firstErrors.size() < 3) {
                                firstErrors.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                            }
                        }
                    }
                }
            }, "webhook-" + i);
            threads.add(t);
            t.start();
        }
        // count callbacks while the webhooks go in and until none has arrived for webhook-settle seconds
        long settleNs = (long) (o.decimal("webhook-settle") * 1e9);
        long lastCount = baseline;
        long lastChange = System.nanoTime();
        long webhooksDoneAt = 0;
        double peak = 0;
        long windowStart = System.nanoTime();
        long windowCount = baseline;
        while (true) {
            Thread.sleep(100);
            long now = System.nanoTime();
            long count = callbackCount(bestrx, false);
            if (count != lastCount) {
                lastCount = count;
                lastChange = now;
            }
            if (now - windowStart >= 1_000_000_000L) {
                peak = Math.max(peak, (count - windowCount) / ((now - windowStart) / 1e9));
                windowStart = now;
                windowCount = count;
            }
            if (webhooksDoneAt == 0 && threads.stream().noneMatch(Thread::isAlive)) {
                webhooksDoneAt = now;
            }
            if (lastCount - baseline >= expected && webhooksDoneAt != 0) {
                break;
            }
            if (webhooksDoneAt != 0 && now - lastChange > settleNs) {
                break;
            }
        }
        CpuUse cpu = before.until(proc.snapshot());
        // the polls counted every accepted UpdateOrderStatus; count the expected statuses once, exactly
        long delivered = Math.min(lastCount, callbackCount(bestrx, true)) - baseline;
        Map<String, Long> counts = stubCounts(bestrx);
        double seconds = (lastChange - start) / 1e9;
        CallbackResult r = new CallbackResult(delivered >= expected ? "OK" : "INCOMPLETE", sent.get(), errors.get(),
                (webhooksDoneAt - start) / 1e9, expected, delivered, seconds, peak, firstErrors.peek(), cpu,
                counts.getOrDefault("duplicates", 0L), counts.getOrDefault("reorders", 0L));
        out.printf(Locale.ROOT, "    %d webhooks accepted (%d refused) in %.1f s; %d of %d callbacks in %.1f s = %.0f/s "
                        + "(best 1 s: %.0f/s; %d duplicates, %d reorders)  CPU: machine %.0f%%, not ours %.0f%%%s%n",
                r.webhooksSent(), r.webhookErrors(), r.webhookSeconds(), delivered, expected, seconds, r.perSecond(),
                peak, r.duplicates(), r.reorders(), cpu.machineBusyPercent(), cpu.othersPercentOfMachine(),
                r.firstError() == null ? "" : "; first error: " + r.firstError());
        return r;
    }

    private void resetCallbackCounts(Endpoint bestrx) throws IOException {
        try (Connection c = new Connection(bestrx)) {
            WireResponse r = c.exchange(new WireRequest(("DELETE /__counts HTTP/1.1\r\nHost: "
                    + bestrx.hostHeader() + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII),
                    new byte[0]), false);
            if (r.status() / 100 != 2) {
                throw new IOException("the BestRx stub's counts could not be reset: HTTP " + r.status());
            }
        }
    }

    /** What the BestRx stub counted: {@code accepted}, {@code duplicates}, {@code reorders}, one count per status code. */
    private Map<String, Long> stubCounts(Endpoint bestrx) throws IOException {
        try (Connection c = new Connection(bestrx)) {
            WireResponse r = c.exchange(new WireRequest(("GET /__counts HTTP/1.1\r\nHost: "
                    + bestrx.hostHeader() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), new byte[0]), true);
            if (r.status() != 200) {
                throw new IOException("the BestRx stub's counts did not answer: HTTP " + r.status());
            }
            Map<String, Long> counts = new HashMap<>();
            Matcher m = Pattern.compile("\"([^\"]+)\"\\s*:\\s*(\\d+)").matcher(r.text());
            while (m.find()) {
                counts.put(m.group(1), Long.parseLong(m.group(2)));
            }
            return counts;
        }
    }

    /**
     * UpdateOrderStatus calls the BestRx stub accepted (right Basic credential); exact: only those carrying one of
     * the status codes the webhooks' events become.
     */
    private long callbackCount(Endpoint bestrx, boolean exact) throws IOException {
        Map<String, Long> counts = stubCounts(bestrx);
        if (!exact) {
            return counts.getOrDefault("accepted", 0L);
        }
        long n = 0;
        for (String code : o.str("callback-codes").split(",")) {
            n += counts.getOrDefault("code-" + code.trim(), 0L);
        }
        return n;
    }

    private boolean figures(String machine, CpuUse idle, PhaseResult direct, PhaseResult gw, PhaseResult profiled,
                            PhaseResult directOpen, PhaseResult gatewayOpen, CallbackResult cb, long peakKb,
                            long endKb) throws IOException {
        StringBuilder t = new StringBuilder();
        t.append("## Figures\n\n").append(machine.replace("\n", "  \n")).append("  \n");
        t.append(String.format(Locale.ROOT, "Background CPU before the run: %.0f%% of the machine.%n%n",
                idle.othersPercentOfMachine()));
        t.append("| Run | Connections | Requests OK | Errors | Throughput (req/s) | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) "
                + "| Machine CPU busy | of which not ours |\n");
        t.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        row(t, direct, o.integer("direct-connections"));
        row(t, gw, o.integer("gateway-connections"));
        if (profiled != null) {
            row(t, profiled, o.integer("gateway-connections"));
        }
        row(t, directOpen, o.integer("open-connections"));
        row(t, gatewayOpen, o.integer("open-connections"));
        t.append("\nCPU time per successful request, by process (ms; from /proc, utime + stime):\n\n"
                + "| Run | gateway | PB stub | BestRx stub | PostgreSQL | driver | all |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (PhaseResult p : profiled == null ? List.of(direct, gw, directOpen, gatewayOpen)
                : List.of(direct, gw, profiled, directOpen, gatewayOpen)) {
            t.append(cpuRow(p.name(), p.cpu(), p.ok()));
        }
        if (cb.cpu() != null) {
            t.append(cpuRow("status pipeline (per callback)", cb.cpu(), cb.delivered()));
        }
        t.append("\nOpen-loop latency is measured from each request's intended send time (no coordinated omission); "
                + String.format(Locale.ROOT, "largest send lag behind schedule: direct %.1f ms, gateway %.1f ms.%n%n",
                directOpen.maxSendLagNs() / 1e6, gatewayOpen.maxSendLagNs() / 1e6));

        double ratio = gw.throughput() / direct.throughput();
        double[] ps = {50, 95, 99};
        double[] added = new double[3];
        for (int i = 0; i < 3; i++) {
            added[i] = gatewayOpen.percentileMs(ps[i]) - directOpen.percentileMs(ps[i]);
        }
        t.append("| Figure | Value |\n|---|---:|\n");
        t.append(String.format(Locale.ROOT, "| Gateway / direct throughput | %.1f%% (%.0f / %.0f req/s) |%n",
                100 * ratio, gw.throughput(), direct.throughput()));
        t.append(String.format(Locale.ROOT, "| Added latency at %.0f req/s: p50 / p95 / p99 | %.2f / %.2f / %.2f ms |%n",
                o.decimal("rate"), added[0], added[1], added[2]));
        t.append(String.format(Locale.ROOT, "| Callbacks delivered to BestRx | %s |%n", callbacksText(cb)));
        t.append(String.format(Locale.ROOT, "| Gateway RSS: peak / at end | %.0f / %.0f MB |%n", peakKb / 1024.0,
                endKb / 1024.0));
        t.append(String.format(Locale.ROOT, "| Gateway CPU per CreateOrder (closed loop) | %.2f ms |%n",
                1000 * gw.cpu().seconds().getOrDefault("gateway", 0.0) / Math.max(1, gw.ok())));
        t.append(String.format(Locale.ROOT, "| PB stub CPU per CreateOrder (direct closed loop) | %.2f ms |%n",
                1000 * direct.cpu().seconds().getOrDefault("pb-stub", 0.0) / Math.max(1, direct.ok())));
        t.append("\n| Floor | Required | Measured | Verdict |\n|---|---:|---:|---|\n");
        boolean allPass = true;
        allPass &= floor(t, "Gateway CreateOrder throughput vs direct-to-stub",
                String.format(Locale.ROOT, ">= %.0f%%", 100 * o.decimal("floor-throughput-ratio")),
                String.format(Locale.ROOT, "%.1f%%", 100 * ratio), ratio >= o.decimal("floor-throughput-ratio"));
        allPass &= floor(t, "p99 added latency at " + (int) o.decimal("rate") + " req/s",
                String.format(Locale.ROOT, "<= %.0f ms", o.decimal("floor-added-p99-ms")),
                String.format(Locale.ROOT, "%.2f ms", added[2]), added[2] <= o.decimal("floor-added-p99-ms")
                        && gatewayOpen.errors() == 0);
        if (cb.state().equals("NOT AVAILABLE") || cb.state().equals("NO ORDERS")) {
            t.append(String.format(Locale.ROOT, "| Callbacks per second | >= %.0f/s | %s | NOT RUN |%n",
                    o.decimal("floor-callbacks-per-s"), cb.firstError()));
        } else {
            allPass &= floor(t, "Callbacks per second", String.format(Locale.ROOT, ">= %.0f/s",
                    o.decimal("floor-callbacks-per-s")), String.format(Locale.ROOT, "%.0f/s", cb.perSecond()),
                    cb.perSecond() >= o.decimal("floor-callbacks-per-s") && cb.delivered() >= cb.expected());
        }
        allPass &= floor(t, "Gateway RSS (peak)", String.format(Locale.ROOT, "<= %.0f MB", o.decimal("floor-rss-mb")),
                String.format(Locale.ROOT, "%.0f MB", peakKb / 1024.0), peakKb > 0
                        && peakKb / 1024.0 <= o.decimal("floor-rss-mb"));
        out.println();
        out.print(t);
        String file = o.str("results");
        if (!file.isBlank()) {
            Files.writeString(Path.of(file), t.toString());
        }
        return allPass;
    }

    private static String callbacksText(CallbackResult cb) {
        if (cb.cpu() == null) {
            return cb.state() + ": " + cb.firstError();
        }
        return String.format(Locale.ROOT, "%.0f/s (%d of %d in %.1f s; best second %.0f/s; %d webhooks in %.1f s, %d refused; "
                        + "%d duplicates, %d reorders)", cb.perSecond(), cb.delivered(), cb.expected(), cb.seconds(),
                cb.peakPerSecond(), cb.webhooksSent(), cb.webhookSeconds(), cb.webhookErrors(), cb.duplicates(),
                cb.reorders());
    }

    private static String cpuRow(String name, CpuUse cpu, long done) {
        double n = Math.max(1, done) / 1000.0;
        Map<String, Double> s = cpu.seconds();
        return String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n", name,
                s.getOrDefault("gateway", 0.0) / n, s.getOrDefault("pb-stub", 0.0) / n,
                s.getOrDefault("bestrx-stub", 0.0) / n, s.getOrDefault("postgres", 0.0) / n,
                s.getOrDefault("driver", 0.0) / n, cpu.ours() / n);
    }

    private static boolean floor(StringBuilder t, String what, String required, String measured, boolean pass) {
        t.append("| ").append(what).append(" | ").append(required).append(" | ").append(measured).append(" | ")
                .append(pass ? "PASS" : "FAIL").append(" |\n");
        return pass;
    }

    private static void row(StringBuilder t, PhaseResult p, int connections) {
        t.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.0f | %.2f | %.2f | %.2f | %.2f | %.0f%% | %.0f%% |%n",
                p.name(), connections, p.ok(), p.errors(), p.throughput(), p.percentileMs(50), p.percentileMs(95),
                p.percentileMs(99), p.maxMs(), p.cpu().machineBusyPercent(), p.cpu().othersPercentOfMachine()));
    }

    /**
     * The JIT needs thousands of calls of every hot path before a JVM runs at its speed: load in slices for at
     * least {@code minSeconds}, and go on while a slice still beats the best one before it by 5%, or while the
     * process's JIT compiler threads still use more than warmup-jit-share of its CPU (up to warmup-max seconds).
     * The second test matters on two cores: the one C2 thread shares them with sixteen busy request threads, and
     * throughput can look flat while it still has a long queue (a quarter of the gateway's CPU in one measured
     * phase, found with {@code perf}).
     */
    private void warmUp(String what, long pid, Endpoint target, int connections, double minSeconds,
                        java.util.function.Supplier<WireRequest> requests, Load.Check check, ProcStats proc)
            throws InterruptedException {
        double slice = o.decimal("warmup-slice");
        double max = Math.max(minSeconds, o.decimal("warmup-max"));
        double jitLimit = o.decimal("warmup-jit-share");
        step("warm-up: %s, at least %.0f s, at most %.0f s", what, minSeconds, max);
        double done = 0;
        double best = 0;
        while (done < max) {
            double length = Math.min(slice, max - done);
            double cpu0 = proc.cpuSeconds(pid);
            double jit0 = proc.compilerCpuSeconds(pid);
            PhaseResult r = report(Load.closed("warm-up " + what, target, connections, length, requests, check,
                    null, proc));
            double cpu = proc.cpuSeconds(pid) - cpu0;
            double jitShare = cpu <= 0 ? 0 : (proc.compilerCpuSeconds(pid) - jit0) / cpu;
            out.printf(Locale.ROOT, "      JIT compilers: %.0f%% of the %s's CPU in that slice%n", 100 * jitShare, what);
            done += length;
            boolean growing = r.throughput() > best * 1.05;
            best = Math.max(best, r.throughput());
            if (done >= minSeconds && !growing && jitShare <= jitLimit) {
                break;
            }
        }
    }

    /**
     * A pause between phases, so what one leaves behind is not billed to the next: at least settle seconds, then
     * on (up to settle-max) until the gateway is idle: after a burst its JIT compiler threads often still work
     * through their queue, and a JFR dump takes seconds of CPU.
     */
    private void settle(ProcStats proc) throws InterruptedException {
        double min = o.decimal("settle");
        if (min <= 0) {
            return;
        }
        checkpoint();
        long gatewayPid = Long.parseLong(o.str("gateway-pid"));
        ProcStats.Snapshot before = proc.snapshot();
        Thread.sleep((long) (min * 1000));
        long deadline = System.nanoTime() + (long) (o.decimal("settle-max") * 1e9);
        double lastSecond = 0;
        while (gatewayPid > 0 && System.nanoTime() < deadline) {
            double c0 = proc.cpuSeconds(gatewayPid);
            Thread.sleep(1000);
            lastSecond = proc.cpuSeconds(gatewayPid) - c0;
            if (lastSecond <= 0.05) {
                break;
            }
        }
        CpuUse idle = before.until(proc.snapshot());
        out.printf(Locale.ROOT, "    (settled %.0f s: gateway used %.0f%% of a core, %.0f%% in the last second; "
                        + "not ours %.0f%% of the machine)%n", idle.wallSeconds(),
                100 * idle.seconds().getOrDefault("gateway", 0.0) / idle.wallSeconds(), 100 * lastSecond,
                idle.othersPercentOfMachine());
    }

    /**
     * PostgreSQL writes out what the previous phase left dirty now, not in the next one. Its timed checkpoint
     * (every 5 minutes, spread over 4.5) otherwise lands in whichever phase runs then, e.g. in the 200 req/s phase
     * after 1,500 req/s closed loops: the WAL flushes of that phase's commits then queue behind the checkpoint's
     * writes and the backends evict the dirty buffers themselves (p99 added latency 10.1–15 ms in the runs it
     * overlapped, 4.4 ms after a CHECKPOINT, same code). After a CHECKPOINT the next timed one is 5 minutes away,
     * longer than any phase. Steady load at 200 req/s leaves a seventh of the closed loops' dirt per minute.
     */
    private void checkpoint() {
        String url = o.str("pg-url");
        if (url.isBlank()) {
            return;
        }
        long t0 = System.nanoTime();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
             java.sql.Statement st = c.createStatement()) {
            st.execute("CHECKPOINT");
        } catch (java.sql.SQLException e) {
            out.println("    (PostgreSQL CHECKPOINT failed: " + e.getMessage() + ")");
            return;
        }
        out.printf(Locale.ROOT, "    (PostgreSQL checkpoint: %.1f s)%n", (System.nanoTime() - t0) / 1e9);
    }

    private PhaseResult report(PhaseResult p) {
        out.printf(Locale.ROOT, "    %-20s %8d ok %5d errors %8.0f req/s  p50 %6.2f  p95 %6.2f  p99 %6.2f ms  "
                        + "CPU: machine %3.0f%%, not ours %3.0f%%%s%n", p.name(), p.ok(), p.errors(), p.throughput(),
                p.percentileMs(50), p.percentileMs(95), p.percentileMs(99), p.cpu().machineBusyPercent(),
                p.cpu().othersPercentOfMachine(), p.firstError() == null ? "" : "  first error: " + p.firstError());
        return p;
    }

    private void step(String format, Object... args) {
        out.printf(Locale.ROOT, "%tT %s%n", System.currentTimeMillis(), String.format(Locale.ROOT, format, args));
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0 || text.contains("Could not") || text.contains("rror")) {
            throw new IOException("jcmd " + String.join(" ", command) + " failed: " + text.trim());
        }
    }

    static String jsonString(String json, String field) {
        String key = "\"" + field + "\":\"";
        int i = json.indexOf(key);
        if (i < 0) {
            return null;
        }
        int start = i + key.length();
        int end = json.indexOf('"', start);
        return end < 0 || end == start ? null : json.substring(start, end);
    }

    private static String firstMessageCode(String json) {
        String code = jsonString(json, "message_code");
        return code == null ? "" : code;
    }

    private static String machineInfo() {
        String model = "unknown CPU";
        try {
            model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(model);
        } catch (IOException ignored) {
            // not Linux
        }
        String load = "";
        try {
            load = Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException ignored) {
            // not Linux
        }
        return String.format(Locale.ROOT, "Machine: %d cores (%s), %s %s, Java %s; load average %s",
                Runtime.getRuntime().availableProcessors(), model, System.getProperty("os.name"),
                System.getProperty("os.version"), Runtime.version(), load);
    }
}

/**
 * Hot frames of a JFR recording's execution samples (threads on CPU in Java code): where the gateway's CPU time
 * goes. Three views: by component (each sample to the component of its nearest matching frame, so the rows add up
 * to 100%), by question (a sample counts when any frame matches: "what would we save if this were free"), and
 * the top methods.
 */
final class JfrProfile {

    /** Components, tried on each frame from the top of the stack down; the first frame that matches decides. */
    private static final Map<String, String[]> COMPONENTS = new LinkedHashMap<>();
    /** Questions: a sample counts when any of its frames matches. */
    private static final Map<String, String[]> QUESTIONS = new LinkedHashMap<>();

    static {
        COMPONENTS.put("JSON (Jackson)", new String[] {"com.fasterxml.jackson."});
        COMPONENTS.put("SHA-256 / MessageDigest / SecureRandom", new String[] {"sun.security.provider.",
                "java.security."});
        COMPONENTS.put("regular expressions", new String[] {"java.util.regex."});
        COMPONENTS.put("logging (Logback, SLF4J)", new String[] {"ch.qos.logback.", "org.slf4j."});
        COMPONENTS.put("JDBC (PostgreSQL driver, Hikari, Spring JDBC/tx)", new String[] {"org.postgresql.",
                "com.zaxxer.hikari.", "org.springframework.jdbc.", "org.springframework.transaction.", "org.h2."});
        COMPONENTS.put("HTTP clients (Apache HttpClient 5, JDK HttpClient)",
                new String[] {"org.apache.hc.", "jdk.internal.net.http.", "java.net.http."});
        COMPONENTS.put("metrics (Micrometer)", new String[] {"io.micrometer."});
        COMPONENTS.put("resilience4j", new String[] {"io.github.resilience4j."});
        COMPONENTS.put("Camel", new String[] {"org.apache.camel."});
        COMPONENTS.put("Tomcat, servlet filters, Spring MVC", new String[] {"org.apache.catalina.",
                "org.apache.coyote.", "org.apache.tomcat.", "org.springframework.web.", "jakarta.servlet."});
        COMPONENTS.put("Spring (other)", new String[] {"org.springframework."});
        COMPONENTS.put("gateway code (com.carriergateway)", new String[] {"com.carriergateway."});
        COMPONENTS.put("java.time", new String[] {"java.time."});
        COMPONENTS.put("sockets / NIO", new String[] {"sun.nio.", "java.nio.", "java.net.", "sun.net."});

        QUESTIONS.put("credential check: PharmacyDirectory.authenticate (Base64 + SHA-256)",
                new String[] {"PharmacyDirectory.authenticate"});
        QUESTIONS.put("rate limit: PharmacyRateLimits.admit", new String[] {"PharmacyRateLimits.admit"});
        QUESTIONS.put("JSON mapping anywhere (Jackson)", new String[] {"com.fasterxml.jackson."});
        QUESTIONS.put("reading the BestRx request (InboundRequest.readJson, CreateOrderReader)",
                new String[] {"InboundRequest.readJson", "CreateOrderReader.read"});
        QUESTIONS.put("request fingerprint (RequestFingerprint.of)", new String[] {"RequestFingerprint.of"});
        QUESTIONS.put("order key (OrderKeys)", new String[] {"OrderKeys."});
        QUESTIONS.put("order store: all SQL (OrderStore)", new String[] {"store.OrderStore."});
        QUESTIONS.put("carrier call: PB adapter + HTTP (PitneyBowesAdapter, CarrierHttp)",
                new String[] {"PitneyBowesAdapter.", "CarrierHttp."});
        QUESTIONS.put("writing the answer (CreateOrderResponse, AnswerWriter, EnvelopeWriter)",
                new String[] {"CreateOrderResponse.", "AnswerWriter.", "EnvelopeWriter."});
        QUESTIONS.put("logging", new String[] {"ch.qos.logback.", "org.slf4j."});
        QUESTIONS.put("request id (UUID.randomUUID)", new String[] {"java.util.UUID.randomUUID"});
        QUESTIONS.put("metrics (Micrometer)", new String[] {"io.micrometer."});
        QUESTIONS.put("circuit breaker / bulkhead (resilience4j)", new String[] {"io.github.resilience4j."});
        QUESTIONS.put("Tomcat + filters (HTTP edge threads)", new String[] {"org.apache.coyote."});
        QUESTIONS.put("status pipeline (status, outbox)", new String[] {"routes.status.", "routes.outbox."});
    }

    static void print(Path file, int top, PrintStream out) throws IOException {
        Map<String, Long> components = new LinkedHashMap<>();
        Map<String, Long> questions = new LinkedHashMap<>();
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> ourInclusive = new HashMap<>();
        Map<String, Long> nearestOurs = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        long gcs = 0;
        double gcPauseMs = 0;
        double gcMaxPauseMs = 0;
        long samples = 0;
        for (jdk.jfr.consumer.RecordedEvent e : jdk.jfr.consumer.RecordingFile.readAllEvents(file)) {
            String type = e.getEventType().getName();
            if (type.equals("jdk.GarbageCollection")) {
                gcs++;
                double pause = e.getDuration("sumOfPauses").toNanos() / 1e6;
                gcPauseMs += pause;
                gcMaxPauseMs = Math.max(gcMaxPauseMs, e.getDuration("longestPause").toNanos() / 1e6);
                continue;
            }
            if (!type.equals("jdk.ExecutionSample") || e.getStackTrace() == null
                    || e.getStackTrace().getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<String> frames = new ArrayList<>();
            for (var f : e.getStackTrace().getFrames()) {
                frames.add(f.getMethod().getType().getName() + "." + f.getMethod().getName());
            }
            var thread = e.getThread("sampledThread");
            threads.merge(thread == null || thread.getJavaName() == null ? "?"
                    : thread.getJavaName().replaceAll("\\d+", "N"), 1L, Long::sum);
            self.merge(frames.get(0), 1L, Long::sum);
            components.merge(componentOf(frames), 1L, Long::sum);
            String stack = String.join("\n", frames);
            QUESTIONS.forEach((q, markers) -> {
                for (String m : markers) {
                    if (stack.contains(m)) {
                        questions.merge(q, 1L, Long::sum);
                        return;
                    }
                }
            });
            java.util.Set<String> seen = new java.util.HashSet<>();
            boolean nearest = true;
            for (String f : frames) {
                if (f.startsWith("com.carriergateway.") && !f.contains("$$Lambda")) {
                    if (seen.add(f)) {
                        ourInclusive.merge(f, 1L, Long::sum);
                    }
                    if (nearest) {
                        nearestOurs.merge(f, 1L, Long::sum);
                        nearest = false;
                    }
                }
            }
        }
        out.printf("%d execution samples (threads on CPU in Java code) in %s%n", samples, file.getFileName());
        if (samples == 0) {
            return;
        }
        out.println("\nBy component (nearest matching frame; adds up to 100%):");
        topOf(components, 50, samples, out);
        out.println("\nBy question (any frame on the stack; rows overlap):");
        topOf(questions, 50, samples, out);
        out.println("\nBy thread:");
        topOf(threads, 8, samples, out);
        out.println("\nTop methods on CPU (self):");
        topOf(self, top, samples, out);
        out.println("\nGateway methods on the stack (inclusive):");
        topOf(ourInclusive, top, samples, out);
        out.println("\nNearest gateway method to the CPU (what our code was doing or calling into):");
        topOf(nearestOurs, top, samples, out);
        out.printf(Locale.ROOT, "%nGarbage collections: %d, pauses %.0f ms in total, longest %.1f ms%n", gcs, gcPauseMs,
                gcMaxPauseMs);
    }

    private static String componentOf(List<String> frames) {
        for (String f : frames) {
            for (var c : COMPONENTS.entrySet()) {
                for (String m : c.getValue()) {
                    if (f.startsWith(m)) {
                        return c.getKey();
                    }
                }
            }
        }
        return "JDK (strings, collections, threads) outside the above";
    }

    private static void topOf(Map<String, Long> m, int top, long n, PrintStream out) {
        m.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(top).forEach(en -> out.printf(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * en.getValue() / n,
                        en.getKey()));
    }
}

/**
 * The BestRx side of phase (d): answers {@code POST /Order/UpdateOrderStatus} as BestRx does and counts what it
 * accepts, by status code, with the duplicates and reorders it sees per order (from the {@code Idempotency-Key},
 * {@code <order>-<seq>}). {@code GET /__counts} reads the counts, {@code DELETE /__counts} resets them. A callback
 * without the pharmacy's Basic credential is refused (401) and not counted.
 *
 * <p>HTTP/1.1 over raw sockets, a thread per connection, like the driver's client side: the stub shares the two
 * cores with what it measures, so it should cost as little as it can. WireMock with its request journal, the
 * first counter, cost 1.0–1.6 ms of CPU per callback, as much as the gateway's own share; the JDK's HttpServer
 * 0.4 ms.
 */
final class BestRxCallbackStub {

    private static final Pattern STATUS_CODE = Pattern.compile("\"status_code\"\\s*:\\s*\"?(\\d+)");
    private static final byte[] ACCEPTED = "{\"data\":{},\"status_updated\":\"true\",\"messages\":[]}"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] UNAUTHORIZED = ("{\"data\":{},\"status_updated\":\"false\",\"messages\":"
            + "[{\"message_code\":\"DIS0000\",\"message\":\"Unauthorized\",\"message_type\":2}]}")
            .getBytes(StandardCharsets.UTF_8);

    private final String authorization;
    private final java.util.concurrent.atomic.LongAdder accepted = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder refused = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder duplicates = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder reorders = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder> byCode =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** Per order: every sequence number seen. */
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.TreeSet<Long>> seen =
            new java.util.concurrent.ConcurrentHashMap<>();

    private BestRxCallbackStub(String username, String password) {
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** One parsed request: method, path, headers (lower-case names), body. */
    private record Request(String method, String path, Map<String, String> headers, byte[] body) { }

    static void serve(int port, String username, String password, int backlog) throws IOException {
        BestRxCallbackStub stub = new BestRxCallbackStub(username, password);
        java.net.ServerSocket server = new java.net.ServerSocket(port, backlog,
                java.net.InetAddress.getByName("127.0.0.1"));
        System.out.println("BestRx callback stub on 127.0.0.1:" + port);
        while (true) {
            Socket socket = server.accept();
            Thread t = new Thread(() -> stub.serveConnection(socket), "bestrx-stub-connection");
            t.setDaemon(true);
            t.start();
        }
    }

    private void serveConnection(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new java.io.BufferedInputStream(socket.getInputStream(), 16 * 1024);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 4 * 1024);
            for (Request r = read(in); r != null; r = read(in)) {
                respond(r, out);
                out.flush();
                if ("close".equalsIgnoreCase(r.headers().get("connection"))) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private void respond(Request r, OutputStream out) throws IOException {
        if (r.path().equals("/__counts")) {
            if (r.method().equals("DELETE")) {
                reset();
                write(out, 204, null);
            } else {
                write(out, 200, counts());
            }
        } else if (!r.path().startsWith("/Order/UpdateOrderStatus") || !r.method().equals("POST")) {
            write(out, 404, null);
        } else if (!authorization.equals(r.headers().get("authorization"))) {
            refused.increment();
            write(out, 401, UNAUTHORIZED);
        } else {
            Matcher m = STATUS_CODE.matcher(new String(r.body(), StandardCharsets.UTF_8));
            byCode.computeIfAbsent(m.find() ? m.group(1) : "none", k -> new java.util.concurrent.atomic.LongAdder())
                    .increment();
            sequence(r.headers().get("idempotency-key"));
            accepted.increment();
            write(out, 200, ACCEPTED);
        }
    }

    /** Reads one HTTP/1.1 request (Content-Length or chunked body); null at the end of the connection. */
    private static Request read(InputStream in) throws IOException {
        String requestLine = line(in);
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = line(in);
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        Map<String, String> headers = new HashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            java.io.ByteArrayOutputStream chunks = new java.io.ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                 size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                chunks.write(in.readNBytes(size));
                line(in);
            }
            for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                // trailers are not used
            }
            body = chunks.toByteArray();
        } else {
            body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        }
        return new Request(parts[0], parts.length > 1 ? parts[1] : "/", headers, body);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        for (int c = in.read(); c != -1; c = in.read()) {
            if (c == '\n') {
                int n = sb.length();
                return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
            }
            sb.append((char) c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static void write(OutputStream out, int status, byte[] body) throws IOException {
        String reason = switch (status) {
            case 200 -> "OK";
            case 204 -> "No Content";
            case 401 -> "Unauthorized";
            default -> "Not Found";
        };
        int length = body == null ? 0 : body.length;
        out.write(("HTTP/1.1 " + status + " " + reason + "\r\n"
                + (status == 204 ? "" : "Content-Type: application/json\r\nContent-Length: " + length + "\r\n")
                + "\r\n").getBytes(StandardCharsets.US_ASCII));
        if (length > 0) {
            out.write(body);
        }
    }

    /** A repeated (order, seq) is a duplicate; a new seq below the order's highest is a reorder. */
    private void sequence(String key) {
        int dash = key == null ? -1 : key.lastIndexOf('-');
        if (dash <= 0) {
            return;
        }
        long seq;
        try {
            seq = Long.parseLong(key.substring(dash + 1));
        } catch (NumberFormatException e) {
            return;
        }
        java.util.TreeSet<Long> orderSeen = seen.computeIfAbsent(key.substring(0, dash), k -> new java.util.TreeSet<>());
        synchronized (orderSeen) {
            if (!orderSeen.add(seq)) {
                duplicates.increment();
            } else if (orderSeen.last() != seq) {
                reorders.increment();
            }
        }
    }

    private void reset() {
        accepted.reset();
        refused.reset();
        duplicates.reset();
        reorders.reset();
        byCode.clear();
        seen.clear();
    }

    private byte[] counts() {
        StringBuilder json = new StringBuilder("{\"accepted\":").append(accepted.sum())
                .append(",\"refused\":").append(refused.sum()).append(",\"duplicates\":").append(duplicates.sum())
                .append(",\"reorders\":").append(reorders.sum());
        byCode.forEach((code, n) -> json.append(",\"code-").append(code).append("\":").append(n.sum()));
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }
}
