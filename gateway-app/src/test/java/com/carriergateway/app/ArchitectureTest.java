package com.carriergateway.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;

/**
 * The dependency rules the folder tree promises:
 * <ul>
 *   <li>the core ({@code com.carriergateway.core}, module {@code routes/core}) is plain Java: no Camel, no Spring Boot,
 *       no BestRx shape, nothing of the edge or the app;</li>
 *   <li>the edge ({@code com.carriergateway.routes}, module {@code routes/camel}) depends on the core, knows no
 *       concrete carrier and nothing of the app;</li>
 *   <li>an adapter sees only the adapter API: no gateway internal, no framework, no other adapter;</li>
 *   <li>no package depends on itself through others, anywhere.</li>
 * </ul>
 */
@AnalyzeClasses(packages = "com.carriergateway",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {

    /** Other modules' test fixtures arrive as {@code *-tests.jar} in a full build: not main code either. */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("-tests.jar");
        }
    }

    /** The adapter SPI and what it offers adapters; every other package under adapter is one carrier (or the kit). */
    static final Set<String> ADAPTER_API = Set.of("com.carriergateway.adapter", "com.carriergateway.adapter.model",
            "com.carriergateway.adapter.http", "com.carriergateway.adapter.auth", "com.carriergateway.adapter.json",
            "com.carriergateway.adapter.webhook", "com.carriergateway.adapter.credential");

    @ArchTest
    static final ArchRule theCoreIsPlainJava = noClasses()
            .that().resideInAPackage("com.carriergateway.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.apache.camel..", "org.springframework.boot..", "com.carriergateway.routes..",
                    "com.carriergateway.app..");

    @ArchTest
    static final ArchRule theEdgeKnowsNoConcreteCarrierAndNotTheApp = noClasses()
            .that().resideInAPackage("com.carriergateway.routes..")
            .should().dependOnClassesThat(new com.tngtech.archunit.base.DescribedPredicate<JavaClass>(
                    "a concrete carrier adapter or the app") {
                @Override
                public boolean test(JavaClass c) {
                    return c.getPackageName().startsWith("com.carriergateway.app") || isConcreteAdapter(c);
                }
            });

    @ArchTest
    static final ArchRule adaptersSeeOnlyTheAdapterApi = classes()
            .that().resideInAPackage("com.carriergateway.adapter..")
            .should(new ArchCondition<JavaClass>("depend on no gateway internal, no framework and no other adapter") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    for (Dependency d : c.getDirectDependenciesFromSelf()) {
                        JavaClass target = d.getTargetClass();
                        String pkg = target.getPackageName();
                        boolean gatewayInternal = pkg.startsWith("com.carriergateway.")
                                && !pkg.startsWith("com.carriergateway.adapter");
                        boolean framework = pkg.startsWith("org.apache.camel") || pkg.startsWith("org.springframework")
                                && !c.getPackageName().startsWith("com.carriergateway.adapter.contract");
                        boolean otherAdapter = isConcreteAdapter(target) && !carrierOf(target).equals(carrierOf(c));
                        if (gatewayInternal || framework || otherAdapter) {
                            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                        }
                    }
                }
            });

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("com.carriergateway.(**)").should().beFreeOfCycles();

    static boolean isConcreteAdapter(JavaClass c) {
        String pkg = c.getPackageName();
        return pkg.startsWith("com.carriergateway.adapter.") && !ADAPTER_API.contains(pkg)
                && !pkg.startsWith("com.carriergateway.adapter.contract");
    }

    /** The carrier an adapter class belongs to: the package segment after {@code adapter}. */
    static String carrierOf(JavaClass c) {
        String rest = c.getPackageName().substring("com.carriergateway.adapter".length());
        String[] parts = rest.split("\\.");
        return parts.length > 1 ? parts[1] : "";
    }
}
