package org.terroir.importer.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.terroir.importer.epcis.model.ErrorDeclaration;
import org.terroir.importer.epcis.model.Extension;
import org.terroir.importer.epcis.model.ObjectEvent;
import org.terroir.importer.epcis.model.Problem;

/**
 * Shapes of valid documents that partners' systems write and the standard allows, each taken from
 * the way a published example is laid out: JSON members in another order, a bare DOCTYPE, an
 * error declaration's members in any order, a quantity given as nil, a capture job's report.
 */
class DocumentShapesTest {

    /** A shipment of Ningxia beef as a partner's JSON writer lays it out: the context after the body. */
    private static final String JSON_CONTEXT_LAST = """
            {
              "type": "EPCISDocument",
              "schemaVersion": "2.0",
              "creationDate": "2026-11-20T09:00:00+08:00",
              "epcisBody": {
                "eventList": [
                  {
                    "type": "ObjectEvent",
                    "eventTime": "2026-11-20T08:10:00+08:00",
                    "eventTimeZoneOffset": "+08:00",
                    "epcList": ["https://id.gs1.org/01/09520001000010/21/1001"],
                    "action": "OBSERVE",
                    "bizStep": "shipping",
                    "readPoint": {"id": "https://id.gs1.org/414/9520001000017"},
                    "hui:slaughterCertificate": "NX-2026-0088"
                  },
                  {
                    "type": "ObjectEvent",
                    "eventTime": "2026-11-20T08:20:00+08:00",
                    "eventTimeZoneOffset": "+08:00",
                    "epcList": ["https://id.gs1.org/01/09520001000010/21/1002"],
                    "action": "OBSERVE",
                    "bizStep": "shipping",
                    "hui:slaughterCertificate": "NX-2026-0089"
                  }
                ]
              },
              "@context": [
                "https://ref.gs1.org/standards/epcis/epcis-context.jsonld",
                {"hui": "https://terroir.example/ns/halal/"}
              ]
            }
            """;

    @Test
    void aJsonDocumentWhoseContextComesAfterItsEventsReadsAsTheSameDocumentWithItsContextFirst() {
        String contextFirst = JSON_CONTEXT_LAST.replaceFirst("(?s)\\{\\s*\"type\"", "{ \"@context\": "
                + "[\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\", {\"hui\": \"https://terroir.example/ns/halal/\"}],"
                + " \"type\"").replaceFirst("(?s),\\s*\"@context\": \\[[^\\]]*\\]\\s*}\\s*$", "}");
        ReadAll last = read(JSON_CONTEXT_LAST, EpcisReader.Format.JSON);
        ReadAll first = read(contextFirst, EpcisReader.Format.JSON);

        assertThat(last.problems()).isEmpty();
        assertThat(first.problems()).isEmpty();
        assertThat(last.events()).hasSize(2).isEqualTo(first.events());
        assertThat(last.events().getFirst().common().extensions()).singleElement()
                .isEqualTo(new Extension("https://terroir.example/ns/halal/", "slaughterCertificate", "NX-2026-0088", List.of()));
        assertThat(last.events()).extracting(EventHash::of).isEqualTo(first.events().stream().map(EventHash::of).toList());
    }

