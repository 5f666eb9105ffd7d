package org.terroir.importer.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.terroir.importer.epcis.model.Epc;
import org.terroir.importer.epcis.model.Extension;
import org.terroir.importer.epcis.model.ObjectEvent;
import org.terroir.importer.epcis.model.ReadEvent;

/** Events come out one at a time while the document is still being read: an endless document works. */
class StreamingReaderTest {

    @Test
    void yieldsJsonEventsBeforeTheDocumentEnds() {
        String head = """
                {"@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld", {"t": "https://terroir.example/ns/"}],
                 "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-11-23T10:00:00+08:00",
                 "epcisBody": {"eventList": [
                """;
        String event = """
                {"type": "ObjectEvent", "eventTime": "2026-11-23T08:00:00+08:00", "eventTimeZoneOffset": "+08:00",
                 "epcList": ["https://id.gs1.org/01/09520001000010/21/%d"], "action": "OBSERVE", "bizStep": "shipping",
                 "t:village": "张家川"},
                """;
        assertFirstEventsOfEndlessDocument(new Endless(head, event), EpcisReader.Format.JSON);
    }

    @Test
    void yieldsXmlEventsBeforeTheDocumentEnds() {
        String head = """
                <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" xmlns:t="https://terroir.example/ns/"
                  schemaVersion="2.0" creationDate="2026-11-23T10:00:00+08:00"><EPCISBody><EventList>
                """;
        String event = """
                <ObjectEvent><eventTime>2026-11-23T08:00:00+08:00</eventTime><eventTimeZoneOffset>+08:00</eventTimeZoneOffset>
                <epcList><epc>urn:epc:id:sgtin:9520001.000001.%d</epc></epcList><action>OBSERVE</action>
                <bizStep>urn:epcglobal:cbv:bizstep:shipping</bizStep><t:village>张家川</t:village></ObjectEvent>
                """;
        assertFirstEventsOfEndlessDocument(new Endless(head, event), EpcisReader.Format.XML);
    }

    private static void assertFirstEventsOfEndlessDocument(InputStream in, EpcisReader.Format format) {
        List<ReadEvent> first = new ArrayList<>();
        try (EpcisReader reader = EpcisReader.of(in, "endless", format)) {
            for (int i = 0; i < 5; i++) {
                Optional<ReadEvent> e = reader.next();
                assertThat(e).isPresent();
                first.add(e.get());
            }
        }
        assertThat(first).allSatisfy(e -> assertThat(e.problems()).isEmpty());
        assertThat(first).extracting(ReadEvent::index).containsExactly(0, 1, 2, 3, 4);
        ObjectEvent fifth = (ObjectEvent) first.get(4).event().orElseThrow();
        assertThat(fifth.epcList()).extracting(Epc::key).containsExactly("01/09520001000010/21/4");
        assertThat(fifth.common().bizStep()).contains("shipping");
        assertThat(fifth.common().extensions()).singleElement()
                .isEqualTo(new Extension("https://terroir.example/ns/", "village", "张家川", List.of()));
    }

    /** A document head followed by the same event, numbered, forever. */
    private static final class Endless extends InputStream {
        private final String event;
        private byte[] buffer;
        private int position;
        private int next;

        Endless(String head, String event) {
            this.event = event;
            this.buffer = head.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() {
            if (position == buffer.length) {
                buffer = event.formatted(next++).getBytes(StandardCharsets.UTF_8);
                position = 0;
            }
            return buffer[position++] & 0xFF;
        }
    }
}
