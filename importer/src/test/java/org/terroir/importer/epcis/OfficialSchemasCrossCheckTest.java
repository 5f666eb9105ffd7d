package org.terroir.importer.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.terroir.importer.SharedFiles;
import org.terroir.importer.epcis.model.Cbv;
import org.xml.sax.SAXException;
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
        Path xsd = SharedFiles.require(STANDARDS).resolve("EPCglobal-epcis-2_0.xsd");
        Path corpus = SharedFiles.require("corpus/epcis-openepcis/XML");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        Schema schema = factory.newSchema(xsd.toFile());
        return Stream.of("Documents", "Invalid").flatMap(folder -> files(corpus.resolve(folder)))
                .map(file -> DynamicTest.dynamicTest(file.getParent().getFileName() + "/" + file.getFileName(), () -> {
                    boolean xsdValid = xsdValid(schema, file);
                    boolean ourValid = EpcisValidator.validate(file).isEmpty();
                    assertThat(ourValid).as("ours: " + EpcisValidator.validate(file)).isEqualTo(xsdValid);
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

    private static boolean xsdValid(Schema schema, Path file) throws IOException {
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new StreamSource(file.toFile()));
            return true;
        } catch (SAXException invalid) {
            return false;
        }
    }

    private static Stream<Path> files(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(f -> f.toString().endsWith(".xml")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