    @Test
    void aPrefixThatNoContextDeclaresIsStillRefusedWhereverTheContextComes() {
        ReadAll read = read(JSON_CONTEXT_LAST.replace("{\"hui\": \"https://terroir.example/ns/halal/\"}", "{}"),
                EpcisReader.Format.JSON);

        assertThat(read.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.reason()).contains("hui"));
    }

    /** The layout of GS1's own XML examples: a declaration, then a DOCTYPE that names the root and defines nothing. */
    private static final String XML = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            %s
            <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" xmlns:hui="https://terroir.example/ns/halal/"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" schemaVersion="2.0" creationDate="2026-11-20T09:00:00+08:00">
              <EPCISBody>
                <EventList>
                  <ObjectEvent>
                    <eventTime>2026-11-20T08:10:00+08:00</eventTime>
                    <eventTimeZoneOffset>+08:00</eventTimeZoneOffset>
                    %s
                    <epcList><epc>urn:epc:id:sgtin:9520001.000001.1001</epc></epcList>
                    <action>OBSERVE</action>
                    <bizStep>urn:epcglobal:cbv:bizstep:shipping</bizStep>
                    <quantityList>
                      <quantityElement>
                        <epcClass>urn:epc:class:lgtin:9520001.000001.NX88</epcClass>
                        %s
                        <uom>KGM</uom>
                      </quantityElement>
                    </quantityList>
                  </ObjectEvent>
                </EventList>
              </EPCISBody>
            </epcis:EPCISDocument>
            """;

    @Test
    void aBareDoctypeIsAcceptedAndOneThatDefinesAnythingIsNot() {
        for (String bare : List.of("<!DOCTYPE project>", "<!DOCTYPE epcis:EPCISDocument>", "<!DOCTYPE project [ ]>")) {
            ReadAll read = read(XML.formatted(bare, "", "<quantity>12.5</quantity>"), EpcisReader.Format.XML);
            assertThat(read.problems()).as(bare).isEmpty();
            assertThat(read.events()).as(bare).hasSize(1);
        }
        for (String defining : List.of("<!DOCTYPE project SYSTEM \"epcis.dtd\">",
                "<!DOCTYPE project PUBLIC \"-//GS1//EPCIS\" \"http://localhost/epcis.dtd\">",
                "<!DOCTYPE project [<!ENTITY beef \"牛肉\">]>", "<!DOCTYPE project [<!ELEMENT project ANY>]>")) {
            ReadAll read = read(XML.formatted(defining, "", "<quantity>12.5</quantity>"), EpcisReader.Format.XML);
            assertThat(read.events()).as(defining).isEmpty();
            assertThat(read.problems()).as(defining).singleElement().satisfies(p -> {
                assertThat(p.field()).isEqualTo("DOCTYPE");
                assertThat(p.reason()).contains("DTDs are refused", "only a bare <!DOCTYPE name>");
            });
        }
    }

    @Test
    void anErrorDeclarationsMembersComeInAnyOrderAsTheSchemasChoiceAllows() {
        // As in GS1's ErrorDeclarationAndCorrectiveEvent example: a vendor's element before the standard ones.
        String declaration = """
                <errorDeclaration>
                  <hui:note>wrong lot scanned at the Wuzhong slaughterhouse</hui:note>
                  <correctiveEventIDs><correctiveEventID>urn:uuid:404d95fc-9457-4a51-bd6a-0bba133845a8</correctiveEventID></correctiveEventIDs>
                  <reason>urn:epcglobal:cbv:er:incorrect_data</reason>
                  <declarationTime>2026-11-21T10:00:00+08:00</declarationTime>
                </errorDeclaration>""";
        ReadAll read = read(XML.formatted("", declaration, "<quantity>12.5</quantity>"), EpcisReader.Format.XML);

        assertThat(read.problems()).isEmpty();
        ErrorDeclaration declared = read.events().getFirst().common().errorDeclaration().orElseThrow();
        assertThat(declared.declarationTime()).isEqualTo(Instant.parse("2026-11-21T02:00:00Z"));
        assertThat(declared.reason()).contains("incorrect_data");
        assertThat(declared.correctiveEventIds()).containsExactly("urn:uuid:404d95fc-9457-4a51-bd6a-0bba133845a8");
    }

    @Test
    void aQuantityGivenAsNilIsAQuantityNotKnownAndNilIsRefusedWhereTheSchemaDoesNotAllowIt() {
        ReadAll nil = read(XML.formatted("", "", "<quantity xsi:nil=\"true\"/>"), EpcisReader.Format.XML);
        assertThat(nil.problems()).isEmpty();
        ObjectEvent event = (ObjectEvent) nil.events().getFirst();
        assertThat(event.quantityList()).singleElement().satisfies(q -> {
            assertThat(q.quantity()).isEmpty();
            assertThat(q.uom()).contains("KGM");
        });

        ReadAll known = read(XML.formatted("", "", "<quantity>12.5</quantity>"), EpcisReader.Format.XML);
        assertThat(((ObjectEvent) known.events().getFirst()).quantityList().getFirst().quantity()).contains(new BigDecimal("12.5"));

        ReadAll notEmpty = read(XML.formatted("", "", "<quantity xsi:nil=\"true\">12.5</quantity>"), EpcisReader.Format.XML);
        assertThat(notEmpty.problems()).extracting(Problem::reason).anySatisfy(r -> assertThat(r).contains("xsi:nil but not empty"));

        ReadAll notNillable = read(XML.formatted("", "", "<quantity>1</quantity>").replace(
                "<action>OBSERVE</action>", "<action xsi:nil=\"true\"/>"), EpcisReader.Format.XML);
        assertThat(notNillable.problems()).extracting(Problem::reason)
                .anySatisfy(r -> assertThat(r).contains("xsi:nil is not allowed here"));
    }

    @Test
    void aUserElementNamingABuiltInTypeMustHoldAValueOfIt() {
        String typed = "<hui:weightKg xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xsi:type=\"xsd:decimal\">%s</hui:weightKg>";
        String good = XML.formatted("", "", "<quantity>1</quantity>").replace("</ObjectEvent>", typed.formatted("12.5") + "</ObjectEvent>");
        String bad = XML.formatted("", "", "<quantity>1</quantity>").replace("</ObjectEvent>", typed.formatted("twelve") + "</ObjectEvent>");

        assertThat(read(good, EpcisReader.Format.XML).problems()).isEmpty();
        assertThat(read(bad, EpcisReader.Format.XML).problems()).extracting(Problem::reason)
                .containsExactly("\"twelve\" is not a value of its xsi:type xsd:decimal");
    }

    /**
     * A capture interface's report on a job, as GS1's capture examples lay it out: valid by the XSD,
     * it holds neither events nor master data. Read without problem (an import says there is nothing
     * to import), as the XSD judges it, its required parts checked.
     */
    private static final String CAPTURE_JOB = """
            <epcis:EPCISCaptureJob xmlns:epcis="urn:epcglobal:epcis:xsd:2" running="false" success="false"
                captureID="6d5a0c1f-3b2e-4c1a-9f0e-2a7b9c4d1e55">
              <captureErrorBehaviour>rollback</captureErrorBehaviour>
              <createdAt>2026-11-20T09:00:01+08:00</createdAt>
              <finishedAt>2026-11-20T09:00:03+08:00</finishedAt>
              <errors>
                <error>
                  <type>https://terroir.example/problems/invalid-event</type>
                  <title>EPCIS event validation failure</title>
                  <status>400</status>
                  <detail>event 3: action: "OBSERVED" is not one of ADD, OBSERVE, DELETE</detail>
                </error>
              </errors>
            </epcis:EPCISCaptureJob>
            """;

    @Test
    void aCaptureJobReportIsReadAsTheSchemaJudgesItAndHoldsNothingToImport() throws Exception {
        OfficialXsd xsd = OfficialXsd.load();
        assertThat(xsd.valid(CAPTURE_JOB)).isTrue();
        ReadAll report = read(CAPTURE_JOB, EpcisReader.Format.XML);
        assertThat(report.problems()).isEmpty();
        assertThat(report.events()).isEmpty();
        try (EpcisReader reader = EpcisReader.of(new java.io.ByteArrayInputStream(CAPTURE_JOB.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "job.xml", EpcisReader.Format.XML)) {
            assertThat(reader.next()).isEmpty();
            assertThat(reader.documentType()).isEqualTo("EPCISCaptureJob");
            assertThat(reader.masterData()).isEmpty();
        }

        for (String bad : List.of(CAPTURE_JOB.replace(" captureID=\"6d5a0c1f-3b2e-4c1a-9f0e-2a7b9c4d1e55\"", ""),
                CAPTURE_JOB.replace("running=\"false\"", "running=\"no\""),
                CAPTURE_JOB.replace("<captureErrorBehaviour>rollback</captureErrorBehaviour>", ""),
                CAPTURE_JOB.replace(">rollback<", ">retry<"))) {
            assertThat(xsd.valid(bad)).isFalse();
            assertThat(read(bad, EpcisReader.Format.XML).problems()).as(bad).hasSize(1);
        }
    }

    private static ReadAll read(String document, EpcisReader.Format format) {
        return ReadAll.of(document, "shape." + format.name().toLowerCase(), format);
    }
}
