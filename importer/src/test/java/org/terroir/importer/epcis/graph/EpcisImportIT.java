package org.terroir.importer.epcis.graph;

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
import org.terroir.importer.masterdata.MasterDataImport;
import org.terroir.model.PseudonymSalt;
import org.terroir.store.Schema;
import org.terroir.testsupport.GraphDump;
import org.terroir.testsupport.TestNeo4j;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The demo's EPCIS documents into a real Neo4j: the graph they make, idempotence, order, rejection. */
class EpcisImportIT {

    private static final Path DEMO = Path.of("..", "demo");
    private static final PseudonymSalt SALT = PseudonymSalt.fromBase64("dGVycm9pci10ZXN0LXNhbHQtMzItYnl0ZXMtbG9uZyE=");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Driver driver = TestNeo4j.get().driver();

    @BeforeEach
    void emptyGraph() {
        TestNeo4j.get().clear();
        Schema.migrate(driver);
    }

    private static List<Path> files(String folder, String suffix) throws IOException {
        try (Stream<Path> list = Files.list(DEMO.resolve(folder))) {
            return list.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private void importMasterData() throws IOException {
        new MasterDataImport(driver, SALT).run(files("master-data", ".csv"));
    }

    private void importEvents() throws IOException {
        EpcisImport events = new EpcisImport(driver);
        for (Path document : files("epcis", ".jsonld")) {
            assertThat(events.run(document, n -> {}).imported()).as(document.toString()).isTrue();
        }
    }

    private long count(String cypher) {
        return driver.executableQuery(cypher).execute().records().getFirst().get(0).asLong();
    }

    private Map<String, Long> census() {
        return GraphDump.census(driver);
    }

    @Test
    void aLianchengPackedLotIsMadeFromItsRawLotAndTravelsVillageToCity() throws IOException {
        importMasterData();
        importEvents();

        String packed = "01/09520011001021/10/LC2601";
        assertThat(count("MATCH (:Batch {key: '" + packed + "'})-[:MADE_FROM]->(:Batch {key: '01/09520011001014/10/LC2601R'}) RETURN count(*)"))
                .isEqualTo(1);
        assertThat(count("""
                MATCH (:Batch {key: '01/09520011001014/10/LC2601R'})<-[c:CONTRIBUTED]-(p:Producer)
                RETURN count(DISTINCT p)""")).isEqualTo(4);
        List<String> journey = driver.executableQuery("""
                        MATCH (b:Batch {key: $key})<-[:MOVED]-(h:Hop)-[:FROM]->(f:Location), (h)-[:TO]->(t:Location)
                        RETURN f.kind + '>' + t.kind AS leg ORDER BY h.departed""")
                .withParameters(Map.of("key", packed)).execute().records().stream().map(r -> r.get("leg").asString()).toList();
        assertThat(journey).containsExactly("processor>village_station", "village_station>township_station",
                "township_station>county_station", "county_station>carrier_hub", "carrier_hub>retail");
        assertThat(count("""
                MATCH (h:Hop)-[:MOVED]->(:Batch {key: '01/09520011001021/10/LC2601'})
                WHERE h.arrived > h.departed
                MATCH (h)-[:CARRIED_BY]->(:Party)
                RETURN count(h)""")).isEqualTo(5);
        assertThat(count("""
                MATCH (i:Item)-[:OF_BATCH]->(:Batch {key: '01/09520011001021/10/LC2601'})
                MATCH (i)-[:PACKED_IN]->(c:Container)<-[:MOVED]-(:Hop)
                RETURN count(DISTINCT i)""")).isEqualTo(5);
        assertThat(count("MATCH (b:Batch)-[:PRODUCED_AT]->(:Location)-[:IN_REGION]->(:Region) RETURN count(DISTINCT b)"))
                .as("9 brands x 3 packed or fresh lots, and 4 processed brands x 3 raw lots").isEqualTo(27 + 12);
    }

    @Test
    void importingAgainGivesTheEventsOfAnEarlierVersionTheirJsonLdAndNothingElse() throws IOException {
        importMasterData();
        importEvents();
        Map<String, Long> first = census();
        Object stored = jsonLd();
        // A store of a version that kept no JSON-LD: the query interface cannot answer with these events.
        driver.executableQuery("MATCH (e:Event) REMOVE e.epcis, e.identifiers").execute();

        importEvents();

        assertThat(census()).isEqualTo(first);
        assertThat(jsonLd()).as("each event's JSON-LD as the first import stored it").isEqualTo(stored);
        assertThat(driver.executableQuery("MATCH (e:Event) WHERE e.identifiers IS NULL RETURN count(e) AS n").execute().records()
                .getFirst().get("n").asLong()).isZero();
    }

    /** Each event's id and stored JSON-LD, in id order. */
    private Object jsonLd() {
        return driver.executableQuery("MATCH (e:Event) WITH e ORDER BY e.eventId RETURN collect([e.eventId, e.epcis]) AS all")
                .execute().records().getFirst().get("all").asObject();
    }

    @Test
    void importingTheSameDocumentsAgainChangesNothing() throws IOException {
        importMasterData();
        importEvents();
        Map<String, Long> first = census();

        importEvents();

        assertThat(census()).isEqualTo(first);
    }

    @Test
    void overlappingDocumentsImportedAtOnceGiveTheGraphOfOneImport() throws Exception {
        importMasterData();
        importEvents();
        Map<String, Long> once = census();
        // The events asserting a relationship ("by") come in the order they were written: compared as sets.
        List<String> canonical = GraphDump.canonical(driver, java.util.Set.of("by"));
        List<String> assertedBy = assertedBy();
        emptyGraph();
        importMasterData();

        // Four writers, each every demo document in its own order: the same new events, written at once.
        List<Path> documents = files("epcis", ".jsonld");
        var writers = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<Boolean>>> done = new java.util.ArrayList<>();
            for (int w = 0; w < 4; w++) {
                List<Path> order = new java.util.ArrayList<>(documents);
                java.util.Collections.rotate(order, w * 2);
                done.add(writers.submit(() -> order.stream().map(d -> new EpcisImport(driver).run(d, n -> {}).imported()).toList()));
            }
            for (var writer : done) {
                assertThat(writer.get()).containsOnly(true);
            }
        } finally {
            writers.shutdownNow();
        }

        assertThat(census()).isEqualTo(once);
        assertThat(GraphDump.canonical(driver, java.util.Set.of("by"))).containsExactlyElementsOf(canonical);
        assertThat(assertedBy()).containsExactlyElementsOf(assertedBy);
    }

    /** Each relationship's type, ends and the events asserting it, sorted. */
    private List<String> assertedBy() {
        return driver.executableQuery("""
                        MATCH (a)-[r]->(b) WHERE r.by IS NOT NULL
                        WITH type(r) + ' ' + coalesce(a.key, a.eventId, '') + ' ' + coalesce(b.key, '') AS relationship, r.by AS by
                        UNWIND by AS event
                        WITH relationship, event ORDER BY event
                        WITH relationship, collect(event) AS events
                        RETURN relationship + ' ' + reduce(s = '', x IN events | s + x + ',') AS row ORDER BY row""")
                .execute().records().stream().map(r -> r.get("row").asString()).toList();
    }

    @Test
    void anEventListedTwiceIsWrittenOnce(@TempDir Path dir) throws IOException {
        Path original = DEMO.resolve("epcis/liancheng.jsonld");
        ObjectNode document = (ObjectNode) JSON.readTree(original.toFile());
        ArrayNode events = (ArrayNode) document.get("epcisBody").get("eventList");
        int listed = events.size();
        events.addAll(events.deepCopy());
        Path twice = dir.resolve("liancheng-twice.jsonld");
        JSON.writeValue(twice.toFile(), document);
        importMasterData();

        EpcisImport.Outcome outcome = new EpcisImport(driver).run(twice, n -> {});
        Map<String, Long> written = census();
        TestNeo4j.get().clear();
        Schema.migrate(driver);
        importMasterData();
        new EpcisImport(driver).run(original, n -> {});

        assertThat(outcome.imported()).isTrue();
        assertThat(outcome.events()).isEqualTo(2L * listed);
        assertThat(written).isEqualTo(census());
    }

    @Test
    void eventsBeforeMasterDataGiveTheSameGraphAsAfter() throws IOException {
        importMasterData();
        importEvents();
        Map<String, Long> masterDataFirst = census();
        TestNeo4j.get().clear();
        Schema.migrate(driver);

        importEvents();
        importMasterData();

        assertThat(census()).isEqualTo(masterDataFirst);
    }

    @Test
    void aDocumentWithOneBadEventWritesNothing(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("liancheng.jsonld");
        String text = Files.readString(DEMO.resolve("epcis/liancheng.jsonld"));
        Files.writeString(broken, text.replaceFirst("\"action\": \"OBSERVE\"", "\"action\": \"OBSERVED\""));

        EpcisImport.Outcome outcome = new EpcisImport(driver).run(broken, n -> {});

        assertThat(outcome.imported()).isFalse();
        assertThat(outcome.problems()).extracting(Object::toString).singleElement().asString()
                .startsWith("liancheng.jsonld: event 1 (line ").contains("action: \"OBSERVED\" is not one of ADD, OBSERVE, DELETE");
        assertThat(count("MATCH (n) WHERE NOT n:__Neo4jMigration RETURN count(n)")).isZero();
    }
}
