package org.terroir.importer.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.terroir.importer.epcis.model.EpcisEvent;

/**
 * The XML the query interface answers with: every event of every valid document of the shared
 * corpora (both bindings), written into one EPCIS 2.0 XML document with CBV values as URNs and again
 * as GS1 Web URIs, makes a document the official schema takes, which reads back as the same events
 * with the same GS1 event hashes.
 */
class EventXmlTest {

    @TestFactory
    Stream<DynamicTest> everyCorpusEventReadsBackAsTheSameEventFromSchemaValidXml() throws Exception {
        OfficialXsd xsd = OfficialXsd.load();
        return Stream.of(EventXml.CbvValues.values()).flatMap(form -> EventJsonTest.corpusDocuments().map(file -> DynamicTest.dynamicTest(
                form + " " + file.getParent().getFileName() + "/" + file.getFileName(), () -> {
            List<EpcisEvent> events = OpenEpcisCorpusTest.eventsLeniently(file);
            assertThat(events).as(file.toString()).isNotEmpty();
            List<String> ids = events.stream().map(EventHash::idOf).toList();
            String written = document(events, ids, form);

            assertThat(xsd.valid(written)).as(written).isTrue();
            ReadAll read = ReadAll.of(written, "written.xml", EpcisReader.Format.XML);
            assertThat(read.problems()).as(written).isEmpty();
            assertThat(read.events()).hasSize(events.size());
            for (int i = 0; i < events.size(); i++) {
                EpcisEvent back = read.events().get(i);
                assertThat(back.eventId()).contains(ids.get(i));
                assertThat(EventJsonTest.comparable(back)).as(written).isEqualTo(EventJsonTest.comparable(events.get(i)));
                assertThat(EventJsonTest.sameMasterDataNamespace(EventHash.preHash(back)))
                        .isEqualTo(EventJsonTest.sameMasterDataNamespace(EventHash.preHash(events.get(i))));
            }
        })));
    }

    @Test
    void writesCbvValuesAsUrnsKeysAsDigitalLinksAndExtensionsInTheirNamespace() throws Exception {
        EpcisEvent event = ReadAll.of(EventJsonTest.HALAL_DOCUMENT, "d.json", EpcisReader.Format.JSON).events().getFirst();

        String written = document(List.of(event), List.of("urn:uuid:1"), EventXml.CbvValues.URN);

        assertThat(written).contains("<eventTime>2026-03-01T08:00:00+08:00</eventTime>", "<eventID>urn:uuid:1</eventID>",
                "<epc>https://id.gs1.org/01/09520001000102/21/SN1</epc>", "<bizStep>urn:epcglobal:cbv:bizstep:shipping</bizStep>",
                "<disposition>urn:epcglobal:cbv:disp:in_transit</disposition>",
                "<readPoint><id>https://id.gs1.org/414/9520001000027</id></readPoint>",
                "type=\"https://gs1.org/voc/Temperature\"", "xmlns:ext1=\"https://terroir.example/ns/halal/\"",
                "<ext1:certifier", ">CIQ-Linxia</ext1:certifier>");
        assertThat(OfficialXsd.load().valid(written)).isTrue();
    }

    @Test
    void writesCbvValuesAsWebUrisWhenAskedAndOtherValuesAsTheyAre() throws Exception {
        EpcisEvent event = ReadAll.of(EventJsonTest.HALAL_DOCUMENT.replace("\"in_transit\"", "\"https://terroir.example/disp/held\""),
                "d.json", EpcisReader.Format.JSON).events().getFirst();

        String written = document(List.of(event), List.of("urn:uuid:1"), EventXml.CbvValues.WEB_URI);

        assertThat(written).contains("<bizStep>https://ref.gs1.org/cbv/BizStep-shipping</bizStep>",
                "<disposition>https://terroir.example/disp/held</disposition>").doesNotContain("urn:epcglobal:cbv:");
        assertThat(OfficialXsd.load().valid(written)).isTrue();
    }

    /** An EPCIS 2.0 XML document of {@code events}, with {@code ids} as their event ids, CBV values as {@code form}. */
    static String document(List<EpcisEvent> events, List<String> ids, EventXml.CbvValues form) throws XMLStreamException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        XMLStreamWriter out = EventXml.writer(bytes);
        out.writeStartDocument("UTF-8", "1.0");
        out.writeStartElement("epcis", "EPCISDocument", EventXml.EPCIS);
        out.writeAttribute("schemaVersion", "2.0");
        out.writeAttribute("creationDate", "2026-12-07T00:00:00Z");
        out.writeStartElement("EPCISBody");
        out.writeStartElement("EventList");
        for (int i = 0; i < events.size(); i++) {
            EventXml.write(out, events.get(i), ids.get(i), form);
        }
        out.writeEndDocument();
        out.close();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
