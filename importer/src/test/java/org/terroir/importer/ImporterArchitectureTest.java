package org.terroir.importer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The importer's packages point one way: {@code epcis} (readers, validator, hash) uses
 * {@code epcis.internal}, which uses {@code epcis.model}; the model uses neither. The same rule
 * as the CLI's project-wide ArchitectureTest, checked here where a change would break it.
 */
@AnalyzeClasses(packages = "org.terroir.importer", importOptions = ImportOption.DoNotIncludeTests.class)
class ImporterArchitectureTest {

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("org.terroir.importer.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theEventModelKnowsNoReaderAndNoParser = noClasses()
            .that().resideInAPackage("org.terroir.importer.epcis.model..")
            .should().dependOnClassesThat().resideInAnyPackage("org.terroir.importer.epcis", "org.terroir.importer.epcis.internal..",
                    "tools.jackson..", "javax.xml..");
}
