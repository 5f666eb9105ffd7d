package org.terroir.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The shape of the house: arrows point inward to graph-model, labels need no database, no cycles. */
@AnalyzeClasses(packages = "org.terroir", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("org.terroir.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesBetweenModules = slices().matching("org.terroir.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule graphModelKnowsNoSpringNoWebAndNoOuterModule = noClasses()
            .that().resideInAPackage("org.terroir.model..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta.servlet..", "io.netty..", "reactor.netty..",
                    "org.terroir.store..", "org.terroir.importer..", "org.terroir.labels..", "org.terroir.trace..",
                    "org.terroir.cli..");

    @ArchTest
    static final ArchRule labelsNeedNoDatabase = noClasses()
            .that().resideInAPackage("org.terroir.labels..")
            .should().dependOnClassesThat().resideInAnyPackage("org.neo4j..", "org.terroir.store..");

    @ArchTest
    static final ArchRule onlyTheCommandLineUsesTheCommandLine = noClasses()
            .that().resideOutsideOfPackages("org.terroir.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.terroir.cli..");
}
