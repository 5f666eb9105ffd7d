package org.terroir.importer.epcis.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.neo4j.driver.Driver;
import org.terroir.importer.epcis.EpcisValidator;
import org.terroir.store.Schema;
import org.terroir.testsupport.GraphDump;
import org.terroir.testsupport.SharedFiles;
import org.terroir.testsupport.TestNeo4j;

/**
 * The openepcis corpus ({@code ../shared/corpus/epcis-openepcis}) into a real Neo4j: every document
 * the validator accepts imports, every invalid one is rejected and changes nothing, and the JSON and
 * XML documents of the same name make the same graph.
 */
class OpenEpcisCorpusGraphIT {

    private static final String CORPUS = "corpus/epcis-openepcis";

    /** Valid-folder XML documents the strict element-order rule rejects (docs/epcis-mapping.md, "XML element order"). */
    private static final Map<String, String> REJECTED_BY_STRICT_ORDER = Map.of(
            "JumbledFieldsOrder.xml", "fields out of schema order; its JSON twin imports",
            "Namespace_document.xml", "event and fields namespace-qualified; no JSON twin");

    /**
     * Property left out of every comparison: {@code document} names the file an event came from,
     * which differs by its extension between the two bindings.
     */
    private static final Set<String> BINDING_SPECIFIC = Set.of("document");

    /**
     * Pairs whose XML declares the CBV master-data namespace as {@code urn:epcglobal:cbv:mda} where the
     * JSON-LD context says {@code urn:epcglobal:cbv:mda:} (docs/epcis-mapping.md, event hash): the
     * standard GS1 hash, kept as the event's {@code hash}, takes namespaces as written, so it differs;
     * the graph's own key ({@code eventId}) and everything else must not.
     */
    private static final Set<String> CBV_MDA_WRITTEN_DIFFERENTLY = Set.of("ObjectEvent_all_possible_fields",
            "SensorData_with_combined_events", "TransformationEvent_with_userExtensions");

    /**
     * The pair whose two files give an error declaration different times (14:00Z in JSON, 13:00Z in
     * XML): the declared event's {@code errorDeclaredAt} differs, and so does its EPCIS form ({@code epcis}).
     */
    private static final String DECLARATION_TIMES_DIFFER = "Combination_of_different_event";

    private final Driver driver = TestNeo4j.get().driver();

    @TestFactory
    Stream<DynamicTest> everyDocumentTheValidatorAcceptsImportsIntoTheGraph() {
        return Stream.concat(files("JSON/Documents"), files("XML/Documents"))
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    GraphDump.emptyGraph(driver, Schema::migrate);
                    boolean valid = EpcisValidator.validate(file).isEmpty();

                    EpcisImport.Outcome outcome = new EpcisImport(driver).run(file, n -> {});

                    if (valid) {
                        assertThat(outcome.problems()).as(file.toString()).isEmpty();
                        assertThat(outcome.imported()).isTrue();
                        assertThat(outcome.events()).isPositive();
                        assertThat(GraphDump.events(driver)).isPositive().isLessThanOrEqualTo(outcome.events());
                    } else {
                        assertThat(REJECTED_BY_STRICT_ORDER).as("only the strict-order XML documents are rejected")
                                .containsKey(file.getFileName().toString());
                        assertThat(outcome.imported()).isFalse();
                        assertThat(GraphDump.canonical(driver, Set.of())).isEmpty();
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyInvalidDocumentIsRejectedAndLeavesTheGraphAsItWas() {
        Path seed = SharedFiles.require(CORPUS).resolve("JSON/Documents/Combination_of_different_event.json");
        return Stream.concat(files("JSON/Invalid"), files("XML/Invalid"))
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    GraphDump.emptyGraph(driver, Schema::migrate);
                    assertThat(new EpcisImport(driver).run(seed, n -> {}).imported()).isTrue();
                    List<String> before = GraphDump.canonical(driver, Set.of());

                    EpcisImport.Outcome outcome = new EpcisImport(driver).run(file, n -> {});

                    assertThat(outcome.imported()).as(file.toString()).isFalse();
                    assertThat(outcome.problems()).isNotEmpty()
                            .allSatisfy(p -> assertThat(p.toString()).startsWith(file.getFileName() + ": "));
                    assertThat(GraphDump.canonical(driver, Set.of())).isEqualTo(before);
                }));
    }

    @TestFactory
    Stream<DynamicTest> jsonAndXmlDocumentsOfTheSameNameMakeTheSameGraph() {
        Path xmlDir = SharedFiles.require(CORPUS).resolve("XML/Documents");
        Path jsonDir = SharedFiles.require(CORPUS).resolve("JSON/Documents");
        return files("JSON/Documents")
                .map(json -> json.getFileName().toString().replaceFirst("\\.json$", ""))
                .filter(name -> Files.exists(xmlDir.resolve(name + ".xml")))
                .filter(name -> !REJECTED_BY_STRICT_ORDER.containsKey(name + ".xml"))
                .map(name -> DynamicTest.dynamicTest(name, () -> {
                    Set<String> excluded = CBV_MDA_WRITTEN_DIFFERENTLY.contains(name) ? Set.of("document", "hash")
                            : name.equals(DECLARATION_TIMES_DIFFER) ? Set.of("document", "errorDeclaredAt", "epcis") : BINDING_SPECIFIC;
                    List<String> fromJson = graphOf(jsonDir.resolve(name + ".json"), excluded);
                    List<String> fromXml = graphOf(xmlDir.resolve(name + ".xml"), excluded);

                    assertThat(fromJson).isNotEmpty();
                    assertThat(fromXml).containsExactlyElementsOf(fromJson);
                }));
    }

    private List<String> graphOf(Path document, Set<String> excluded) {
        GraphDump.emptyGraph(driver, Schema::migrate);
        assertThat(new EpcisImport(driver).run(document, n -> {}).imported()).as(document.toString()).isTrue();
        return GraphDump.canonical(driver, excluded);
    }

    private static Stream<Path> files(String folder) {
        try (Stream<Path> list = Files.list(SharedFiles.require(CORPUS).resolve(folder))) {
            return list.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".xml")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
