package com.carriergateway.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules the folder tree promises: adapters know nothing of BestRx, Camel, Spring or each
 * other; the flows know no concrete carrier; the order store knows no BestRx shape.
 */
@AnalyzeClasses(packages = "com.carriergateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule adaptersKnowNoGatewayInternalsNorFrameworks = noClasses()
            .that().resideInAPackage("com.carriergateway.adapter..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.carriergateway.routes..", "com.carriergateway.app..", "org.apache.camel..",
                    "org.springframework..");

    @ArchTest
    static final ArchRule adaptersDoNotKnowEachOther = noClasses()
            .that().resideInAPackage("com.carriergateway.adapter.pitneybowes..")
            .should().dependOnClassesThat().resideInAPackage("com.carriergateway.adapter.connect..");

    @ArchTest
    static final ArchRule connectDoesNotKnowPitneyBowes = noClasses()
            .that().resideInAPackage("com.carriergateway.adapter.connect..")
            .should().dependOnClassesThat().resideInAPackage("com.carriergateway.adapter.pitneybowes..");

    @ArchTest
    static final ArchRule flowsKnowNoConcreteCarrier = noClasses()
            .that().resideInAPackage("com.carriergateway.routes..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.carriergateway.adapter.pitneybowes..", "com.carriergateway.adapter.connect..",
                    "com.carriergateway.app..");

    @ArchTest
    static final ArchRule theStoreKnowsNoBestRxShape = noClasses()
            .that().resideInAPackage("com.carriergateway.routes.store..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.carriergateway.routes.bestrx..", "com.carriergateway.routes.api..", "org.apache.camel..");

    @ArchTest
    static final ArchRule theCarrierRegistryKnowsNoBestRxShape = noClasses()
            .that().resideInAPackage("com.carriergateway.routes.carrier..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.carriergateway.routes.bestrx..", "com.carriergateway.routes.api..");
}
