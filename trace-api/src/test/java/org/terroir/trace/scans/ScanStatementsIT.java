package org.terroir.trace.scans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.terroir.testsupport.StatementExamples.count;
import static org.terroir.testsupport.StatementExamples.row;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.terroir.trace.FeatureStatementExamples;

/**
 * The examples of {@link ScanStatements}, run against a real Neo4j holding the small Liancheng graph.
 */
class ScanStatementsIT extends FeatureStatementExamples {

    ScanStatementsIT() {
        super(ScanStatements.class);
        String l2 = "01/09520001000010/10/L2";
        Map<String, Object> itemScan = row("id", "scan-1", "at", "2026-02-01T10:00:00+08:00", "gtin", "09520001000010",
                "lot", "L2", "serial", "S1", "item", "01/09520001000010/21/S1", "batch", l2, "device", "d1",
                "verdict", "GENUINE", "problem", null);
        Map<String, Object> lotScan = row("id", "scan-2", "at", "2026-02-01T11:00:00+08:00", "gtin", "09520001000010",
                "lot", "L1", "serial", null, "item", null, "batch", "01/09520001000010/10/L1", "device", null,
                "verdict", "UNVERIFIED", "problem", null);
        Map<String, Object> unknownScan = row("id", "scan-3", "at", "2026-02-01T12:00:00+08:00", "gtin", "09520001000980",
                "lot", null, "serial", "X", "item", "01/09520001000980/21/X", "batch", null, "device", "d2",
                "verdict", "NOT_GENUINE", "problem", "TAMPERED");
        example(ScanStatements.SCANS_RECORD, """
                MATCH (b2:Batch {key: '01/09520001000010/10/L2'})
                CREATE (:Item {key: '01/09520001000010/21/S1', gtin: '09520001000010', serial: 'S1'})-[:OF_BATCH]->(b2)
                """, Map.of("scans", List.of(itemScan, lotScan, unknownScan)), (rows, tx) -> {
                    assertThat(rows.getFirst().get("recorded").asLong()).as("nothing holds GTIN 09520001000980").isEqualTo(2);
                    assertThat(tx.run("MATCH (s:Scan)-[:SCAN_OF]->(x) RETURN s.id + ' ' + x.key + ' ' + s.verdict AS row ORDER BY row")
                            .list(r -> r.get("row").asString()))
                            .containsExactly("scan-1 01/09520001000010/21/S1 GENUINE", "scan-2 01/09520001000010/10/L1 UNVERIFIED");
                    assertThat(tx.run("MATCH (s:Scan {id: 'scan-1'}) RETURN s.at.epochSeconds AS t, s.device AS d").single()
                            .get("d").asString()).isEqualTo("d1");
                });
        example(ScanStatements.SCANS_NETWORK_KEY, Map.of("secret", "first"), (rows, tx) -> {
            assertThat(rows.getFirst().get("secret").asString()).isEqualTo("first");
            assertThat(tx.run(ScanStatements.SCANS_NETWORK_KEY.cypher(), Map.of("secret", "second")).single().get("secret").asString())
                    .as("made once: every server hashes with the first").isEqualTo("first");
        });
        example(ScanStatements.SCANS_PLACE, """
                CREATE (:Scan {id: 'p1', device: 'd1', network: 'n1'}), (:Scan {id: 'p2', device: 'd1', network: 'n1', latitude: 31.2, longitude: 121.5})
                CREATE (:Scan {id: 'p4', device: 'd4', network: 'n4'}), (:Scan {id: 'p5', device: 'd5', network: 'n5'})
                """, Map.of("places", List.of(row("id", "p1", "latitude", 25.7, "longitude", 116.7, "device", "d1", "network", "n1"),
                        row("id", "p2", "latitude", 39.9, "longitude", 116.4, "device", "d1", "network", "n1"),
                        row("id", "p3", "latitude", 0.0, "longitude", 0.0, "device", "d1", "network", "n1"),
                        row("id", "p4", "latitude", 39.9, "longitude", 116.4, "device", "d1", "network", "n4"),
                        row("id", "p5", "latitude", 39.9, "longitude", 116.4, "device", "d5", "network", "n1"))),
                (rows, tx) -> {
                    assertThat(rows).extracting(r -> r.get("id").asString())
                            .as("p2 keeps its place; p3 is no scan; p4 and p5 were scanned by another device or from another network")
                            .containsExactly("p1");
                    assertThat(tx.run("MATCH (s:Scan {id: 'p2'}) RETURN s.latitude AS lat").single().get("lat").asDouble()).isEqualTo(31.2);
                });
        Map<String, Object> scanPage = row("gtin", "09520001000010", "lot", null, "serial", null, "from", null, "until", null,
                "afterAt", "2026-02-01T10:00:00+08:00", "afterId", "s1", "brandOwners", List.of("9520011000017"), "limit", 10);
        example(ScanStatements.SCANS_OF, """
                MATCH (brand:Brand {id: 'liancheng-dried-sweet-potato'})
                CREATE (:Product {gtin: '09520001000010'})-[:OF_BRAND]->(brand)-[:OWNED_BY]->(:Party {gln: '9520011000017'})
                CREATE (:Scan {id: 's1', gtin: '09520001000010', serial: 'S1', at: datetime('2026-02-01T10:00:00+08:00')})
                CREATE (:Scan {id: 's2', gtin: '09520001000010', serial: 'S1', at: datetime('2026-02-01T10:00:00+08:00')})
                CREATE (:Scan {id: 's0', gtin: '09520001000010', serial: 'S2', at: datetime('2026-02-01T12:00:00+08:00'),
                               latitude: 25.7, longitude: 116.7})
                CREATE (:Scan {id: 's9', gtin: '09520001000010', serial: 'S1', at: datetime('2026-02-01T09:00:00+08:00')})
                """, scanPage, (rows, tx) -> {
                    assertThat(rows).extracting(r -> r.get("scan").get("id").asString())
                            .as("after (10:00, s1): s2 at the same time, then s0; s9 and s1 are before").containsExactly("s2", "s0");
                    assertThat(rows.get(1).get("scan").get("latitude").asDouble()).isEqualTo(25.7);
                    assertThat(rows.get(1).get("at").asString()).isEqualTo("2026-02-01T12:00:00+08:00");
                    Map<String, Object> other = new HashMap<>(scanPage);
                    other.put("brandOwners", List.of("9520021000014"));
                    assertThat(tx.run(ScanStatements.SCANS_OF.cypher(), other).list()).as("another association's").isEmpty();
                    other.put("brandOwners", null);
                    other.put("serial", "S1");
                    other.put("afterAt", null);
                    other.put("afterId", null);
                    assertThat(tx.run(ScanStatements.SCANS_OF.cypher(), other).list(r -> r.get("scan").get("id").asString()))
                            .containsExactly("s9", "s1", "s2");
                });
        String placedScans = """
                MATCH (b2:Batch {key: '01/09520001000010/10/L2'}), (brand:Brand {id: 'liancheng-dried-sweet-potato'})
                CREATE (:Product {gtin: '09520001000010'})-[:OF_BRAND]->(brand)-[:OWNED_BY]->(:Party {gln: '9520011000017'})
                CREATE (i:Item {key: '01/09520001000010/21/S1', gtin: '09520001000010', serial: 'S1'})-[:OF_BATCH]->(b2)
                CREATE (:Scan {id: 'shanghai', gtin: '09520001000010', serial: 'S1', device: 'd1', network: 'n1', latitude: 31.2, longitude: 121.5,
                               at: datetime('2026-02-01T10:00:00+08:00')})-[:SCAN_OF]->(i)
                CREATE (:Scan {id: 'chengdu', gtin: '09520001000010', serial: 'S1', device: 'd2', network: 'n2', latitude: 30.7, longitude: 104.1,
                               at: datetime('2026-02-01T10:40:00+08:00')})-[:SCAN_OF]->(i)
                CREATE (:Scan {id: 'near', gtin: '09520001000010', serial: 'S1', device: 'd3', network: 'n3', latitude: 31.3, longitude: 121.5,
                               at: datetime('2026-02-01T10:41:00+08:00')})-[:SCAN_OF]->(i)
                CREATE (:Scan {id: 'later', gtin: '09520001000010', serial: 'S1', device: 'd1', network: 'n1', latitude: 30.7, longitude: 104.1,
                               at: datetime('2026-02-03T10:00:00+08:00')})-[:SCAN_OF]->(i)
                """;
        example(ScanStatements.SCANS_DETECT_SPEED, placedScans,
                row("ids", List.of("chengdu", "near", "later", "none"), "minKm", 50.0, "maxKmh", 800.0), (rows, tx) -> {
                    assertThat(rows).extracting(r -> r.get("id").asString())
                            .as("Shanghai and Chengdu 1,660 km apart in 40 min; 'near' is 11 km from Shanghai, but 1 min after Chengdu;"
                                    + " 'later' is two days on")
                            .containsExactlyInAnyOrder("shanghai/chengdu", "chengdu/near");
                    var flag = tx.run("MATCH (f:ScanFlag {id: 'shanghai/chengdu'})-[:FLAGS]->(i) "
                            + "RETURN f, i.key AS item, COUNT { (f)-[:EVIDENCE]->() } AS evidence").single();
                    assertThat(flag.get("f").get("kind").asString()).isEqualTo("SPEED");
                    assertThat(flag.get("f").get("distanceKm").asDouble()).isBetween(1600.0, 1700.0);
                    assertThat(flag.get("f").get("speedKmh").asDouble()).isGreaterThan(2000.0);
                    assertThat(flag.get("evidence").asLong()).isEqualTo(2);
                    assertThat(flag.get("f").get("visible").asBoolean()).as("two devices on two networks").isTrue();
                    assertThat(tx.run(ScanStatements.SCANS_DETECT_SPEED.cypher(),
                            row("ids", List.of("shanghai"), "minKm", 50.0, "maxKmh", 800.0)).list())
                            .as("found again from the other side: the same flag").hasSize(1);
                    assertThat(count(tx, "MATCH (f:ScanFlag) RETURN count(f)")).isEqualTo(2);
                    // One client (Shanghai's device and network) reporting Beijing an hour later: flagged, not shown.
                    tx.run("""
                            MATCH (i:Item {key: '01/09520001000010/21/S1'})
                            CREATE (:Scan {id: 'spoof', gtin: '09520001000010', serial: 'S1', device: 'd1', network: 'n1',
                                           latitude: 39.9, longitude: 116.4, at: datetime('2026-02-01T11:00:00+08:00')})-[:SCAN_OF]->(i)""").consume();
                    tx.run(ScanStatements.SCANS_DETECT_SPEED.cypher(), row("ids", List.of("spoof"), "minKm", 50.0, "maxKmh", 800.0)).consume();
                    assertThat(tx.run("MATCH (f:ScanFlag {id: 'shanghai/spoof'}) RETURN f.visible AS v").single().get("v").asBoolean())
                            .as("one device on one network").isFalse();
                });
        example(ScanStatements.SCANS_DETECT_JOURNEY_END, placedScans + """
                WITH i
                MATCH (b2:Batch {key: '01/09520001000010/10/L2'}),
                      (farm:Location {key: '414/9520001000027'}), (hub:Location {key: '414/9520001000034'})
                SET hub.latitude = 31.2, hub.longitude = 121.5
                CREATE (i)<-[:MOVED]-(:Hop {id: 'j0', arrived: datetime('2026-01-08T20:00:00+08:00')})-[:TO]->(farm)
                CREATE (b2)<-[:MOVED]-(:Hop {id: 'j1', departed: datetime('2026-01-09T10:00:00+08:00')})-[:TO]->(hub)
                """, row("ids", List.of("shanghai", "chengdu", "later", "none"), "maxKm", 500.0, "minNetworks", 2), (rows, tx) -> {
                    assertThat(rows).extracting(r -> r.get("id").asString())
                            .as("the lot's hop to the hub in Shanghai is the latest; Chengdu is 1,660 km from there")
                            .containsExactly("01/09520001000010/21/S1/journey-end");
                    var flag = tx.run("MATCH (f:ScanFlag)-[:FLAGS]->(:Item) "
                            + "RETURN f, toString(f.at) AS at, COLLECT { MATCH (f)-[:EVIDENCE]->(s) RETURN s.id ORDER BY s.id } AS evidence")
                            .single();
                    assertThat(flag.get("f").get("kind").asString()).isEqualTo("JOURNEY_END");
                    assertThat(flag.get("f").get("distanceKm").asDouble()).isBetween(1600.0, 1700.0);
                    assertThat(flag.get("f").get("journeyEnd").asString()).isEqualTo("414/9520001000034");
                    assertThat(flag.get("at").asString()).as("the latest far scan").isEqualTo("2026-02-03T10:00:00+08:00");
                    assertThat(flag.get("evidence").asList(v -> v.asString())).containsExactly("chengdu", "later");
                    assertThat(flag.get("f").get("networks").asLong()).isEqualTo(2);
                    assertThat(flag.get("f").get("visible").asBoolean()).as("far scans from two networks").isTrue();
                    assertThat(tx.run(ScanStatements.SCANS_DETECT_JOURNEY_END.cypher(),
                            row("ids", List.of("chengdu"), "maxKm", 500.0, "minNetworks", 3)).single().get("id").asString())
                            .isEqualTo("01/09520001000010/21/S1/journey-end");
                    assertThat(tx.run("MATCH (f:ScanFlag {kind: 'JOURNEY_END'}) RETURN f.visible AS v").single().get("v").asBoolean())
                            .as("fewer networks than asked for").isFalse();
                    tx.run("""
                            MATCH (i:Item {key: '01/09520001000010/21/S1'}), (farm:Location {key: '414/9520001000027'})
                            CREATE (i)-[:PACKED_IN]->(:Container {key: '00/095200010000000010'})
                                   <-[:MOVED]-(:Hop {id: 'j2', arrived: datetime('2026-01-10T10:00:00+08:00')})-[:TO]->(farm)""").consume();
                    assertThat(tx.run(ScanStatements.SCANS_DETECT_JOURNEY_END.cypher(), row("ids", List.of("chengdu"), "maxKm", 500.0,
                            "minNetworks", 2)).list())
                            .as("its case's later hop ends at the farm, which has no place: not judged").isEmpty();
                });
        example(ScanStatements.SCANS_DETECT_DEVICES, placedScans,
                row("keys", List.of("01/09520001000010/21/S1", "01/09520001000010/21/NONE"), "maxDevices", 2), (rows, tx) -> {
                    assertThat(rows).singleElement().satisfies(r -> {
                        assertThat(r.get("id").asString()).isEqualTo("01/09520001000010/21/S1/devices");
                        assertThat(r.get("devices").asLong()).isEqualTo(3);
                    });
                    assertThat(tx.run("MATCH (f:ScanFlag {kind: 'DEVICES'}) RETURN f.networks AS n, f.visible AS v").single())
                            .satisfies(f -> {
                                assertThat(f.get("n").asLong()).isEqualTo(3);
                                assertThat(f.get("v").asBoolean()).as("three networks, more than two").isTrue();
                            });
                    // Three more cookies from one network: more devices, no more networks.
                    tx.run("""
                            MATCH (i:Item {key: '01/09520001000010/21/S1'})
                            UNWIND ['d7', 'd8', 'd9'] AS device
                            CREATE (:Scan {id: device, gtin: '09520001000010', serial: 'S1', device: device, network: 'n1',
                                           at: datetime('2026-02-04T10:00:00+08:00')})-[:SCAN_OF]->(i)""").consume();
                    assertThat(tx.run(ScanStatements.SCANS_DETECT_DEVICES.cypher(), row("keys", List.of("01/09520001000010/21/S1"),
                            "maxDevices", 3)).single().get("devices").asLong()).isEqualTo(6);
                    assertThat(tx.run("MATCH (f:ScanFlag {kind: 'DEVICES'}) RETURN f.visible AS v").single().get("v").asBoolean())
                            .as("six devices but three networks: not more than three").isFalse();
                });
        example(ScanStatements.SCAN_FLAGS, placedScans + """
                WITH i
                MATCH (a:Scan {id: 'shanghai'}), (b:Scan {id: 'chengdu'}), (c:Scan {id: 'near'})
                CREATE (f1:ScanFlag {id: 'f1', kind: 'SPEED', at: datetime('2026-02-01T10:40:00+08:00')})-[:FLAGS]->(i)
                CREATE (f1)-[:EVIDENCE]->(a), (f1)-[:EVIDENCE]->(b)
                CREATE (f2:ScanFlag {id: 'f2', kind: 'SPEED', at: datetime('2026-02-01T10:41:00+08:00')})-[:FLAGS]->(i)
                CREATE (f2)-[:EVIDENCE]->(c)
                """, row("brand", "liancheng-dried-sweet-potato", "brandOwners", List.of("9520011000017"), "beforeAt", null,
                        "beforeId", null, "limit", 10), (rows, tx) -> {
                    assertThat(rows).extracting(r -> r.get("flag").get("id").asString()).as("latest first").containsExactly("f2", "f1");
                    Record f1 = rows.get(1);
                    assertThat(f1.get("brand").asString()).isEqualTo("liancheng-dried-sweet-potato");
                    assertThat(f1.get("item").asString()).isEqualTo("01/09520001000010/21/S1");
                    assertThat(f1.get("journeyEnd").isNull()).as("a SPEED flag names no journey's end").isTrue();
                    assertThat(f1.get("evidence").asList(v -> v.get("id").asString())).containsExactly("shanghai", "chengdu");
                    assertThat(f1.get("evidence").get(0).get("at").asString()).isEqualTo("2026-02-01T10:00:00+08:00");
                    assertThat(tx.run(ScanStatements.SCAN_FLAGS.cypher(), row("brand", null, "brandOwners", List.of("9520021000014"),
                            "beforeAt", null, "beforeId", null, "limit", 10)).list()).as("another association's").isEmpty();
                    assertThat(tx.run(ScanStatements.SCAN_FLAGS.cypher(), row("brand", null, "brandOwners", null,
                            "beforeAt", "2026-02-01T10:41:00+08:00", "beforeId", "f2", "limit", 10)).list(r -> r.get("flag").get("id").asString()))
                            .containsExactly("f1");
                });
        example(ScanStatements.RESOLVE_LINK, """
                MATCH (b2:Batch {key: '01/09520001000010/10/L2'}), (brand:Brand {id: 'liancheng-dried-sweet-potato'})
                CREATE (:Product {gtin: '09520001000010', nameEn: 'Dried sweet potato'})-[:OF_BRAND]->(brand)
                CREATE (:Certification {id: 'c1', kind: 'GI'})-[:CERTIFIES]->(brand)
                CREATE (:ScanFlag {id: 'f1', kind: 'SPEED', visible: true})-[:FLAGS]->
                       (i:Item {key: '01/09520001000010/21/S1', gtin: '09520001000010', serial: 'S1'})-[:OF_BATCH]->(b2)
                CREATE (:ScanFlag {id: 'f0', kind: 'DEVICES', visible: false})-[:FLAGS]->(i)
                CREATE (:Product {gtin: '09520001000997', nameEn: 'Plain'})
                """, Map.of("gtin", "09520001000010", "batch", "01/09520001000010/10/L2", "item", "01/09520001000010/21/S1"),
                (rows, tx) -> {
                    assertThat(rows).hasSize(1);
                    Record known = rows.getFirst();
                    assertThat(known.keys()).containsExactly("product", "batchKnown", "itemKnown", "itemBatch", "certified", "flags");
                    assertThat(known.get("flags").asList(v -> v.asString())).as("only what consumers are shown").containsExactly("SPEED");
                    assertThat(known.get("product").get("gtin").asString()).isEqualTo("09520001000010");
                    assertThat(known.get("batchKnown").asBoolean()).isTrue();
                    assertThat(known.get("itemKnown").asBoolean()).isTrue();
                    assertThat(known.get("itemBatch").asString()).isEqualTo(l2);
                    assertThat(known.get("certified").asBoolean()).as("the GI certifies the product's brand").isTrue();
                    Map<String, Object> unknown = new HashMap<>();
                    unknown.put("gtin", "09520001000997");
                    unknown.put("batch", "01/09520001000997/10/NONE");
                    unknown.put("item", null);
                    Record plain = tx.run(ScanStatements.RESOLVE_LINK.cypher(), unknown).single();
                    assertThat(plain.get("product").get("nameEn").asString()).isEqualTo("Plain");
                    assertThat(plain.get("batchKnown").asBoolean()).isFalse();
                    assertThat(plain.get("itemKnown").asBoolean()).isFalse();
                    assertThat(plain.get("itemBatch").isNull()).isTrue();
                    assertThat(plain.get("certified").asBoolean()).isFalse();
                    unknown.put("gtin", "09520001000980");
                    assertThat(tx.run(ScanStatements.RESOLVE_LINK.cypher(), unknown).single().get("product").isNull()).isTrue();
                });
    }
}
