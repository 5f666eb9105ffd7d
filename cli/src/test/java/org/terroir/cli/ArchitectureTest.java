package org.terroir.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape of the house: arrows point inward to graph-model, labels need no database, no cycles,
 * the command line (picocli) only in the cli module, the Neo4j driver only where the graph is used.
 */
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
                    "org.springframework..", "jakarta.servlet..", "io.netty..", "reactor.netty..", "org.neo4j..",
                    "org.terroir.store..", "org.terroir.importer..", "org.terroir.labels..", "org.terroir.trace..",
                    "org.terroir.cli..");

    @ArchTest
    static final ArchRule labelsNeedNoDatabase = noClasses()
            .that().resideInAPackage("org.terroir.labels..")
            .should().dependOnClassesThat().resideInAnyPackage("org.neo4j..", "org.terroir.store..");

    /** The modules are libraries with plain Java entry points; their commands are the cli module's. */
    @ArchTest
    static final ArchRule onlyTheCommandLineUsesPicocli = noClasses()
            .that().resideOutsideOfPackages("org.terroir.cli..")
            .should().dependOnClassesThat().resideInAPackage("picocli..");

    /**
     * The driver is used where the graph is opened, migrated, written and read: the store (and its
     * schema migrations), the importer's graph writers and import run, the trace API (each of its
     * features queries the graph), and the test fixtures that drive a test Neo4j. Not the EPCIS
     * readers, the labels or the command line, which go through those. (The benchmarks module,
     * which measures against the raw driver, is not on this module's class path.)
     */
    @ArchTest
    static final ArchRule onlyTheGraphsCodeUsesTheNeo4jDriver = noClasses()
            .that().resideOutsideOfPackages("org.terroir.store..", "org.terroir.importer.epcis.graph..", "org.terroir.importer.masterdata..", "org.terroir.importer.run..",
                    "org.terroir.trace..", "org.terroir.testsupport..")
            .should().dependOnClassesThat().resideInAPackage("org.neo4j.driver..");

    @ArchTest
    static final ArchRule onlyTheCommandLineUsesTheCommandLine = noClasses()
            .that().resideOutsideOfPackages("org.terroir.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.terroir.cli..");
}
