package org.terroir.importer.epcis;

import org.terroir.model.Cbv;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.terroir.testsupport.SharedFiles;
import org.terroir.importer.epcis.model.EpcisEvent;
import org.terroir.importer.epcis.model.Problem;
import org.terroir.importer.epcis.model.ReadEvent;

/** The openepcis capture corpus in {@code ../shared/corpus/epcis-openepcis}. */
class OpenEpcisCorpusTest {

    private static final String CORPUS = "corpus/epcis-openepcis";

    /**
     * Valid-folder documents that the strict element-order rule (docs/epcis-mapping.md) rejects:
     * exactly the two the corpus README names as failing the official XSD.
     */
    private static final Map<String, String> REJECTED_BY_STRICT_ORDER = Map.of(
            "JumbledFieldsOrder.xml", "element order",
            "Namespace_document.xml", "namespace-qualified");

    /** For each invalid document, a field the rejection must name. */
    private static final Map<String, String> INVALID_FIELD = Map.ofEntries(
            Map.entry("Combination_of_events_with_missing_mandatory_fields.json", "action"),
            Map.entry("Combination_of_multiple_invalid_fields.json", "bizStep"),
            Map.entry("Combination_of_non_standard_bizStep_and_disposition.json", "disposition"),
            Map.entry("EPCISDocument_without_context.json", "@context"),
            Map.entry("ObjectEvent_with_ilmd_field_without_namespace.json", "ilmd.materialType"),
            Map.entry("ObjectEvent_with_invalid_action.json", "action"),
            Map.entry("ObjectEvent_with_invalid_certificationInfo.json", "certificationInfo[0]"),
            Map.entry("ObjectEvent_with_invalid_eventTime_format.json", "eventTime"),
            Map.entry("ObjectEvent_with_non_standard_bizStep.json", "bizStep"),
            Map.entry("ObjectEvent_with_non_standard_bizStep_in_second_event.json", "bizStep"),
            Map.entry("ObjectEvent_with_non_standard_disposition.json", "disposition"),
            Map.entry("ObjectEvent_with_quantity_as_text.json", "quantityList[0].quantity"),
            Map.entry("ObjectEvent_with_unknown_field_in_quantityList.json", "quantityList[0].weight"),
            Map.entry("ObjectEvent_without_action_and_eventTime.json", "eventTime"),
            Map.entry("ObjectEvent_without_identifier_list.json", "epcList"),
            Map.entry("ObjectEvent_bare_event_without_action.xml", "document"),
            Map.entry("ObjectEvent_with_invalid_action.xml", "action"),
            Map.entry("ObjectEvent_with_invalid_eventTime_format.xml", "eventTime"),
            Map.entry("ObjectEvent_with_near_miss_action.xml", "action"),
            Map.entry("ObjectEvent_with_unknown_element.xml", "madeUpField"),
            Map.entry("ObjectEvent_with_wrong_element_order.xml", "eventTime"),
            Map.entry("ObjectEvent_without_eventTime.xml", "eventTime"));

