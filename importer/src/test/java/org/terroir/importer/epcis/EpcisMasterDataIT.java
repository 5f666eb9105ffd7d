package org.terroir.importer.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.terroir.importer.epcis.graph.EpcisImport;
import org.terroir.importer.masterdata.MasterDataImport;
import org.terroir.model.PseudonymSalt;
import org.terroir.store.Schema;
import org.terroir.testsupport.TestNeo4j;

/**
 * EPCIS master data into a real Neo4j: an EPCISMasterDataDocument and a document header's
 * vocabularies land on the nodes the demo's CSV master data made (one node per key, what the CSV
 * said and the vocabulary does not stays), in any order with the events, idempotently; a document
 * whose master data is bad writes nothing.
 */
class EpcisMasterDataIT {

    private static final PseudonymSalt SALT = PseudonymSalt.fromBase64("dGVycm9pci10ZXN0LXNhbHQtMzItYnl0ZXMtbG9uZyE=");
    private static final String POINT = "414/9520011100106";

    @TempDir
    Path dir;

    private final Driver driver = TestNeo4j.get().driver();

    @BeforeEach
    void demoMasterData() throws IOException {
        TestNeo4j.get().clear();
        Schema.migrate(driver);
        try (Stream<Path> files = Files.list(Path.of("..", "demo", "master-data"))) {
            new MasterDataImport(driver, SALT).run(files.filter(f -> f.toString().endsWith(".csv")).sorted().toList());
        }
    }

    private EpcisImport.Outcome importDocument(String name, String content) throws IOException {
        return new EpcisImport(driver).run(Files.writeString(dir.resolve(name), content), n -> {});
    }

    private Map<String, Object> one(String cypher) {
        return driver.executableQuery(cypher).execute().records().getFirst().asMap();
    }

    private long count(String cypher) {
        return driver.executableQuery(cypher).execute().records().getFirst().get(0).asLong();
    }

    private Map<String, Object> census() {
        return Map.of("nodes", count("MATCH (n) RETURN count(n)"), "relationships", count("MATCH ()-[r]->() RETURN count(r)"),
                "properties", count("MATCH (n) RETURN sum(size(keys(n)))"),
                "values", count("MATCH (n) RETURN sum(size(reduce(s = '', k IN keys(n) | s + toString(n[k]))))"));
    }

