package org.terroir.importer.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.terroir.importer.epcis.model.Problem;
import org.terroir.importer.epcis.model.ReadEvent;
import org.terroir.importer.epcis.model.Vocabulary;

/**
 * EPCIS master data: in a document's header (both bindings) and in an XML EPCISMasterDataDocument,
 * read as vocabularies and turned into rows for the nodes the CSV makes, validated as the CSV is.
 */
class MasterDataTest {

    /**
     * The Liancheng cooperative's collection point, its weighing bay (a sub-location), the
     * cooperative as a party, a product and a business step, as an association's system would send
     * them: the standard's EPCISMasterDataDocument, attributes of the CBV and one of its own.
     */
    static final String LIANCHENG_MASTER_DATA = """
            <?xml version="1.0" encoding="UTF-8"?>
            <epcismd:EPCISMasterDataDocument xmlns:epcismd="urn:epcglobal:epcis-masterdata:xsd:2"
                xmlns:lc="https://liancheng-sweet-potato.example/md" schemaVersion="2.0" creationDate="2026-11-01T09:00:00+08:00">
              <EPCISBody>
                <VocabularyList>
                  <Vocabulary type="urn:epcglobal:epcis:vtype:BusinessLocation">
                    <VocabularyElementList>
                      <VocabularyElement id="urn:epc:id:sgln:9520011.10010.0">
                        <attribute id="urn:epcglobal:cbv:mda#name">连城县北团红心地瓜专业合作社收购点</attribute>
                        <attribute id="urn:epcglobal:cbv:mda#name">Beituan cooperative collection point</attribute>
                        <attribute id="urn:epcglobal:cbv:mda#streetAddressOne">北团镇北团村</attribute>
                        <attribute id="urn:epcglobal:cbv:mda#city">连城县</attribute>
                        <attribute id="urn:epcglobal:cbv:mda#countryCode">CN</attribute>
                        <attribute id="urn:epcglobal:cbv:mda#latitude">25.8012</attribute>
                        <attribute id="urn:epcglobal:cbv:mda#longitude">116.7791</attribute>
                        <attribute id="https://liancheng-sweet-potato.example/md#grading">
                          <lc:scale>A</lc:scale><lc:scale>B</lc:scale>
                        </attribute>
                        <children>
                          <id>urn:epc:id:sgln:9520011.10010.1</id>
                        </children>
                      </VocabularyElement>
                      <VocabularyElement id="https://id.gs1.org/414/9520011100113">
                        <attribute id="urn:epcglobal:cbv:mda#name">溪尾村收购点</attribute>
                      </VocabularyElement>
                    </VocabularyElementList>
                  </Vocabulary>
                  <Vocabulary type="urn:epcglobal:epcis:vtype:ReadPoint">
                    <VocabularyElementList>
                      <VocabularyElement id="urn:epc:id:sgln:9520011.10010.1">
                        <attribute id="urn:epcglobal:cbv:mda:sst">201</attribute>
                        <attribute id="urn:epcglobal:cbv:mda:site">9520011100106</attribute>
                      </VocabularyElement>
                    </VocabularyElementList>
                  </Vocabulary>
                  <Vocabulary type="urn:epcglobal:epcis:vtype:SourceDest">
                    <VocabularyElementList>
                      <VocabularyElement id="urn:epc:id:pgln:9520011.00002">
                        <attribute id="urn:epcglobal:cbv:mda#name">连城县北团红心地瓜专业合作社</attribute>
                      </VocabularyElement>
                    </VocabularyElementList>
                  </Vocabulary>
                  <Vocabulary type="urn:epcglobal:epcis:vtype:EPCClass">
                    <VocabularyElementList>
                      <VocabularyElement id="urn:epc:idpat:sgtin:9520011.000102.*">
                        <attribute id="urn:epcglobal:cbv:mda#tradeItemDescription">连城地瓜干 500克</attribute>
                        <attribute id="urn:epcglobal:cbv:mda#countryOfOrigin">CN</attribute>
                      </VocabularyElement>
                      <VocabularyElement id="urn:epc:class:lgtin:9520011.000102.LC2601">
                        <attribute id="urn:epcglobal:cbv:mda#bestBeforeDate">2027-06-30</attribute>
                      </VocabularyElement>
                    </VocabularyElementList>
                  </Vocabulary>
                  <Vocabulary type="urn:epcglobal:epcis:vtype:BusinessStep">
                    <VocabularyElementList>
                      <VocabularyElement id="https://liancheng-sweet-potato.example/bizstep/drying"/>
                    </VocabularyElementList>
                  </Vocabulary>
                </VocabularyList>
              </EPCISBody>
            </epcismd:EPCISMasterDataDocument>
            """;

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