    @TestFactory
    Stream<DynamicTest> everyValidJsonDocumentReadsWithoutProblems() {
        return files("JSON/Documents").map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            assertThat(EpcisValidator.validate(file)).as(file.toString()).isEmpty();
            assertThat(events(file)).isNotEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyValidXmlDocumentReadsWithoutProblemsExceptTheStrictOrderOnes() {
        return files("XML/Documents").map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            List<Problem> problems = EpcisValidator.validate(file);
            String expected = REJECTED_BY_STRICT_ORDER.get(file.getFileName().toString());
            if (expected == null) {
                assertThat(problems).as(file.toString()).isEmpty();
                assertThat(events(file)).isNotEmpty();
            } else {
                assertThat(problems).as(file.toString()).isNotEmpty()
                        .allSatisfy(p -> assertThat(p.reason()).contains(expected));
            }
        }));
    }

    @Test
    void exactlyTheTwoDocumentsTheReadmeNamesFailTheStrictOrderRule() {
        Path dir = SharedFiles.require(CORPUS).resolve("XML/Documents");
        List<String> rejected = files(dir).filter(f -> !EpcisValidator.validate(f).isEmpty())
                .map(f -> f.getFileName().toString()).sorted().toList();
        assertThat(rejected).containsExactlyInAnyOrderElementsOf(REJECTED_BY_STRICT_ORDER.keySet());
    }

    @TestFactory
    Stream<DynamicTest> everyInvalidDocumentIsRejectedNamingTheField() {
        return Stream.concat(files("JSON/Invalid"), files("XML/Invalid"))
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    List<Problem> problems = EpcisValidator.validate(file);
                    String field = INVALID_FIELD.get(file.getFileName().toString());
                    assertThat(field).as("expected field for " + file.getFileName() + " (new corpus file?)").isNotNull();
                    assertThat(problems).as(file.toString()).isNotEmpty();
                    assertThat(problems).extracting(Problem::field).as(problems.toString()).contains(field);
                    assertThat(problems).allSatisfy(p -> assertThat(p.toString())
                            .startsWith(file.getFileName() + ": ").contains(p.field()));
                }));
    }

    /**
     * Pairs whose two files disagree in content (not only in form), and the one difference
     * allowed: Combination_of_different_event gives declarationTime 14:00Z in JSON, 14:00+01:00 in XML.
     */
    private static final Map<String, String[]> PAIR_DISAGREEMENTS = Map.of(
            "Combination_of_different_event.json", new String[] {"2019-11-07T14:00:00Z", "2019-11-07T13:00:00Z"});

    @TestFactory
    Stream<DynamicTest> jsonAndXmlDocumentsOfTheSameNameYieldEqualEvents() {
        Path xmlDir = SharedFiles.require(CORPUS).resolve("XML/Documents");
        return files("JSON/Documents")
                .filter(json -> Files.exists(xmlDir.resolve(json.getFileName().toString().replace(".json", ".xml"))))
                .filter(json -> !REJECTED_BY_STRICT_ORDER.containsKey(json.getFileName().toString().replace(".json", ".xml")))
                .map(json -> DynamicTest.dynamicTest(json.getFileName().toString(), () -> {
                    Path xml = xmlDir.resolve(json.getFileName().toString().replace(".json", ".xml"));
                    String[] known = PAIR_DISAGREEMENTS.get(json.getFileName().toString());
                    if (known == null) {
                        assertThat(sameCbvMasterDataNamespace(events(xml))).as(xml.toString())
                                .isEqualTo(sameCbvMasterDataNamespace(events(json)));
                    } else {
                        assertThat(events(xml)).as(xml.toString()).isNotEqualTo(events(json));
                        assertThat(sameCbvMasterDataNamespace(events(xml)).replace(known[1], known[0]))
                                .isEqualTo(sameCbvMasterDataNamespace(events(json)));
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> jsonAndXmlDocumentsOfTheSameNameGiveEqualEventHashes() {
        Path xmlDir = SharedFiles.require(CORPUS).resolve("XML/Documents");
        return files("JSON/Documents")
                .filter(json -> Files.exists(xmlDir.resolve(json.getFileName().toString().replace(".json", ".xml"))))
                .filter(json -> !PAIR_DISAGREEMENTS.containsKey(json.getFileName().toString()))
                .map(json -> DynamicTest.dynamicTest(json.getFileName().toString(), () -> {
                    Path xml = xmlDir.resolve(json.getFileName().toString().replace(".json", ".xml"));
                    List<String> xmlHashes = eventsLeniently(xml).stream().map(EventHash::of).toList();
                    List<String> jsonHashes = events(json).stream().map(EventHash::of).toList();
                    if (CBV_MDA_WRITTEN_DIFFERENTLY.contains(json.getFileName().toString())) {
                        assertThat(xmlHashes).isNotEqualTo(jsonHashes);
                        assertThat(eventsLeniently(xml).stream().map(EventHash::preHash)
                                .map(p -> p.replace("{urn:epcglobal:cbv:mda}", "{urn:epcglobal:cbv:mda:}")).toList())
                                .isEqualTo(events(json).stream().map(EventHash::preHash).toList());
                    } else {
                        assertThat(xmlHashes).as(xml.toString()).isEqualTo(jsonHashes);
                    }
                }));
    }

    /**
     * Pairs whose XML declares cbvmda as {@code urn:epcglobal:cbv:mda} while the JSON-LD context says
     * {@code urn:epcglobal:cbv:mda:}. The GS1 hash takes namespaces as written (its reference vectors
     * have both forms), so these hash differently; their pre-hash strings differ in nothing else.
     */
    private static final Set<String> CBV_MDA_WRITTEN_DIFFERENTLY = Set.of("ObjectEvent_all_possible_fields.json",
            "SensorData_with_combined_events.json", "TransformationEvent_with_userExtensions.json");

    @Test
    void strictOrderRuleStillReadsTheEventsOfTheJsonTwinOfJumbledFieldsOrder() {
        Path json = SharedFiles.require(CORPUS).resolve("JSON/Documents/JumbledFieldsOrder.json");
        assertThat(EpcisValidator.validate(json)).isEmpty();
    }

    @Test
    void problemsSayFileEventIndexLineFieldAndReason() {
        Path file = SharedFiles.require(CORPUS).resolve("JSON/Invalid/ObjectEvent_with_invalid_action.json");
        assertThat(EpcisValidator.validate(file)).extracting(Problem::toString).containsExactly(
                "ObjectEvent_with_invalid_action.json: event 0 (line 10): action: \"CREATE\" is not one of ADD, OBSERVE, DELETE");
    }

    @Test
    void boundedValidationKeepsTheFirstProblemsAndCountsThemAll() {
        Path file = SharedFiles.require(CORPUS).resolve("JSON/Invalid/Combination_of_multiple_invalid_fields.json");
        List<Problem> all = EpcisValidator.validate(file);

        EpcisValidator.Validation bounded = EpcisValidator.validate(file, 2);

        assertThat(all).hasSizeGreaterThan(2);
        assertThat(bounded.problems()).containsExactlyElementsOf(all.subList(0, 2));
        assertThat(bounded.problemCount()).isEqualTo(all.size());
        assertThat(bounded.eventCount()).isEqualTo(5);
        assertThat(bounded.valid()).isFalse();
    }

    @Test
    void reportsTheSecondEventByItsIndex() {
        Path file = SharedFiles.require(CORPUS).resolve("JSON/Invalid/ObjectEvent_with_non_standard_bizStep_in_second_event.json");
        assertThat(EpcisValidator.validate(file)).extracting(Problem::eventIndex).containsExactly(1);
    }

    /**
     * The one normalisation the model leaves out: XML documents declare the CBV master-data
     * namespace as {@code urn:epcglobal:cbv:mda}, the JSON-LD context as {@code urn:epcglobal:cbv:mda:}.
     * Extensions keep the namespace as written because the GS1 event hash depends on it.
     */
    private static String sameCbvMasterDataNamespace(List<EpcisEvent> events) {
        return events.toString().replace("namespace=urn:epcglobal:cbv:mda,", "namespace=urn:epcglobal:cbv:mda:,");
    }

    static List<EpcisEvent> eventsLeniently(Path file) {
        List<EpcisEvent> events = new ArrayList<>();
        try (EpcisReader reader = EpcisReader.open(file, EpcisReader.XmlOrder.LENIENT)) {
            for (Optional<ReadEvent> e = reader.next(); e.isPresent(); e = reader.next()) {
                e.get().event().ifPresent(events::add);
            }
        }
        return events;
    }

    static List<EpcisEvent> events(Path file) {
        List<EpcisEvent> events = new ArrayList<>();
        try (EpcisReader reader = EpcisReader.open(file)) {
            for (Optional<ReadEvent> e = reader.next(); e.isPresent(); e = reader.next()) {
                e.get().event().ifPresent(events::add);
            }
        }
        return events;
    }

    private static Stream<Path> files(String folder) {
        return files(SharedFiles.require(CORPUS).resolve(folder));
    }

    private static Stream<Path> files(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(f -> Set.of("json", "xml", "jsonld").contains(ext(f))).sorted().toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String ext(Path f) {
        String n = f.getFileName().toString();
        return n.substring(n.lastIndexOf('.') + 1);
    }
}
