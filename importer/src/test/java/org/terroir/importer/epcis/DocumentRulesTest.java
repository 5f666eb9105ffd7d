package org.terroir.importer.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.terroir.importer.epcis.model.Problem;

/** Document-level rules of both bindings. */
class DocumentRulesTest {

    private static final String CONTEXT = "\"@context\": [\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\"], ";

    @Test
    void rejectsAJsonDocumentWithoutEventList() {
        List<Problem> problems = validate("{" + CONTEXT
                + "\"type\": \"EPCISDocument\", \"schemaVersion\": \"2.0\", \"creationDate\": \"2026-11-23T10:00:00Z\", \"epcisBody\": {}}",
                EpcisReader.Format.JSON);
        assertThat(problems).extracting(Problem::field).containsExactly("epcisBody.eventList");
    }

    @Test
    void rejectsDuplicateJsonKeys() {
        List<Problem> problems = validate("{" + CONTEXT + "\"type\": \"EPCISDocument\", \"type\": \"EPCISDocument\"}",
                EpcisReader.Format.JSON);
        assertThat(problems).anySatisfy(p -> assertThat(p.reason()).contains("not well-formed JSON").containsIgnoringCase("duplicate"));
    }

    @Test
    void rejectsMalformedJsonWithTheLine() {
        List<Problem> problems = validate("{" + CONTEXT + "\n\"type\": \"EPCISDocument\",\n\"epcisBody\": {\"eventList\": [ {,]}}",
                EpcisReader.Format.JSON);
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("document");
            assertThat(p.line()).isEqualTo(3);
        });
    }

    @Test
    void rejectsAnXmlDocumentWithoutCreationDate() {
        List<Problem> problems = validate("""
                <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0">
                  <EPCISBody><EventList/></EPCISBody>
                </epcis:EPCISDocument>
                """, EpcisReader.Format.XML);
        assertThat(problems).extracting(Problem::field).containsExactly("creationDate");
    }

    @Test
    void readsAnEpcis12XmlDocumentWithExtensionWrappers() {
        List<Problem> problems = validate("""
                <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:1" schemaVersion="1.2" creationDate="2026-11-23T10:00:00Z">
                  <EPCISBody><EventList>
                    <ObjectEvent>
                      <eventTime>2026-11-23T08:00:00+08:00</eventTime><eventTimeZoneOffset>+08:00</eventTimeZoneOffset>
                      <baseExtension><eventID>urn:uuid:6f1a8b4e-2c1d-4c1e-9a51-0d6f3b1c2a11</eventID></baseExtension>
                      <epcList/><action>ADD</action><bizStep>urn:epcglobal:cbv:bizstep:commissioning</bizStep>
                      <extension><quantityList><quantityElement>
                        <epcClass>urn:epc:class:lgtin:9520001.000001.LOT7</epcClass><quantity>150</quantity><uom>KGM</uom>
                      </quantityElement></quantityList></extension>
                    </ObjectEvent>
                    <extension><TransformationEvent>
                      <eventTime>2026-11-23T09:00:00+08:00</eventTime><eventTimeZoneOffset>+08:00</eventTimeZoneOffset>
                      <inputQuantityList><quantityElement><epcClass>urn:epc:class:lgtin:9520001.000001.LOT7</epcClass>
                        <quantity>150</quantity><uom>KGM</uom></quantityElement></inputQuantityList>
                      <outputEPCList><epc>urn:epc:id:sgtin:9520001.000002.1</epc></outputEPCList>
                    </TransformationEvent></extension>
                  </EventList></EPCISBody>
                </epcis:EPCISDocument>
                """, EpcisReader.Format.XML);
        assertThat(problems).isEmpty();
    }

    private static List<Problem> validate(String document, EpcisReader.Format format) {
        try (EpcisReader reader = EpcisReader.of(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)),
                "doc", format)) {
            return EpcisValidator.validate(reader);
        }
    }
}