    @Test
    void anEpcisMasterDataDocumentIsReadAndIsValidByTheOfficialSchema() throws Exception {
        OfficialXsd xsd = OfficialXsd.load();
        assertThat(xsd.valid(LIANCHENG_MASTER_DATA)).as("the official XSD's verdict").isTrue();

        List<Vocabulary> vocabularies = masterData(LIANCHENG_MASTER_DATA, EpcisReader.Format.XML);

        assertThat(vocabularies).extracting(Vocabulary::type).containsExactly("urn:epcglobal:epcis:vtype:BusinessLocation",
                "urn:epcglobal:epcis:vtype:ReadPoint", "urn:epcglobal:epcis:vtype:SourceDest",
                "urn:epcglobal:epcis:vtype:EPCClass", "urn:epcglobal:epcis:vtype:BusinessStep");
        assertThat(vocabularies.getFirst().elements().getFirst().children()).containsExactly("urn:epc:id:sgln:9520011.10010.1");
    }

    @Test
    void vocabulariesBecomeRowsForTheNodesTheCsvMakes() {
        EpcisMasterData data = EpcisMasterData.of("liancheng.xml", masterData(LIANCHENG_MASTER_DATA, EpcisReader.Format.XML));

        assertThat(data.problems()).isEmpty();
        Map<String, Map<String, Object>> locations = new java.util.TreeMap<>();
        data.locations().forEach(l -> locations.put((String) l.get("key"), l));
        assertThat(locations.keySet()).containsExactly("414/9520011100106", "414/9520011100106/254/1", "414/9520011100113");
        Map<String, Object> point = locations.get("414/9520011100106");
        assertThat(point).containsEntry("gln", "9520011100106").containsEntry("nameZh", "连城县北团红心地瓜专业合作社收购点")
                .containsEntry("nameEn", "Beituan cooperative collection point")
                .containsEntry("latitude", 25.8012).containsEntry("longitude", 116.7791);
        assertThat((String) point.get("masterData")).as("every attribute kept as given, the association's own too")
                .contains("\"urn:epcglobal:cbv:mda#city\":\"连城县\"", "https://liancheng-sweet-potato.example/md#grading");
        assertThat(locations.get("414/9520011100106/254/1")).containsEntry("extension", "1").containsEntry("nameZh", null);
        assertThat(locations.get("414/9520011100113")).containsEntry("nameZh", "溪尾村收购点").containsEntry("latitude", null);
        assertThat(data.within()).containsExactly(Map.of("child", "414/9520011100106/254/1", "parent", "414/9520011100106"));
        assertThat(data.parties()).singleElement().satisfies(p -> assertThat(p)
                .containsEntry("gln", "9520011000024").containsEntry("nameZh", "连城县北团红心地瓜专业合作社"));
        assertThat(data.products()).singleElement().satisfies(p -> assertThat(p)
                .containsEntry("gtin", "09520011001021").containsEntry("nameZh", "连城地瓜干 500克"));
        assertThat(data.elements()).isEqualTo(7);
        assertThat(data.notWritten()).as("the lot's class and the business step").isEqualTo(2);
    }

    @Test
    void aJsonLdHeaderNamesInTwoLanguagesAndCompactAttributeIds() {
        String json = """
                {"@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"],
                 "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-11-23T10:00:00+08:00",
                 "epcisBody": {"eventList": []},
                 "epcisHeader": {"epcisMasterData": {"vocabularyList": [
                   {"type": "urn:epcglobal:epcis:vtype:BusinessLocation", "vocabularyElementList": [
                     {"id": "https://id.gs1.org/414/9520011100106",
                      "attributes": [{"id": "cbvmda:name", "attribute": {"@value": "Beituan collection point", "@language": "en"}},
                                     {"id": "cbvmda:name", "attribute": {"@value": "北团收购点", "@language": "zh-CN"}},
                                     {"id": "cbvmda:latitude", "attribute": 25.8012},
                                     {"id": "cbvmda:longitude", "attribute": "116.7791"}]}]}]}}}
                """;
        EpcisMasterData data = EpcisMasterData.of("header.jsonld", masterData(json, EpcisReader.Format.JSON));

        assertThat(data.problems()).isEmpty();
        assertThat(data.locations()).singleElement().satisfies(l -> assertThat(l).containsEntry("key", "414/9520011100106")
                .containsEntry("nameEn", "Beituan collection point").containsEntry("nameZh", "北团收购点")
                .containsEntry("latitude", 25.8012).containsEntry("longitude", 116.7791));
    }

