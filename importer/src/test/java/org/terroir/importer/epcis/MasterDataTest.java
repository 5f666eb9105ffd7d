package org.terroir.importer.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.terroir.importer.epcis.model.ReadEvent;
import org.terroir.importer.epcis.model.Vocabulary;

/** EPCIS header master data is surfaced beside the events, in both bindings. */
class MasterDataTest {

    private static final Vocabulary STATION = new Vocabulary("urn:epcglobal:epcis:vtype:BusinessLocation", List.of(
            new Vocabulary.Element("urn:epc:id:sgln:9520001.00001.0", List.of(
                    new Vocabulary.Attribute("urn:epcglobal:cbv:mda#name", "张家川县电子商务中心"),
                    new Vocabulary.Attribute("urn:epcglobal:cbv:mda#countryCode", "CN")),
                    List.of("urn:epc:id:sgln:9520001.00001.1"))));

    @Test
    void readsJsonHeaderMasterData() {
        String json = """
                {"@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"],
                 "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-11-23T10:00:00+08:00",
                 "epcisHeader": {"epcisMasterData": {"vocabularyList": [
                   {"type": "urn:epcglobal:epcis:vtype:BusinessLocation", "vocabularyElementList": [
                     {"id": "urn:epc:id:sgln:9520001.00001.0",
                      "attributes": [{"id": "urn:epcglobal:cbv:mda#name", "attribute": "张家川县电子商务中心"},
                                     {"id": "urn:epcglobal:cbv:mda#countryCode", "attribute": "CN"}],
                      "children": ["urn:epc:id:sgln:9520001.00001.1"]}]}]}},
                 "epcisBody": {"eventList": []}}
                """;
        assertThat(masterData(json, EpcisReader.Format.JSON)).containsExactly(STATION);
    }

    @Test
    void readsXmlHeaderMasterData() {
        String xml = """
                <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0" creationDate="2026-11-23T10:00:00+08:00">
                  <EPCISHeader><extension><EPCISMasterData><VocabularyList>
                    <Vocabulary type="urn:epcglobal:epcis:vtype:BusinessLocation"><VocabularyElementList>
                      <VocabularyElement id="urn:epc:id:sgln:9520001.00001.0">
                        <attribute id="urn:epcglobal:cbv:mda#name">张家川县电子商务中心</attribute>
                        <attribute id="urn:epcglobal:cbv:mda#countryCode">CN</attribute>
                        <children><id>urn:epc:id:sgln:9520001.00001.1</id></children>
                      </VocabularyElement>
                    </VocabularyElementList></Vocabulary>
                  </VocabularyList></EPCISMasterData></extension></EPCISHeader>
                  <EPCISBody><EventList/></EPCISBody>
                </epcis:EPCISDocument>
                """;
        assertThat(masterData(xml, EpcisReader.Format.XML)).containsExactly(STATION);
    }

    private static List<Vocabulary> masterData(String document, EpcisReader.Format format) {
        try (EpcisReader reader = EpcisReader.of(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)),
                "header." + format.name().toLowerCase(), format)) {
            for (Optional<ReadEvent> e = reader.next(); e.isPresent(); e = reader.next()) {
                assertThat(e.get().problems()).isEmpty();
            }
            assertThat(reader.documentProblems()).isEmpty();
            return reader.masterData();
        }
    }
}
