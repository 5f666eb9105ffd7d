package org.terroir.importer.epcis;

import org.terroir.model.Cbv;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.terroir.testsupport.SharedFiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Our validation in code against the official EPCIS 2.0 artefacts in {@code ../shared/standards/epcis-2.0}. */
class OfficialSchemasCrossCheckTest {

    private static final String STANDARDS = "standards/epcis-2.0";

    /**
     * Every XML corpus document: our verdict equals the official XSD's (the corpus' XML problems
     * are all structural, so the XSD sees them too; the strict order rule is the XSD's rule).
     */
    @TestFactory
    Stream<DynamicTest> xmlVerdictEqualsTheOfficialXsdVerdict() throws Exception {
        OfficialXsd xsd = OfficialXsd.load();
        Path corpus = SharedFiles.require("corpus/epcis-openepcis/XML");
        return Stream.of("Documents", "Invalid").flatMap(folder -> files(corpus.resolve(folder)))
                .map(file -> DynamicTest.dynamicTest(file.getParent().getFileName() + "/" + file.getFileName(), () -> {
                    boolean xsdValid = xsd.valid(file);
                    boolean ourValid = EpcisValidator.validate(file).isEmpty();
                    assertThat(ourValid).as("ours: " + EpcisValidator.validate(file)).isEqualTo(xsdValid);
                }));
    }

    /** Element order inside nested structures: our strict rule and the XSD reject the same documents. */
    @TestFactory
    Stream<DynamicTest> nestedElementOrderVerdictEqualsTheOfficialXsdVerdict() throws Exception {
        OfficialXsd xsd = OfficialXsd.load();
        Map<String, String> cases = Map.of(
                "quantityElement in order", "<quantityList><quantityElement><epcClass>urn:epc:class:lgtin:9520001.000001.L1</epcClass><quantity>5</quantity><uom>KGM</uom></quantityElement></quantityList>",
                "uom before quantity", "<quantityList><quantityElement><epcClass>urn:epc:class:lgtin:9520001.000001.L1</epcClass><uom>KGM</uom><quantity>5</quantity></quantityElement></quantityList>",
                "unset before set", "<persistentDisposition><unset>completeness_inferred</unset><set>completeness_verified</set></persistentDisposition>",
                "set before unset", "<persistentDisposition><set>completeness_verified</set><unset>completeness_inferred</unset></persistentDisposition>",
                "readPoint extension before id", "<readPoint><t:x>1</t:x><id>urn:epc:id:sgln:9520001.00001.0</id></readPoint>");
        return cases.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(c -> DynamicTest.dynamicTest(c.getKey(), () -> {
                    String document = """
                            <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" xmlns:t="https://terroir.example/ns/"
                              schemaVersion="2.0" creationDate="2026-11-23T10:00:00+08:00"><EPCISBody><EventList><ObjectEvent>
                              <eventTime>2026-11-23T08:00:00+08:00</eventTime><eventTimeZoneOffset>+08:00</eventTimeZoneOffset>
                              <epcList/><action>OBSERVE</action>%s</ObjectEvent></EventList></EPCISBody></epcis:EPCISDocument>
                            """.formatted(c.getValue());
                    Path file = Files.writeString(Files.createTempFile("nested", ".xml"), document);
                    try {
                        boolean xsdValid = xsd.valid(file);
                        boolean ourValid = EpcisValidator.validate(file).isEmpty();
                        assertThat(ourValid).as("ours: " + EpcisValidator.validate(file)).isEqualTo(xsdValid);
                    } finally {
                        Files.delete(file);
                    }
                }));
    }

    @Test
    void cbvVocabulariesEqualTheJsonSchemaEnumerations() throws Exception {
        JsonNode definitions = JsonMapper.builder().build()
                .readTree(SharedFiles.require(STANDARDS).resolve("EPCIS-JSON-Schema.json").toFile()).path("definitions");
        assertThat(Cbv.BIZ_STEP.terms()).isEqualTo(schemaEnum(definitions, "bizStep"));
        assertThat(Cbv.DISPOSITION.terms()).isEqualTo(schemaEnum(definitions, "disposition"));
        assertThat(Cbv.BIZ_TRANSACTION_TYPE.terms()).isEqualTo(schemaEnum(definitions, "bizTransaction-type"));
        assertThat(Cbv.SOURCE_DESTINATION_TYPE.terms()).isEqualTo(schemaEnum(definitions, "source-dest-type"));
        assertThat(Cbv.ERROR_REASON.terms()).isEqualTo(schemaEnum(definitions, "error-reason"));
    }

    private static Set<String> schemaEnum(JsonNode definitions, String name) {
        Set<String> values = new HashSet<>();
        for (JsonNode alternative : definitions.path(name).path("anyOf")) {
            alternative.path("enum").forEach(v -> values.add(v.asString()));
        }
        assertThat(values).as(name).isNotEmpty();
        return values;
    }

    private static Stream<Path> files(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(f -> f.toString().endsWith(".xml")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