    @Test
    void badMasterDataIsAProblemNamingItsElementAndAttribute() {
        String xml = LIANCHENG_MASTER_DATA
                .replace("urn:epc:id:sgln:9520011.10010.0\">", "https://id.gs1.org/414/9520011100107\">")
                .replace("<attribute id=\"urn:epcglobal:cbv:mda#longitude\">116.7791</attribute>", "")
                .replace("urn:epc:id:pgln:9520011.00002", "https://id.gs1.org/417/9520011000025")
                .replace("溪尾村收购点", "溪尾村\u202E收购点");
        List<Problem> problems = EpcisMasterData.of("liancheng.xml", masterData(xml, EpcisReader.Format.XML)).problems();

        assertThat(problems).extracting(p -> p.field() + ": " + p.reason()).satisfiesExactly(
                p -> assertThat(p).startsWith("epcisMasterData.vocabularyList[0].vocabularyElementList[0].id: ").contains("check digit"),
                p -> assertThat(p).startsWith("epcisMasterData.vocabularyList[0].vocabularyElementList[1].attributes[name]: ")
                        .contains("Location.nameZh"),
                p -> assertThat(p).startsWith("epcisMasterData.vocabularyList[2].vocabularyElementList[0].id: ").contains("check digit"));
        String noLongitude = LIANCHENG_MASTER_DATA.replace("<attribute id=\"urn:epcglobal:cbv:mda#longitude\">116.7791</attribute>", "");
        assertThat(EpcisMasterData.of("x.xml", masterData(noLongitude, EpcisReader.Format.XML)).problems())
                .extracting(p -> p.field() + ": " + p.reason()).containsExactly(
                        "epcisMasterData.vocabularyList[0].vocabularyElementList[0].attributes[longitude]: "
                                + "required when latitude is given (a place needs both, or neither)");
    }

    @Test
    void theValidatorRejectsADocumentWhoseMasterDataIsBad() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("master-data", ".xml");
        try {
            java.nio.file.Files.writeString(file, LIANCHENG_MASTER_DATA.replace("25.8012", "125.8"));
            assertThat(EpcisValidator.validate(file)).extracting(Problem::toString).singleElement().asString()
                    .startsWith(file.getFileName() + ": document: epcisMasterData.vocabularyList[0].vocabularyElementList[0].attributes[latitude]: ");
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    /** Structural variants of the master-data document: Terroir's verdict is the official XSD's. */
    @Test
    void theMasterDataDocumentsStructureIsJudgedAsTheOfficialSchemaJudgesIt() throws Exception {
        OfficialXsd xsd = OfficialXsd.load();
        Map<String, String> variants = new java.util.LinkedHashMap<>();
        variants.put("as sent", LIANCHENG_MASTER_DATA);
        variants.put("a vocabulary without type", LIANCHENG_MASTER_DATA.replace(" type=\"urn:epcglobal:epcis:vtype:ReadPoint\"", ""));
        variants.put("an element without id", LIANCHENG_MASTER_DATA.replace(" id=\"urn:epc:id:pgln:9520011.00002\"", ""));
        variants.put("an attribute without id", LIANCHENG_MASTER_DATA.replace(" id=\"urn:epcglobal:cbv:mda:sst\"", ""));
        variants.put("no creationDate", LIANCHENG_MASTER_DATA.replace(" creationDate=\"2026-11-01T09:00:00+08:00\"", ""));
        variants.put("no header, an empty vocabulary list", LIANCHENG_MASTER_DATA.replaceAll("(?s)<VocabularyList>.*</VocabularyList>",
                "<VocabularyList/>"));
        variants.put("the EPCIS 2.0 event namespace on the root", LIANCHENG_MASTER_DATA.replace(
                "xmlns:epcismd=\"urn:epcglobal:epcis-masterdata:xsd:2\"", "xmlns:epcismd=\"urn:epcglobal:epcis:xsd:2\""));
        java.nio.file.Path file = java.nio.file.Files.createTempFile("master-data", ".xml");
        try {
            for (Map.Entry<String, String> variant : variants.entrySet()) {
                java.nio.file.Files.writeString(file, variant.getValue());
                assertThat(EpcisValidator.validate(file).isEmpty()).as(variant.getKey()).isEqualTo(xsd.valid(variant.getValue()));
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
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
