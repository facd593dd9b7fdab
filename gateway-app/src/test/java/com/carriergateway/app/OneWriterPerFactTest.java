package com.carriergateway.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.core.outbox.OutboxStore;
import com.carriergateway.core.status.StatusChanges;
import com.carriergateway.core.status.StatusStore;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One writer per fact. A status change is applied in one place ({@link StatusChanges}, for webhooks, polls and
 * cancellations alike), an order's history is written by one statement ({@code OrderHistory}), an outbox row is
 * queued by one statement. The next rule change is then made once: these checks fail the build when a second
 * writer appears.
 */
class OneWriterPerFactTest {

    static final ArchRule onlyStatusChangesAppliesAStatusChangeOrQueuesItsCallback = noClasses()
            .that().doNotBelongToAnyOf(StatusChanges.class)
            .should().callMethodWhere(writes(StatusStore.class, "apply|cancelUnbooked"))
            .orShould().callMethodWhere(writes(OutboxStore.class, "enqueue"));

    @Test
    void onlyStatusChangesCallsTheStatusAndOutboxWriters() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(new ArchitectureTest.NoTestJars())
                .importPackages("com.carriergateway");
        assertThat(main.contain(StatusChanges.class)).isTrue();
        onlyStatusChangesAppliesAStatusChangeOrQueuesItsCallback.check(main);
    }

    private static DescribedPredicate<JavaMethodCall> writes(Class<?> store, String methods) {
        return DescribedPredicate.describe(store.getSimpleName() + "." + methods, call ->
                call.getTargetOwner().isEquivalentTo(store) && call.getName().matches(methods));
    }

    /** Each statement that writes one of these facts, and the one source file allowed to hold it. */
    static final Map<Pattern, String> SOLE_WRITERS = Map.of(
            Pattern.compile("INSERT\\s+INTO\\s+order_event", Pattern.CASE_INSENSITIVE), "OrderHistory.java",
            Pattern.compile("INSERT\\s+INTO\\s+status_outbox", Pattern.CASE_INSENSITIVE), "OutboxStore.java",
            Pattern.compile("status_seq\\s*=\\s*status_seq\\s*\\+", Pattern.CASE_INSENSITIVE), "StatusStore.java");

    @Test
    void eachFactIsWrittenBySqlInExactlyOneMainSourceFile() throws IOException {
        List<Path> sources = mainSources(Path.of("..").toAbsolutePath().normalize());
        assertThat(sources).as("the checkout's main sources were found").hasSizeGreaterThan(50);
        SOLE_WRITERS.forEach((statement, writer) -> assertThat(sources.stream()
                        .filter(f -> statement.matcher(read(f)).find())
                        .map(f -> f.getFileName().toString()))
                .as("main sources writing " + statement.pattern())
                .containsExactly(writer));
    }

    private static List<Path> mainSources(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> f.toString().contains("/src/main/java/"))
                    .filter(f -> !f.toString().contains("/target/"))
                    .toList();
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
