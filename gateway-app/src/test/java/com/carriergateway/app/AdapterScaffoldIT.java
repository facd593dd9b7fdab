package com.carriergateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * {@code adapters/new-adapter.sh} as a developer runs it, in a copy of this checkout (the files git knows, as they are
 * in the working tree, so uncommitted changes to the template or the script are what is tested): it generates
 * {@code adapters/scaffold-probe}, changes nothing but that module, its stubs and the three poms, and the new module
 * builds offline and passes its own contract test. Its refusals change nothing at all.
 *
 * <p>Self-contained: files, processes and the JDK only, no gateway class. Failsafe runs it from {@code gateway-app/};
 * the copy and the logs stay in {@code target/adapter-scaffold-it/} to look at after a failure. The inner Maven runs
 * offline with {@code -pl … -am verify} against the same local repository as this build and installs nothing.
 */
class AdapterScaffoldIT {

    static final String TYPE = "scaffold-probe";
    static final String DISPLAY = "Scaffold Probe";
    static final Path WORK = Path.of("target", "adapter-scaffold-it").toAbsolutePath();
    static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(60);
    static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);
    /** The files the command may change besides the two folders it creates. */
    static final Set<String> EDITED = Set.of("adapters/pom.xml", "gateway-app/pom.xml", "pom.xml");
    static final Pattern TEMPLATE_NAME = Pattern.compile("(?i)example[ _-]?courier|adapter-template");

    static Path checkout;
    static Path copy;

    record Run(int exitCode, String output) {
    }

    @BeforeAll
    static void copyTheCheckout() throws IOException, InterruptedException {
        checkout = Path.of("").toAbsolutePath().getParent();
        assertThat(checkout.resolve("adapters/new-adapter.sh")).as("the command, seen from gateway-app/").exists();
        deleteTree(WORK);
        copy = WORK.resolve("repo");
        for (String file : filesOfTheCheckout(checkout)) {
            Path source = checkout.resolve(file);
            if (Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
                Path target = copy.resolve(file);
                Files.createDirectories(target.getParent());
                Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        assertThat(copy.resolve("adapters/new-adapter.sh")).as("the copy's command").exists();
        assertThat(Files.isExecutable(copy.resolve("adapters/new-adapter.sh")))
                .as("adapters/new-adapter.sh is executable (git update-index --chmod=+x adapters/new-adapter.sh)")
                .isTrue();
    }

    @Test
    void theCommandGeneratesAModuleThatBuildsOfflineAndPassesItsContractTest() throws Exception {
        Map<String, String> before = snapshot(copy);

        // from another folder than the checkout's root, as "works from any directory" promises
        Run generated = run(List.of(command().toString(), TYPE, DISPLAY), copy.resolve("gateway-app"),
                SCRIPT_TIMEOUT, WORK.resolve("new-adapter.log"));
        assertThat(generated.exitCode()).as("exit code of new-adapter.sh; its output:\n" + generated.output()).isZero();
        assertThat(generated.output()).as("the configuration keys and next steps it prints")
                .contains("gateway.carriers." + TYPE + ".", "gateway.webhooks." + TYPE + ".", "type: " + TYPE,
                        "-pl adapters/" + TYPE + " -am");

        Map<String, String> after = snapshot(copy);
        assertOnlyTheModuleItsStubsAndThePomsChanged(before, after);

        Path log = WORK.resolve("scaffold-probe-build.log");
        List<String> mvn = new ArrayList<>(List.of(maven().toString(), "-B", "-ntp", "-o", "-q",
                "-pl", "adapters/" + TYPE, "-am", "verify"));
        localRepository().ifPresent(repo -> mvn.add("-Dmaven.repo.local=" + repo));
        Run build = run(mvn, copy, BUILD_TIMEOUT, log);
        assertThat(build.exitCode()).as("exit code of " + String.join(" ", mvn) + " in " + copy + "; the end of "
                + log + ":\n" + tail(build.output(), 60)).isZero();

        Path report = copy.resolve("adapters/" + TYPE + "/target/surefire-reports/"
                + "TEST-com.carriergateway.adapter.scaffoldprobe.ScaffoldProbeContractTest.xml");
        assertThat(report).as("the generated module's contract test report").exists();
        Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile())
                .getDocumentElement();
        assertThat(Integer.parseInt(suite.getAttribute("tests"))).as("contract tests run").isPositive();
        assertThat(suite.getAttribute("failures") + "/" + suite.getAttribute("errors") + "/"
                + suite.getAttribute("skipped")).as("failures/errors/skipped of the contract test").isEqualTo("0/0/0");
    }

    @Test
    void aWrongNameAnExistingModuleOrARunOutsideTheCheckoutIsRefusedAndChangesNothing() throws Exception {
        Map<String, String> before = snapshot(copy);
        Path command = command();

        Run badName = run(List.of(command.toString(), "Scaffold_Probe", DISPLAY), copy, SCRIPT_TIMEOUT,
                WORK.resolve("refused-name.log"));
        assertThat(badName.exitCode()).isNotZero();
        assertThat(badName.output()).contains("[a-z][a-z0-9-]*");

        Run existing = run(List.of(command.toString(), "connect", "Connect"), copy, SCRIPT_TIMEOUT,
                WORK.resolve("refused-existing.log"));
        assertThat(existing.exitCode()).isNotZero();
        assertThat(existing.output()).contains("adapters/connect already exists");

        Path outside = Files.createDirectories(WORK.resolve("outside"));
        Path stray = Files.copy(command, outside.resolve("new-adapter.sh"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.COPY_ATTRIBUTES);
        Run elsewhere = run(List.of(stray.toString(), TYPE, DISPLAY), outside, SCRIPT_TIMEOUT,
                WORK.resolve("refused-outside.log"));
        assertThat(elsewhere.exitCode()).isNotZero();
        assertThat(elsewhere.output()).contains("not inside a Carrier Gateway checkout");

        assertThat(snapshot(copy)).as("the checkout after three refusals").isEqualTo(before);
    }

    private static void assertOnlyTheModuleItsStubsAndThePomsChanged(Map<String, String> before,
                                                                   Map<String, String> after) throws IOException {
        Set<String> removed = new TreeSet<>(before.keySet());
        removed.removeAll(after.keySet());
        Set<String> added = new TreeSet<>(after.keySet());
        added.removeAll(before.keySet());
        Set<String> changed = new TreeSet<>();
        before.forEach((file, hash) -> {
            if (after.containsKey(file) && !after.get(file).equals(hash)) {
                changed.add(file);
            }
        });
        assertThat(removed).as("files removed").isEmpty();
        assertThat(changed).as("files changed").isEqualTo(EDITED);
        assertThat(added).as("files added").isNotEmpty().allSatisfy(file -> assertThat(file)
                .matches("(adapters|wiremock-stubs)/" + TYPE + "/.+"));
        assertThat(added).contains("adapters/" + TYPE + "/pom.xml",
                "adapters/" + TYPE + "/src/main/resources/META-INF/services/com.carriergateway.adapter.CarrierAdapterProvider",
                "adapters/" + TYPE + "/src/main/java/com/carriergateway/adapter/scaffoldprobe/ScaffoldProbeAdapter.java",
                "wiremock-stubs/" + TYPE + "/README.md");
        assertThat(added).anySatisfy(file -> assertThat(file).startsWith("wiremock-stubs/" + TYPE + "/mappings/"));
        for (String file : added) {
            String text = Files.readString(copy.resolve(file), StandardCharsets.UTF_8);
            assertThat(TEMPLATE_NAME.matcher(text).find()).as("the template's name left in " + file).isFalse();
        }
        assertThat(Files.readString(copy.resolve("adapters/pom.xml"))).contains("<module>" + TYPE + "</module>");
        assertThat(Files.readString(copy.resolve("pom.xml"))).contains("<artifactId>" + TYPE + "</artifactId>");
        assertThat(Files.readString(copy.resolve("gateway-app/pom.xml"))).contains("<artifactId>" + TYPE + "</artifactId>");
        for (String pom : EDITED) {
            assertOnlyLinesAdded(checkout.resolve(pom), copy.resolve(pom));
        }
    }

    /** Every line of the original is still there, in order: the command added lines and changed none. */
    private static void assertOnlyLinesAdded(Path original, Path edited) throws IOException {
        List<String> was = Files.readAllLines(original);
        List<String> is = Files.readAllLines(edited);
        int next = 0;
        for (String line : is) {
            if (next < was.size() && was.get(next).equals(line)) {
                next++;
            }
        }
        assertThat(next).as("lines of " + original + " kept in order in the edited copy").isEqualTo(was.size());
        assertThat(is.size() - was.size()).as("lines added to " + original.getFileName()).isBetween(1, 6);
    }

    // ---- the checkout, files and processes ----

    private static Path command() {
        return copy.resolve("adapters/new-adapter.sh");
    }

    /**
     * The files a clean checkout of this working tree has: what git tracks or would track (untracked files not
     * ignored), else, without git, every file but build output.
     */
    private static List<String> filesOfTheCheckout(Path root) throws IOException, InterruptedException {
        Path list = Files.createDirectories(WORK).resolve("git-ls-files.txt");
        Process git;
        try {
            git = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
                    .directory(root.toFile()).redirectErrorStream(false)
                    .redirectOutput(list.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException noGit) {
            return walk(root);
        }
        if (!git.waitFor(60, TimeUnit.SECONDS) || git.exitValue() != 0) {
            git.destroyForcibly();
            return walk(root);
        }
        List<String> files = new ArrayList<>();
        for (String file : Files.readString(list, StandardCharsets.UTF_8).split("\0")) {
            if (!file.isEmpty()) {
                files.add(file);
            }
        }
        return files;
    }

    private static List<String> walk(Path root) throws IOException {
        Set<String> skipped = Set.of(".git", "target", "data", ".idea", ".vscode", "node_modules");
        List<String> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root) && skipped.contains(dir.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                files.add(root.relativize(file).toString().replace(File.separatorChar, '/'));
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    /** Every file under {@code root} but build output, by its path (with /) and the SHA-256 of its content. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.getFileName().toString().equals("target") ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                files.put(root.relativize(file).toString().replace(File.separatorChar, '/'),
                        sha256(Files.readAllBytes(file)));
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    /** Runs a command to its end (killed after {@code timeout}), its output in {@code log}. */
    private static Run run(List<String> command, Path directory, Duration timeout, Path log)
            throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail(String.join(" ", command) + " did not finish within " + timeout + "; the end of " + log + ":\n"
                    + tail(Files.readString(log), 60));
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** {@code mvn} from the PATH, else from MAVEN_HOME or M2_HOME. */
    private static Path maven() {
        String name = System.getProperty("os.name").startsWith("Windows") ? "mvn.cmd" : "mvn";
        Stream<Path> candidates = Stream.concat(
                Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                        .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, name)),
                Stream.of("MAVEN_HOME", "M2_HOME").map(System::getenv).filter(home -> home != null && !home.isBlank())
                        .map(home -> Path.of(home, "bin", name)));
        return candidates.filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " on the PATH nor in MAVEN_HOME/M2_HOME"));
    }

    /**
     * The local repository this build resolved JUnit from, so the inner build reads the same one (and works offline);
     * empty when JUnit does not come from a Maven repository layout.
     */
    private static java.util.Optional<Path> localRepository() {
        try {
            Path jar = Path.of(Test.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path repository = jar;
            for (int up = 0; up < 6 && repository != null; up++) {
                repository = repository.getParent();
            }
            return repository != null && jar.startsWith(repository.resolve("org/junit/jupiter"))
                    ? java.util.Optional.of(repository) : java.util.Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static String tail(String text, int lines) {
        String[] all = text.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
