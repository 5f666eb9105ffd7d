package org.terroir.importer.epcis;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.terroir.testsupport.SharedFiles;
import org.xml.sax.SAXException;

/** The official EPCIS 2.0 XSDs (event and master-data documents) in {@code ../shared/standards/epcis-2.0}, as {@code javax.xml.validation} judges with it. */
final class OfficialXsd {

    private final Schema schema;

    private OfficialXsd(Schema schema) {
        this.schema = schema;
    }

    /** The schema, or the calling test skipped when {@code ../shared} is absent. */
    static OfficialXsd load() throws SAXException {
        Path standards = SharedFiles.require("standards/epcis-2.0");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        // the event document's schema and the master-data document's (which imports it)
        return new OfficialXsd(factory.newSchema(new javax.xml.transform.Source[] {
            new StreamSource(standards.resolve("EPCglobal-epcis-2_0.xsd").toFile()),
            new StreamSource(standards.resolve("EPCglobal-epcis-masterdata-2_0.xsd").toFile())}));
    }

    boolean valid(Path file) throws IOException {
        return valid(Files.readString(file));
    }

    boolean valid(String xml) throws IOException {
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new StreamSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
            return true;
        } catch (SAXException invalid) {
            return false;
        }
    }
}