    @Test
    void aMasterDataDocumentCompletesTheNodesTheCsvMadeAndAddsWhatItDescribes() throws IOException {
        long locations = count("MATCH (l:Location) RETURN count(l)");
        long batches = count("MATCH (b:Batch) RETURN count(b)");

        EpcisImport.Outcome outcome = importDocument("liancheng-md.xml", MasterDataTest.LIANCHENG_MASTER_DATA);

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.imported()).isTrue();
        assertThat(count("MATCH (l:Location {key: '" + POINT + "'}) RETURN count(l)")).isEqualTo(1);
        assertThat(one("""
                MATCH (l:Location {key: '%s'})-[:IN_REGION]->(r:Region)
                RETURN l.kind AS kind, r.code AS region, l.nameZh AS zh, l.nameEn AS en, l.latitude AS lat, l.longitude AS lon,
                       l.masterData CONTAINS 'streetAddressOne' AS kept""".formatted(POINT)))
                .as("the CSV's kind and region stay; the vocabulary's names and place are the latest word")
                .containsEntry("kind", "cooperative").containsEntry("region", "350825101")
                .containsEntry("zh", "连城县北团红心地瓜专业合作社收购点").containsEntry("en", "Beituan cooperative collection point")
                .containsEntry("lat", 25.8012).containsEntry("lon", 116.7791).containsEntry("kept", true);
        assertThat(count("MATCH (:Location {key: '" + POINT + "/254/1'})-[:WITHIN]->(:Location {key: '" + POINT + "'}) RETURN count(*)"))
                .as("the weighing bay lies within the collection point").isEqualTo(1);
        assertThat(count("MATCH (l:Location) RETURN count(l)")).as("the weighing bay and the Xiwei point are new").isEqualTo(locations + 2);
        assertThat(one("MATCH (p:Party:Cooperative {gln: '9520011000024'}) RETURN p.nameEn AS en, p.masterData IS NOT NULL AS kept"))
                .as("the party keeps its kind and English name").containsEntry("en", "Beituan Red-Heart Sweet Potato Cooperative")
                .containsEntry("kept", true);
        assertThat(count("MATCH (:Product {gtin: '09520011001021'})-[:OF_BRAND]->(:Brand) RETURN count(*)")).isEqualTo(1);
        assertThat(count("MATCH (b:Batch) RETURN count(b)")).as("a lot's class makes no node").isEqualTo(batches);
        assertThat(count("MATCH (p:Product) WHERE p.masterData IS NOT NULL RETURN count(p)")).isEqualTo(1);
    }

    @Test
    void importingItAgainChangesNothing() throws IOException {
        importDocument("liancheng-md.xml", MasterDataTest.LIANCHENG_MASTER_DATA);
        Map<String, Object> before = census();

        importDocument("liancheng-md.xml", MasterDataTest.LIANCHENG_MASTER_DATA);

        assertThat(census()).isEqualTo(before);
    }

    @Test
    void aHeadersMasterDataAndItsEventsMeetOnOneNodeWhicheverComesFirst() throws IOException {
        String events = """
                {"@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"],
                 "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-11-23T10:00:00+08:00",
                 "epcisBody": {"eventList": [
                   {"type": "ObjectEvent", "eventTime": "2026-11-23T09:00:00+08:00", "eventTimeZoneOffset": "+08:00",
                    "epcList": ["https://id.gs1.org/01/09520011001021/21/90001"], "action": "OBSERVE", "bizStep": "receiving",
                    "readPoint": {"id": "https://id.gs1.org/414/9520011100120"},
                    "bizLocation": {"id": "https://id.gs1.org/414/9520011100120"}}]},
                 "epcisHeader": {"epcisMasterData": {"vocabularyList": [
                   {"type": "urn:epcglobal:epcis:vtype:BusinessLocation", "vocabularyElementList": [
                     {"id": "urn:epc:id:sgln:9520011.10012.0",
                      "attributes": [{"id": "urn:epcglobal:cbv:mda#name", "attribute": "文坊村电商服务站"},
                                     {"id": "urn:epcglobal:cbv:mda#name", "attribute": "Wenfang village e-commerce station"}]}]}]}}}
                """;

        assertThat(importDocument("station.jsonld", events).imported()).isTrue();

        assertThat(one("MATCH (e:Event)-[:READ_AT]->(l:Location {key: '414/9520011100120'}) "
                + "RETURN count(e) AS events, l.nameZh AS zh, l.nameEn AS en"))
                .containsEntry("events", 1L).containsEntry("zh", "文坊村电商服务站")
                .containsEntry("en", "Wenfang village e-commerce station");
        assertThat(count("MATCH (l:Location {key: '414/9520011100120'}) RETURN count(l)")).isEqualTo(1);
    }

    @Test
    void aDocumentWhoseMasterDataIsBadIsRejectedAndWritesNothing() throws IOException {
        Map<String, Object> before = census();

        EpcisImport.Outcome outcome = importDocument("liancheng-md.xml",
                MasterDataTest.LIANCHENG_MASTER_DATA.replace("urn:epc:id:pgln:9520011.00002", "https://id.gs1.org/417/9520011000025"));

        assertThat(outcome.imported()).isFalse();
        assertThat(outcome.problems()).extracting(Problem -> Problem.field())
                .containsExactly("epcisMasterData.vocabularyList[2].vocabularyElementList[0].id");
        assertThat(census()).isEqualTo(before);
        assertThat(List.of(count("MATCH (l:Location {key: '" + POINT + "'}) WHERE l.masterData IS NULL RETURN count(l)")))
                .containsExactly(1L);
    }
}
