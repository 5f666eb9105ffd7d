package org.terroir.importer.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.terroir.importer.epcis.model.EpcisEvent;
import org.terroir.testsupport.SharedFiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON-LD the query interface answers with gives back the event it was written from: every
 * event of every valid document of the shared corpora (both bindings) written, then read as a
 * document of its own, is the same event with the same GS1 event hash.
 */
class EventJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A document of one event with a sensor report and an extension under a prefix of its own. */
    static final String HALAL_DOCUMENT = """
            {"@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld",
                          {"halal": "https://terroir.example/ns/halal/"}],
             "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-03-01T00:00:00Z",
             "epcisBody": {"eventList": [
               {"type": "ObjectEvent", "eventTime": "2026-03-01T08:00:00+08:00", "eventTimeZoneOffset": "+08:00",
                "epcList": ["urn:epc:id:sgtin:9520001.000010.SN1"], "action": "OBSERVE",
                "bizStep": "urn:epcglobal:cbv:bizstep:shipping", "disposition": "in_transit",
                "readPoint": {"id": "urn:epc:id:sgln:9520001.00002.0"},
                "quantityList": [{"epcClass": "urn:epc:class:lgtin:9520001.000010.LOT7", "quantity": 20.50, "uom": "KGM"}],
                "sensorElementList": [{"sensorReport": [{"type": "gs1:Temperature", "value": 4.0, "uom": "CEL"}]}],
                "halal:certifier": "CIQ-Linxia"}]}}
            """;

    /** Every valid document of the shared corpora, both bindings (the test skipped without {@code ../shared}). */
    static Stream<Path> corpusDocuments() {
        Path openepcis = SharedFiles.require("corpus/epcis-openepcis");
        Path hashes = SharedFiles.require("corpus/epcis-event-hash/examples");
        return Stream.of(openepcis.resolve("JSON/Documents"), openepcis.resolve("XML/Documents"), hashes)
                .flatMap(EventJsonTest::list)
                .filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".jsonld") || f.toString().endsWith(".xml"));
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusEventReadsBackAsTheSameEvent() {
        return corpusDocuments().map(file -> DynamicTest.dynamicTest(file.getParent().getFileName() + "/" + file.getFileName(), () -> {
            List<EpcisEvent> events = OpenEpcisCorpusTest.eventsLeniently(file);
            assertThat(events).as(file.toString()).isNotEmpty();
            for (EpcisEvent event : events) {
                String id = EventHash.idOf(event);
                String written = EventJson.write(event, id);
                ReadAll read = ReadAll.of(document(written), "written.json", EpcisReader.Format.JSON);

                assertThat(read.problems()).as(written).isEmpty();
                assertThat(read.events()).hasSize(1);
                EpcisEvent back = read.events().getFirst();
                assertThat(back.eventId()).contains(id);
                assertThat(comparable(back)).as(written).isEqualTo(comparable(event));
                assertThat(EventHash.preHash(back)).isEqualTo(sameMasterDataNamespace(EventHash.preHash(event)));
                assertThat(comparable(EventJson.read(JSON.readTree(written)))).as("read(): %s", written).isEqualTo(comparable(back));
            }
        }));
    }

    @Test
    void writesGs1KeysAsDigitalLinksCbvValuesBareAndExtensionsUnderDeclaredPrefixes() {
        EpcisEvent event = ReadAll.of(HALAL_DOCUMENT, "d.json", EpcisReader.Format.JSON).events().getFirst();

        JsonNode written = EventJson.node(event, "urn:uuid:1");

        assertThat(written.get("@context").get(0).get("ext1").asString()).isEqualTo("https://terroir.example/ns/halal/");
        assertThat(written.get("ext1:certifier").asString()).isEqualTo("CIQ-Linxia");
        assertThat(written.get("epcList").get(0).asString()).isEqualTo("https://id.gs1.org/01/09520001000102/21/SN1");
        assertThat(written.get("quantityList").get(0).get("epcClass").asString())
                .isEqualTo("https://id.gs1.org/01/09520001000102/10/LOT7");
        assertThat(written.get("quantityList").get(0).get("quantity").decimalValue()).isEqualByComparingTo("20.5");
        assertThat(written.get("bizStep").asString()).isEqualTo("shipping");
        assertThat(written.get("readPoint").get("id").asString()).isEqualTo("https://id.gs1.org/414/9520001000027");
        assertThat(written.get("sensorElementList").get(0).get("sensorReport").get(0).get("type").asString())
                .isEqualTo("Temperature");
        assertThat(written.get("eventTime").asString()).isEqualTo("2026-03-01T08:00:00+08:00");
        assertThat(written.has("recordTime")).isFalse();
    }

    private static String document(String event) {
        return """
                {"@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"], "type": "EPCISDocument",
                 "schemaVersion": "2.0", "creationDate": "2026-12-07T00:00:00Z", "epcisBody": {"eventList": [%s]}}
                """.formatted(event);
    }

    /** The event as its record prints, without what the writer sets or leaves out (eventID, recordTime). */
    static String comparable(EpcisEvent event) {
        return sameMasterDataNamespace(event.toString()
                .replaceFirst("eventId=Optional\\[[^\\]]*\\]|eventId=Optional.empty", "eventId=")
                .replaceFirst("recordTime=Optional\\[[^\\]]*\\]|recordTime=Optional.empty", "recordTime="));
    }

    /** XML documents name the CBV master-data namespace without its JSON-LD colon; the writer uses the JSON-LD one. */
    static String sameMasterDataNamespace(String text) {
        return text.replace("namespace=urn:epcglobal:cbv:mda,", "namespace=urn:epcglobal:cbv:mda:,")
                .replace("{urn:epcglobal:cbv:mda}", "{urn:epcglobal:cbv:mda:}");
    }

    private static Stream<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
