package org.terroir.model.cypher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.terroir.testsupport.StatementExamples.count;
import static org.terroir.testsupport.StatementExamples.row;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.terroir.model.schema.Migrations;
import org.terroir.testsupport.StatementExamples;
import org.terroir.testsupport.TestNeo4j;

/**
 * Runs every statement of the {@link Catalogue} against a real Neo4j holding a small graph
 * ({@code liancheng-small}) and checks what it answers or writes. Each example runs in its own
 * transaction, rolled back afterwards, so examples do not disturb one another. A statement added
 * without an example here fails the test "every statement has an example". (The importer's
 * statements have theirs beside them: {@code MasterDataStatementsIT}, {@code EpcisStatementsIT}.)
 */
class CatalogueIT {

    private static final Driver driver = TestNeo4j.get().driver();

    private static final StatementExamples<Statement> EXAMPLES =
            new StatementExamples<>(Statement::name, Statement::cypher, Statement::parameters);

    static {
        // --- migrations
        EXAMPLES.example(Catalogue.MIGRATION_LOCK, Map.of(), (rows, tx) -> assertThat(rows).isEmpty());
        EXAMPLES.example(Catalogue.MIGRATION_APPLIED, Map.of(), (rows, tx) -> assertThat(rows)
                .extracting(r -> r.get("version").asInt()).contains(1, 2));
        EXAMPLES.example(Catalogue.MIGRATION_RECORD, Map.of("version", 1, "description", "natural keys",
                "checksum", "ignored-because-present", "appliedBy", "test"), (rows, tx) ->
                assertThat(tx.run("MATCH (m:SchemaMigration {version: 1}) RETURN m.checksum AS c").single()
                        .get("c").asString()).isNotEqualTo("ignored-because-present"));

        // --- trace (the fixture: lots L1 and L2 produced at a farm in a village of Liancheng, hop h1 moved L1)
        String l1 = "01/09520001000010/10/L1";
        String l2 = "01/09520001000010/10/L2";
        EXAMPLES.example(Catalogue.TRACE_BATCHES, """
                MATCH (b1:Batch {key: '01/09520001000010/10/L1'}), (brand:Brand {id: 'liancheng-dried-sweet-potato'})
                CREATE (b1)-[:OF_PRODUCT]->(p:Product {gtin: '09520001000010', nameZh: '连城地瓜干', nameEn: 'Dried sweet potato'})
                       -[:OF_BRAND]->(brand)
                CREATE (brand)-[:OWNED_BY]->(:Party:Association {gln: '9520011000017', nameZh: '协会', nameEn: 'Association'})
                CREATE (:Certification {id: 'cert-gi-1', kind: 'GI', number: 'DEMO-1', issuer: 'CNIPA',
                        validFrom: date('2020-01-01')})-[:CERTIFIES]->(brand)
                CREATE (:Certification {id: 'cert-green-1', kind: 'GREEN_FOOD', number: 'DEMO-2', issuer: 'CGFDC',
                        validFrom: date('2024-01-01'), validUntil: date('2026-12-31')})-[:CERTIFIES]->(p)
                """, Map.of("keys", List.of(l1, l2, "01/09520001000010/10/NONE")), (rows, tx) -> {
                    assertThat(rows).extracting(r -> r.get("key").asString()).containsExactly(l1, l2);
                    Record first = rows.getFirst();
                    assertThat(first.get("lot").asString()).isEqualTo("L1");
                    assertThat(first.get("product").get("nameEn").asString()).isEqualTo("Dried sweet potato");
                    assertThat(first.get("brand").get("giRegistration").isNull()).isTrue();
                    assertThat(first.get("brand").get("owner").get("kind").asString()).isEqualTo("Association");
                    assertThat(first.get("producedAt").get("kind").asString()).isEqualTo("farm");
                    assertThat(first.get("producedAt").get("region").get("code").asString()).isEqualTo("350825100201");
                    assertThat(first.get("origin").asList(v -> v.get("code").asString()))
                            .containsExactly("350825100201", "350825", "350800");
                    assertThat(first.get("certifications").asList(v -> v.get("id").asString() + "/" + v.get("subject").asString()))
                            .containsExactly("cert-gi-1/BRAND", "cert-green-1/PRODUCT");
                    Record second = rows.get(1);
                    assertThat(second.get("product").isNull()).as("L2 has no OF_PRODUCT in the fixture").isTrue();
                    assertThat(second.get("brand").isNull()).isTrue();
                    assertThat(second.get("certifications").asList()).isEmpty();
                    assertThat(second.get("origin").size()).isEqualTo(3);
                });
        EXAMPLES.example(Catalogue.TRACE_CONTRIBUTIONS, """
                MATCH (p:Producer {pseudonym: 'P-AAAAAAAAAAAA'}), (b:Batch {key: '01/09520001000010/10/L1'})
                CREATE (p)-[:CONTRIBUTED {quantity: 240.0, unit: 'KGM'}]->(b)
                CREATE (p)-[:MEMBER_OF]->(:Party:Cooperative {gln: '9520011000024', nameZh: '合作社', nameEn: 'Coop'})
                CREATE (p)-[:IDENTIFIED_BY]->(:ProducerIdentity {pseudonym: 'P-AAAAAAAAAAAA', name: '罗秀英', phone: '13800000001'})
                WITH b
                MATCH (brand:Brand {id: 'liancheng-dried-sweet-potato'})
                CREATE (b)-[:OF_PRODUCT]->(:Product {gtin: '09520001000010'})-[:OF_BRAND]->(brand)
                CREATE (brand)-[:OWNED_BY]->(:Party:Association {gln: '9520011000017'})
                """, Map.of("keys", List.of(l1, l2)), (rows, tx) -> {
                    Record row = rows.getFirst();
                    assertThat(rows).hasSize(1);
                    assertThat(row.keys()).containsExactly("batch", "pseudonym", "registeredPoor", "quantity", "unit", "cooperative",
                            "brandOwners");
                    assertThat(row.get("brandOwners").asList(v -> v.asString()))
                            .as("the association that owns L1's brand").containsExactly("9520011000017");
                    assertThat(row.get("batch").asString()).isEqualTo(l1);
                    assertThat(row.get("pseudonym").asString()).isEqualTo("P-AAAAAAAAAAAA");
                    assertThat(row.get("registeredPoor").asBoolean()).isTrue();
                    assertThat(row.get("quantity").asDouble()).isEqualTo(240.0);
                    assertThat(row.get("cooperative").get("kind").asString()).isEqualTo("Cooperative");
                    assertThat(row.toString()).as("no personal data").doesNotContain("罗秀英", "13800000001");
                });
        String brandSetup = """
                MATCH (p:Producer {pseudonym: 'P-AAAAAAAAAAAA'}), (b1:Batch {key: '01/09520001000010/10/L1'}),
                      (b2:Batch {key: '01/09520001000010/10/L2'}), (brand:Brand {id: 'liancheng-dried-sweet-potato'}),
                      (village:Region {code: '350825100201'})
                CREATE (product:Product {gtin: '09520001000010'})-[:OF_BRAND]->(brand)
                CREATE (b1)-[:OF_PRODUCT]->(product), (b2)-[:OF_PRODUCT]->(product)
                CREATE (brand)-[:OWNED_BY]->(:Party:Association {gln: '9520011000017'})
                CREATE (p)-[:CONTRIBUTED {quantity: 240.0, unit: 'KGM'}]->(b1)
                CREATE (p)-[:CONTRIBUTED {quantity: 60.0, unit: 'KGM'}]->(b2)
                CREATE (:Producer {pseudonym: 'P-BBBBBBBBBBBB', registeredPoor: false})-[:LIVES_IN]->(village)
                WITH b1
                MATCH (q:Producer {pseudonym: 'P-BBBBBBBBBBBB'})
                CREATE (q)-[:CONTRIBUTED {quantity: 100.0, unit: 'KGM'}]->(b1)
                """;
        EXAMPLES.example(Catalogue.POVERTY_FIGURES, brandSetup, Map.of("brands", List.of("liancheng-dried-sweet-potato"), "region", "350800"),
                (rows, tx) -> {
                    assertThat(rows).hasSize(1);
                    Record row = rows.getFirst();
                    assertThat(row.get("brand").asString()).isEqualTo("liancheng-dried-sweet-potato");
                    assertThat(row.get("owners").asList(v -> v.asString())).containsExactly("9520011000017");
                    assertThat(row.get("region").get("code").asString()).isEqualTo("350825");
                    assertThat(row.get("households").asLong()).isEqualTo(2);
                    assertThat(row.get("registeredPoorHouseholds").asLong()).isEqualTo(1);
                    assertThat(row.get("volumes").asList(v -> v.get("unit").asString() + " " + v.get("quantity").asDouble()
                            + " " + v.get("registeredPoorQuantity").asDouble())).containsExactly("KGM 400.0 300.0");
                    assertThat(tx.run(Catalogue.POVERTY_FIGURES.cypher(), Map.<String, Object>of("brands", List.of("other"),
                            "region", "350825")).list()).as("another brand").isEmpty();
                    Map<String, Object> elsewhere = new HashMap<>();
                    elsewhere.put("brands", null);
                    elsewhere.put("region", "620525");
                    assertThat(tx.run(Catalogue.POVERTY_FIGURES.cypher(), elsewhere).list()).as("another county").isEmpty();
                });
        EXAMPLES.example(Catalogue.BRANDS_OWNED, brandSetup, Map.of("glns", List.of("9520011000017", "9520099000015")),
                (rows, tx) -> assertThat(rows).extracting(r -> r.get("brand").asString())
                        .containsExactly("liancheng-dried-sweet-potato"));
        EXAMPLES.example(Catalogue.RECALL_MARK, Map.of("key", "01/09520001000010/10/L2", "id", "r-1", "reason", "lab sample",
                "recalledAt", "2026-12-01T08:00:00Z", "recalledBy", "inspector", "role", "regulator"), (rows, tx) -> {
                    assertThat(rows).singleElement().satisfies(row -> {
                        assertThat(row.get("batch").asString()).isEqualTo("01/09520001000010/10/L2");
                        assertThat(row.get("recalledAt").asString()).isEqualTo("2026-12-01T08:00:00Z");
                    });
                    assertThat(count(tx, "MATCH (:Recall {id: 'r-1', recalledBy: 'inspector'})-[:RECALLS]->(:Batch) RETURN count(*)"))
                            .isEqualTo(1);
                    assertThat(tx.run(Catalogue.RECALL_MARK.cypher(), Map.of("key", "01/09520001000010/10/NONE", "id", "r-2",
                            "reason", "x", "recalledAt", "2026-12-01T08:00:00Z", "recalledBy", "i", "role", "regulator")).list())
                            .as("no batch, nothing written").isEmpty();
                    assertThat(count(tx, "MATCH (r:Recall {id: 'r-2'}) RETURN count(r)")).isZero();
                });
        EXAMPLES.example(Catalogue.TRACE_RECALLS, """
                MATCH (b1:Batch {key: '01/09520001000010/10/L1'}), (b2:Batch {key: '01/09520001000010/10/L2'})
                CREATE (b1)-[:MADE_FROM]->(b2)
                CREATE (:Recall {id: 'r-1', reason: 'lab sample', recalledAt: datetime('2026-12-01T08:00:00Z')})-[:RECALLS]->(b2)
                """, Map.of("keys", List.of(l1, l2)), (rows, tx) -> assertThat(rows)
                        .extracting(r -> r.get("batch").asString() + " " + r.get("id").asString() + " " + r.get("recalledBatch").asString())
                        .as("L2 recalled; L1, made from it, affected").containsExactly(l1 + " r-1 " + l2, l2 + " r-1 " + l2));
        // --- lists (keyset pages and counts)
        Map<String, Object> brandFilter = new HashMap<>();
        brandFilter.put("kind", "gi");
        brandFilter.put("region", "350800");
        Map<String, Object> brandPage = new HashMap<>(brandFilter);
        brandPage.put("after", "");
        brandPage.put("limit", 10);
        String twoBrands = "MATCH (c:Region {code: '350825'}) CREATE (:Brand {id: 'a-regional', kind: 'regional'})-[:PROTECTS]->(c)";
        EXAMPLES.example(Catalogue.LIST_BRANDS, "MATCH (c:Region {code: '350825'}) CREATE (:Brand {id: 'z-other-gi', kind: 'gi'})-[:PROTECTS]->(c)",
                brandPage, (rows, tx) -> {
                    assertThat(rows).extracting(r -> r.get("node").get("id").asString())
                            .containsExactly("liancheng-dried-sweet-potato", "z-other-gi");
                    Map<String, Object> next = new HashMap<>(brandPage);
                    next.put("after", "liancheng-dried-sweet-potato");
                    next.put("limit", 1);
                    assertThat(tx.run(Catalogue.LIST_BRANDS.cypher(), next).list()).extracting(r -> r.get("node").get("id").asString())
                            .as("the page after the cursor").containsExactly("z-other-gi");
                });
        EXAMPLES.example(Catalogue.COUNT_BRANDS, twoBrands, brandFilter, (rows, tx) ->
                assertThat(rows.getFirst().get("count").asLong()).as("the regional brand is left out").isEqualTo(1));
        Map<String, Object> partyFilter = new HashMap<>();
        partyFilter.put("kind", "Cooperative");
        partyFilter.put("region", "350825");
        partyFilter.put("brand", "liancheng-dried-sweet-potato");
        Map<String, Object> partyPage = new HashMap<>(partyFilter);
        partyPage.put("after", "");
        partyPage.put("limit", 10);
        String coops = """
                MATCH (p:Producer {pseudonym: 'P-AAAAAAAAAAAA'}), (b:Batch {key: '01/09520001000010/10/L1'}),
                      (brand:Brand {id: 'liancheng-dried-sweet-potato'}), (county:Region {code: '350825'})
                CREATE (b)-[:OF_PRODUCT]->(:Product {gtin: '09520001000010'})-[:OF_BRAND]->(brand)
                CREATE (p)-[:CONTRIBUTED]->(b)
                CREATE (p)-[:MEMBER_OF]->(:Party:Cooperative {gln: '9520011000024', nameEn: 'Coop'})-[:BASED_IN]->(county)
                CREATE (:Party:Cooperative {gln: '9520011000031', nameEn: 'Idle coop'})-[:BASED_IN]->(county)
                CREATE (:Party:Association {gln: '9520011000017'})-[:BASED_IN]->(county)
                """;
        EXAMPLES.example(Catalogue.LIST_PARTIES, coops, partyPage, (rows, tx) -> assertThat(rows)
                .extracting(r -> r.get("node").get("gln").asString() + " " + r.get("node").get("kind").asString())
                .as("the cooperative whose member contributed to the brand").containsExactly("9520011000024 Cooperative"));
        EXAMPLES.example(Catalogue.COUNT_PARTIES, coops, partyFilter, (rows, tx) -> assertThat(rows.getFirst().get("count").asLong()).isEqualTo(1));
        Map<String, Object> regionFilter = new HashMap<>();
        regionFilter.put("level", "village");
        regionFilter.put("within", "350800");
        Map<String, Object> regionPage = new HashMap<>(regionFilter);
        regionPage.put("after", "");
        regionPage.put("limit", 10);
        EXAMPLES.example(Catalogue.LIST_REGIONS, regionPage, (rows, tx) -> assertThat(rows)
                .extracting(r -> r.get("node").get("code").asString()).containsExactly("350825100201"));
        EXAMPLES.example(Catalogue.COUNT_REGIONS, regionFilter, (rows, tx) -> assertThat(rows.getFirst().get("count").asLong()).isEqualTo(1));
        Map<String, Object> locationFilter = new HashMap<>();
        locationFilter.put("kind", "farm");
        locationFilter.put("region", "350825");
        Map<String, Object> locationPage = new HashMap<>(locationFilter);
        locationPage.put("after", "");
        locationPage.put("limit", 10);
        EXAMPLES.example(Catalogue.LIST_LOCATIONS, locationPage, (rows, tx) -> assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get("node").get("key").asString()).isEqualTo("414/9520001000027");
            assertThat(r.get("node").get("region").get("code").asString()).isEqualTo("350825100201");
        }));
        EXAMPLES.example(Catalogue.COUNT_LOCATIONS, locationFilter, (rows, tx) -> assertThat(rows.getFirst().get("count").asLong()).isEqualTo(1));
        Map<String, Object> batchFilter = new HashMap<>();
        batchFilter.put("brand", "liancheng-dried-sweet-potato");
        batchFilter.put("region", "350825");
        batchFilter.put("from", "2026-01-07T00:00:00+08:00");
        batchFilter.put("until", "2026-01-08T00:00:00+08:00");
        batchFilter.put("certification", "GI");
        Map<String, Object> batchPage = new HashMap<>(batchFilter);
        batchPage.put("after", "");
        batchPage.put("limit", 10);
        String certified = """
                MATCH (b1:Batch {key: '01/09520001000010/10/L1'}), (b2:Batch {key: '01/09520001000010/10/L2'}),
                      (brand:Brand {id: 'liancheng-dried-sweet-potato'})
                CREATE (p:Product {gtin: '09520001000010'})-[:OF_BRAND]->(brand)
                CREATE (b1)-[:OF_PRODUCT]->(p), (b2)-[:OF_PRODUCT]->(p)
                CREATE (:Certification {id: 'c1', kind: 'GI'})-[:CERTIFIES]->(brand)
                CREATE (:Event {eventId: 'e1', eventTime: datetime('2026-01-07T09:00:00+08:00')})-[:OBSERVED]->(b1)
                CREATE (:Event {eventId: 'e2', eventTime: datetime('2026-01-09T09:00:00+08:00')})-[:OBSERVED]->(b2)
                """;
        EXAMPLES.example(Catalogue.LIST_BATCHES, certified, batchPage, (rows, tx) -> assertThat(rows)
                .extracting(r -> r.get("node").asString()).as("L2's event is after the window").containsExactly(l1));
        EXAMPLES.example(Catalogue.COUNT_BATCHES, certified, batchFilter, (rows, tx) -> {
            assertThat(rows.getFirst().get("count").asLong()).isEqualTo(1);
            Map<String, Object> organic = new HashMap<>(batchFilter);
            organic.put("certification", "ORGANIC");
            assertThat(tx.run(Catalogue.COUNT_BATCHES.cypher(), organic).single().get("count").asLong()).isZero();
        });
        String households = """
                MATCH (p:Producer {pseudonym: 'P-AAAAAAAAAAAA'}), (b:Batch {key: '01/09520001000010/10/L1'}),
                      (brand:Brand {id: 'liancheng-dried-sweet-potato'}), (village:Region {code: '350825100201'})
                CREATE (b)-[:OF_PRODUCT]->(:Product {gtin: '09520001000010'})-[:OF_BRAND]->(brand)
                CREATE (brand)-[:OWNED_BY]->(:Party:Association {gln: '9520011000017'})
                CREATE (p)-[:CONTRIBUTED {quantity: 10.0, unit: 'KGM'}]->(b)
                CREATE (p)-[:MEMBER_OF]->(:Party:Cooperative {gln: '9520011000024', nameEn: 'Coop'})
                CREATE (:Producer {pseudonym: 'P-BBBBBBBBBBBB', registeredPoor: false})-[:LIVES_IN]->(village)
                CREATE (:Producer {pseudonym: 'P-CCCCCCCCCCCC', registeredPoor: false})
                """;
        EXAMPLES.example(Catalogue.LIST_PRODUCERS, households, row("after", "", "limit", 10, "brand", null, "region", "350800",
                "cooperative", null), (rows, tx) -> {
                    assertThat(rows).extracting(r -> r.get("node").get("pseudonym").asString())
                            .as("P-CCCCCCCCCCCC lives nowhere known").containsExactly("P-AAAAAAAAAAAA", "P-BBBBBBBBBBBB");
                    Record a = rows.getFirst();
                    assertThat(a.get("node").get("registeredPoor").asBoolean()).isTrue();
                    assertThat(a.get("node").get("village").get("code").asString()).isEqualTo("350825100201");
                    assertThat(a.get("node").get("cooperatives").asList(v -> v.get("gln").asString() + " " + v.get("kind").asString()))
                            .containsExactly("9520011000024 Cooperative");
                    assertThat(a.get("node").get("brands").asList(v -> v.asString())).containsExactly("liancheng-dried-sweet-potato");
                    assertThat(a.get("node").get("brandOwners").asList(v -> v.asString())).containsExactly("9520011000017");
                    assertThat(rows.get(1).get("node").get("brands").asList()).isEmpty();
                    assertThat(tx.run(Catalogue.LIST_PRODUCERS.cypher(), row("after", "P-AAAAAAAAAAAA", "limit", 10,
                            "brand", "liancheng-dried-sweet-potato", "region", null, "cooperative", "9520011000024")).list())
                            .as("after the cursor, nobody else contributed").isEmpty();
                });
        EXAMPLES.example(Catalogue.COUNT_PRODUCERS, households, row("brand", "liancheng-dried-sweet-potato", "region", "350825",
                "cooperative", "9520011000024"), (rows, tx) -> assertThat(rows.getFirst().get("count").asLong()).isEqualTo(1));
        String events = """
                MATCH (b1:Batch {key: '01/09520001000010/10/L1'}), (b2:Batch {key: '01/09520001000010/10/L2'}),
                      (brand:Brand {id: 'liancheng-dried-sweet-potato'}), (h1:Hop {id: 'h1'}),
                      (farm:Location {key: '414/9520001000027'}), (hub:Location {key: '414/9520001000034'})
                CREATE (b1)-[:OF_PRODUCT]->(:Product {gtin: '09520001000010'})-[:OF_BRAND]->(brand)
                CREATE (brand)-[:OWNED_BY]->(:Party:Association {gln: '9520011000017'})
                CREATE (carrier:Party:Carrier {gln: '9520099000015', nameEn: 'Express'})
                CREATE (h1)-[:CARRIED_BY]->(carrier)
                CREATE (e1:Event {eventId: 'urn:uuid:e1', type: 'ObjectEvent', action: 'ADD', bizStep: 'commissioning',
                        eventTime: datetime('2026-01-07T09:00:00+08:00')})-[:OBSERVED]->(b1)
                CREATE (e1)-[:AT]->(farm)
                CREATE (e2:Event {eventId: 'urn:uuid:e2', type: 'ObjectEvent', action: 'OBSERVE', bizStep: 'shipping',
                        eventTime: datetime('2026-01-08T04:00:00+08:00')})-[:OBSERVED]->(b1)
                CREATE (e2)-[:READ_AT]->(farm)
                CREATE (e2)-[:INVOLVES {role: 'source', type: 'owning_party'}]->(carrier)
                CREATE (h1)-[:DEPARTED_WITH]->(e2)
                CREATE (:Event {eventId: 'urn:uuid:e3', type: 'ObjectEvent', action: 'OBSERVE', bizStep: 'receiving',
                        eventTime: datetime('2026-01-08T07:00:00+08:00')})-[:OBSERVED]->(b2)
                CREATE (i:Item {key: '01/09520001000010/21/S1'})-[:OF_BATCH]->(b1)
                CREATE (i)-[:PACKED_IN]->(c:Container {key: '00/095200010000000010'})
                CREATE (e4:Event {eventId: 'urn:uuid:e4', type: 'AggregationEvent', action: 'ADD', bizStep: 'packing',
                        eventTime: datetime('2026-01-07T12:00:00Z')})-[:PARENT]->(c)
                CREATE (e4)-[:CHILD]->(i)
                CREATE (e4)-[:AT]->(hub)
                """;
        EXAMPLES.example(Catalogue.EVENTS_OF_OBJECT, events, eventQuery("object", l1), (rows, tx) -> {
            assertThat(rows).extracting(r -> r.get("eventId").asString()).containsExactly("urn:uuid:e1", "urn:uuid:e2");
            assertThat(rows.getFirst().keys()).containsExactly("eventId", "eventTime");
            assertThat(rows.getFirst().get("eventTime").asOffsetDateTime())
                    .isEqualTo(java.time.OffsetDateTime.parse("2026-01-07T09:00:00+08:00"));
            assertThat(tx.run(Catalogue.EVENTS_OF_OBJECT.cypher(), eventQuery("object", l1, "bizStep", "shipping")).list())
                    .extracting(r -> r.get("eventId").asString()).containsExactly("urn:uuid:e2");
            assertThat(tx.run(Catalogue.EVENTS_OF_OBJECT.cypher(), eventQuery("object", l1,
                    "afterTime", "2026-01-07T09:00:00+08:00", "afterId", "urn:uuid:e1")).list())
                    .as("the page after e1").extracting(r -> r.get("eventId").asString()).containsExactly("urn:uuid:e2");
            assertThat(tx.run(Catalogue.EVENTS_OF_OBJECT.cypher(), eventQuery("object", "00/095200010000000010")).list())
                    .as("a container's events").extracting(r -> r.get("eventId").asString()).containsExactly("urn:uuid:e4");
            assertThat(tx.run(Catalogue.EVENTS_OF_OBJECT.cypher(), eventQuery("object", l1, "carriers", List.of("9520099000015"))).list())
                    .as("what the carrier of h1 sees").extracting(r -> r.get("eventId").asString()).containsExactly("urn:uuid:e2");
            assertThat(tx.run(Catalogue.EVENTS_OF_OBJECT.cypher(), eventQuery("object", l1, "carriers", List.of("9520099000022"))).list())
                    .as("another carrier").isEmpty();
        });
        EXAMPLES.example(Catalogue.EVENTS_BY_ID, events + """
                SET e2.errorDeclaredAt = datetime('2026-01-09T10:00:00+08:00'), e2.errorReason = 'incorrect_data',
                    e2.correctiveEventIds = ['urn:uuid:c2']""",
                Map.of("ids", List.of("urn:uuid:e2", "urn:uuid:none", "urn:uuid:e1")), (rows, tx) -> {
            assertThat(rows).extracting(r -> r.get("eventId").asString()).containsExactly("urn:uuid:e2", "urn:uuid:e1");
            assertThat(rows.getFirst().get("errorDeclaration").get("reason").asString()).isEqualTo("incorrect_data");
            assertThat(rows.getFirst().get("errorDeclaration").get("correctiveEventIds").asList()).containsExactly("urn:uuid:c2");
            assertThat(rows.get(1).get("errorDeclaration").isNull()).isTrue();
            Record e1 = rows.get(1);
            assertThat(e1.get("type").asString()).isEqualTo("ObjectEvent");
            assertThat(e1.get("action").asString()).isEqualTo("ADD");
            assertThat(e1.get("bizStep").asString()).isEqualTo("commissioning");
            assertThat(e1.get("bizLocation").get("kind").asString()).isEqualTo("farm");
            assertThat(e1.get("bizLocation").get("region").get("code").asString()).isEqualTo("350825100201");
            assertThat(e1.get("readPoint").isNull()).isTrue();
            assertThat(e1.get("objectCount").asLong()).isEqualTo(1);
            assertThat(e1.get("objects").asList(v -> v.get("role").asString() + " " + v.get("kind").asString() + " "
                    + v.get("key").asString())).containsExactly("OBSERVED Batch " + l1);
            Record e2 = rows.getFirst();
            assertThat(e2.get("readPoint").get("key").asString()).isEqualTo("414/9520001000027");
            assertThat(e2.get("parties").asList(v -> v.get("role").asString() + " " + v.get("type").asString() + " "
                    + v.get("party").get("kind").asString())).containsExactly("source owning_party Carrier");
        });
        EXAMPLES.example(Catalogue.EVENTS_AT_LOCATION, events, eventQuery("location", "414/9520001000027", "until", "2026-01-08T04:00:00+08:00"),
                (rows, tx) -> assertThat(rows).extracting(r -> r.get("eventId").asString())
                        .as("e2 was read at the farm but at the window's end").containsExactly("urn:uuid:e1"));
        EXAMPLES.example(Catalogue.EVENTS_IN_TIME, events, eventQuery("start", "0001-01-01T00:00:00Z"), (rows, tx) -> {
            assertThat(rows).extracting(r -> r.get("eventId").asString())
                    .as("in time order, whatever their offsets")
                    .containsExactly("urn:uuid:e1", "urn:uuid:e4", "urn:uuid:e2", "urn:uuid:e3");
            assertThat(tx.run(Catalogue.EVENTS_IN_TIME.cypher(), eventQuery("start", "0001-01-01T00:00:00Z",
                    "brandOwners", List.of("9520011000017"))).list())
                    .as("the association sees its brand's lot, and the case its item was packed in; not L2")
                    .extracting(r -> r.get("eventId").asString()).containsExactly("urn:uuid:e1", "urn:uuid:e4", "urn:uuid:e2");
            assertThat(tx.run(Catalogue.EVENTS_IN_TIME.cypher(), eventQuery("start", "2026-01-07T00:00:00+08:00",
                    "type", "AggregationEvent", "location", "414/9520001000034")).list())
                    .extracting(r -> r.get("eventId").asString()).containsExactly("urn:uuid:e4");
        });
        String carried = events + """
                CREATE (h2:Hop {id: 'h2', departed: datetime('2026-01-09T10:00:00+08:00')})-[:CARRIED_BY]->(carrier)
                CREATE (h2)-[:MOVED]->(c)
                CREATE (h2)-[:MOVED]->(b2)
                CREATE (:Hop {id: 'h3', departed: datetime('2026-01-09T11:00:00+08:00')})
                       -[:CARRIED_BY]->(:Party:Carrier {gln: '9520099000022'})
                """;
        EXAMPLES.example(Catalogue.HOPS_CARRIED, carried, row("carrier", "9520099000015", "start", "0001-01-01T00:00:00Z", "until", null,
                "afterTime", null, "afterId", null, "limit", 10), (rows, tx) -> {
                    assertThat(rows).extracting(r -> r.get("id").asString()).containsExactly("h1", "h2");
                    assertThat(rows.getFirst().get("departed").asOffsetDateTime())
                            .isEqualTo(java.time.OffsetDateTime.parse("2026-01-08T04:00:00+08:00"));
                    assertThat(tx.run(Catalogue.HOPS_CARRIED.cypher(), row("carrier", "9520099000015",
                            "start", "2026-01-08T04:00:00+08:00", "until", "2026-01-10T00:00:00+08:00",
                            "afterTime", "2026-01-08T04:00:00+08:00", "afterId", "h1", "limit", 10)).list())
                            .as("the page after h1").extracting(r -> r.get("id").asString()).containsExactly("h2");
                });
        EXAMPLES.example(Catalogue.HOPS_BY_ID, carried, Map.of("ids", List.of("h2", "h1")), (rows, tx) -> {
            assertThat(rows).extracting(r -> r.get("id").asString()).containsExactly("h2", "h1");
            Record h1 = rows.get(1);
            assertThat(h1.get("from").get("kind").asString()).isEqualTo("farm");
            assertThat(h1.get("carrier").get("gln").asString()).isEqualTo("9520099000015");
            assertThat(h1.get("moved").asList(v -> v.get("kind").asString() + " " + v.get("key").asString()))
                    .containsExactly("Batch " + l1);
            assertThat(rows.getFirst().get("movedCount").asLong()).isEqualTo(2);
            assertThat(rows.getFirst().get("moved").asList(v -> v.get("kind").asString()))
                    .containsExactly("Container", "Batch");
        });
        EXAMPLES.example(Catalogue.PERSONAL_IDENTITIES, """
                MATCH (p:Producer {pseudonym: 'P-AAAAAAAAAAAA'})
                CREATE (p)-[:IDENTIFIED_BY]->(:ProducerIdentity {pseudonym: 'P-AAAAAAAAAAAA', name: '罗秀英', phone: '13800000001'})
                """, Map.of("pseudonyms", List.of("P-AAAAAAAAAAAA", "P-ZZZZZZZZZZZZ")), (rows, tx) -> {
                    assertThat(rows).as("only the household that has personal data").hasSize(1);
                    Record row = rows.getFirst();
                    assertThat(row.keys()).containsExactly("pseudonym", "name", "phone", "idNumber");
                    assertThat(row.get("name").asString()).isEqualTo("罗秀英");
                    assertThat(row.get("phone").asString()).isEqualTo("13800000001");
                    assertThat(row.get("idNumber").isNull()).isTrue();
                });
        EXAMPLES.example(Catalogue.TRACE_INPUT_BATCHES, """
                MATCH (b1:Batch {key: '01/09520001000010/10/L1'}), (b2:Batch {key: '01/09520001000010/10/L2'})
                CREATE (b1)-[:MADE_FROM]->(b2)
                """, Map.of("keys", List.of(l1, l2)), (rows, tx) -> {
                    assertThat(rows).extracting(r -> r.get("madeInto").asString() + ">" + r.get("key").asString())
                            .as("L1 was made from L2; L2 from nothing").containsExactly(l1 + ">" + l2);
                    Record input = rows.getFirst();
                    assertThat(input.get("lot").asString()).isEqualTo("L2");
                    assertThat(input.get("producedAt").get("kind").asString()).as("the input with the columns of trace.batches")
                            .isEqualTo("farm");
                    assertThat(input.keys()).containsAll(List.of("product", "brand", "origin", "certifications"));
                });
        EXAMPLES.example(Catalogue.TRACE_JOURNEYS, """
                MATCH (b2:Batch {key: '01/09520001000010/10/L2'}), (h1:Hop {id: 'h1'}),
                      (farm:Location {key: '414/9520001000027'}), (hub:Location {key: '414/9520001000034'})
                CREATE (h1)-[:CARRIED_BY]->(:Party:Carrier {gln: '9520099000015', nameZh: '快递', nameEn: 'Express'})
                CREATE (i:Item {key: '01/09520001000010/21/S1'})-[:OF_BATCH]->(b2)
                CREATE (i)-[:PACKED_IN {since: datetime('2026-01-09T08:00:00+08:00')}]->(c:Container {key: '00/095200010000000010'})
                CREATE (hub)<-[:FROM]-(:Hop {id: 'h2', departed: datetime('2026-01-09T10:00:00+08:00'),
                        arrived: datetime('2026-01-09T12:30:00+08:00')})-[:MOVED]->(c)
                CREATE (:Hop {id: 'h0', departed: datetime('2026-01-09T06:00:00+08:00')})-[:MOVED]->(c)
                CREATE (farm)<-[:TO]-(:Hop {id: 'h3', arrived: datetime('2026-01-08T20:00:00+08:00')})-[:MOVED]->(i)
                CREATE (h4:Hop {id: 'h4', departed: datetime('2026-01-09T07:00:00+08:00')})-[:MOVED]->(b2)
                CREATE (h4)-[:DEPARTED_WITH]->(:Event {eventId: 'urn:uuid:wrong', errorDeclaredAt: datetime()})
                """, Map.of("keys", List.of(l1, l2)), (rows, tx) -> {
                    assertThat(rows).extracting(r -> r.get("batch").asString() + " " + r.get("id").asString())
                            .as("h0 moved the container before the item was packed in it; only an erroneous event recorded h4")
                            .containsExactly(l1 + " h1", l2 + " h3", l2 + " h2");
                    Record h1 = rows.getFirst();
                    assertThat(h1.get("from").get("kind").asString()).isEqualTo("farm");
                    assertThat(h1.get("from").get("region").get("code").asString()).isEqualTo("350825100201");
                    assertThat(h1.get("to").get("kind").asString()).isEqualTo("carrier_hub");
                    assertThat(h1.get("to").get("region").isNull()).isTrue();
                    assertThat(h1.get("carrier").get("kind").asString()).isEqualTo("Carrier");
                    assertThat(h1.get("departed").asOffsetDateTime())
                            .isEqualTo(java.time.OffsetDateTime.parse("2026-01-08T04:00:00+08:00"));
                    assertThat(rows.get(1).get("departed").isNull()).isTrue();
                    assertThat(rows.get(1).get("from").isNull()).isTrue();
                    assertThat(rows.get(2).get("carrier").isNull()).isTrue();
                });

        EXAMPLES.example(Catalogue.TRACE_DOWNSTREAM, """
                MATCH (b1:Batch {key: '01/09520001000010/10/L1'}), (b2:Batch {key: '01/09520001000010/10/L2'}),
                      (farm:Location {key: '414/9520001000027'}), (hub:Location {key: '414/9520001000034'})
                CREATE (b2)-[:MADE_FROM]->(b1)
                CREATE (d:Batch {key: '01/09520001000027/10/D1', gtin: '09520001000027', lot: 'D1'})-[:MADE_FROM]->(b2)
                CREATE (i:Item {key: '01/09520001000027/21/S1', gtin: '09520001000027', serial: 'S1'})-[:OF_BATCH]->(d)
                CREATE (i)-[:PACKED_IN]->(c:Container {key: '00/095200010000000010', sscc: '095200010000000010'})
                       -[:PACKED_IN]->(pallet:Container {key: '00/095200010000000027', sscc: '095200010000000027'})
                CREATE (farm)<-[:FROM]-(:Hop {id: 'h9'})-[:TO]->(hub)
                CREATE (h:Hop {id: 'h8'})-[:MOVED]->(pallet)
                CREATE (h)-[:TO]->(hub)
                CREATE (h)-[:CARRIED_BY]->(:Party:Carrier {gln: '9520099000015', nameZh: '快递', nameEn: 'Express'})
                CREATE (farm)-[:OPERATED_BY]->(:Party:Cooperative {gln: '9520011000024', nameZh: '合作社', nameEn: 'Coop'})
                """, Map.of("keys", List.of(l1, l2, "01/09520001000010/10/NONE")), (rows, tx) -> {
                    assertThat(rows).extracting(r -> r.get("batch").asString()).containsExactly(l1, l2);
                    Record fromL1 = rows.getFirst();
                    assertThat(fromL1.get("batchCount").asLong()).isEqualTo(2);
                    assertThat(fromL1.get("batches").asList(v -> v.asString()))
                            .containsExactly("01/09520001000010/10/L2", "01/09520001000027/10/D1");
                    assertThat(fromL1.get("itemCount").asLong()).isEqualTo(1);
                    assertThat(fromL1.get("items").get(0).get("serial").asString()).isEqualTo("S1");
                    assertThat(fromL1.get("containers").asList(v -> v.get("sscc").asString()))
                            .as("the case and the pallet it was loaded on")
                            .containsExactly("095200010000000010", "095200010000000027");
                    assertThat(fromL1.get("locations").asList(v -> v.get("key").asString()))
                            .as("L1 and L2 were produced at the farm; the pallet's hop went to the hub")
                            .containsExactly("414/9520001000027", "414/9520001000034");
                    assertThat(fromL1.get("parties").asList(v -> v.get("kind").asString() + " " + v.get("gln").asString()))
                            .containsExactly("Cooperative 9520011000024", "Carrier 9520099000015");
                    Record fromL2 = rows.get(1);
                    assertThat(fromL2.get("batches").asList(v -> v.asString())).containsExactly("01/09520001000027/10/D1");
                    assertThat(fromL2.get("containerCount").asLong()).isEqualTo(2);
                });
        Map<String, Object> itemScan = row("id", "scan-1", "at", "2026-02-01T10:00:00+08:00", "gtin", "09520001000010",
                "lot", "L2", "serial", "S1", "item", "01/09520001000010/21/S1", "batch", l2, "device", "d1",
                "verdict", "GENUINE", "problem", null);
        Map<String, Object> lotScan = row("id", "scan-2", "at", "2026-02-01T11:00:00+08:00", "gtin", "09520001000010",
                "lot", "L1", "serial", null, "item", null, "batch", "01/09520001000010/10/L1", "device", null,
                "verdict", "UNVERIFIED", "problem", null);
        Map<String, Object> unknownScan = row("id", "scan-3", "at", "2026-02-01T12:00:00+08:00", "gtin", "09520001000980",
                "lot", null, "serial", "X", "item", "01/09520001000980/21/X", "batch", null, "device", "d2",
                "verdict", "NOT_GENUINE", "problem", "TAMPERED");
        EXAMPLES.example(Catalogue.SCANS_RECORD, """
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
        EXAMPLES.example(Catalogue.SCANS_NETWORK_KEY, Map.of("secret", "first"), (rows, tx) -> {
            assertThat(rows.getFirst().get("secret").asString()).isEqualTo("first");
            assertThat(tx.run(Catalogue.SCANS_NETWORK_KEY.cypher(), Map.of("secret", "second")).single().get("secret").asString())
                    .as("made once: every server hashes with the first").isEqualTo("first");
        });
        EXAMPLES.example(Catalogue.SCANS_PLACE, """
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
        EXAMPLES.example(Catalogue.SCANS_OF, """
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
                    assertThat(tx.run(Catalogue.SCANS_OF.cypher(), other).list()).as("another association's").isEmpty();
                    other.put("brandOwners", null);
                    other.put("serial", "S1");
                    other.put("afterAt", null);
                    other.put("afterId", null);
                    assertThat(tx.run(Catalogue.SCANS_OF.cypher(), other).list(r -> r.get("scan").get("id").asString()))
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
        EXAMPLES.example(Catalogue.SCANS_DETECT_SPEED, placedScans,
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
                    assertThat(tx.run(Catalogue.SCANS_DETECT_SPEED.cypher(),
                            row("ids", List.of("shanghai"), "minKm", 50.0, "maxKmh", 800.0)).list())
                            .as("found again from the other side: the same flag").hasSize(1);
                    assertThat(count(tx, "MATCH (f:ScanFlag) RETURN count(f)")).isEqualTo(2);
                    // One client (Shanghai's device and network) reporting Beijing an hour later: flagged, not shown.
                    tx.run("""
                            MATCH (i:Item {key: '01/09520001000010/21/S1'})
                            CREATE (:Scan {id: 'spoof', gtin: '09520001000010', serial: 'S1', device: 'd1', network: 'n1',
                                           latitude: 39.9, longitude: 116.4, at: datetime('2026-02-01T11:00:00+08:00')})-[:SCAN_OF]->(i)""").consume();
                    tx.run(Catalogue.SCANS_DETECT_SPEED.cypher(), row("ids", List.of("spoof"), "minKm", 50.0, "maxKmh", 800.0)).consume();
                    assertThat(tx.run("MATCH (f:ScanFlag {id: 'shanghai/spoof'}) RETURN f.visible AS v").single().get("v").asBoolean())
                            .as("one device on one network").isFalse();
                });
        EXAMPLES.example(Catalogue.SCANS_DETECT_JOURNEY_END, placedScans + """
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
                    assertThat(tx.run(Catalogue.SCANS_DETECT_JOURNEY_END.cypher(),
                            row("ids", List.of("chengdu"), "maxKm", 500.0, "minNetworks", 3)).single().get("id").asString())
                            .isEqualTo("01/09520001000010/21/S1/journey-end");
                    assertThat(tx.run("MATCH (f:ScanFlag {kind: 'JOURNEY_END'}) RETURN f.visible AS v").single().get("v").asBoolean())
                            .as("fewer networks than asked for").isFalse();
                    tx.run("""
                            MATCH (i:Item {key: '01/09520001000010/21/S1'}), (farm:Location {key: '414/9520001000027'})
                            CREATE (i)-[:PACKED_IN]->(:Container {key: '00/095200010000000010'})
                                   <-[:MOVED]-(:Hop {id: 'j2', arrived: datetime('2026-01-10T10:00:00+08:00')})-[:TO]->(farm)""").consume();
                    assertThat(tx.run(Catalogue.SCANS_DETECT_JOURNEY_END.cypher(), row("ids", List.of("chengdu"), "maxKm", 500.0,
                            "minNetworks", 2)).list())
                            .as("its case's later hop ends at the farm, which has no place: not judged").isEmpty();
                });
        EXAMPLES.example(Catalogue.SCANS_DETECT_DEVICES, placedScans,
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
                    assertThat(tx.run(Catalogue.SCANS_DETECT_DEVICES.cypher(), row("keys", List.of("01/09520001000010/21/S1"),
                            "maxDevices", 3)).single().get("devices").asLong()).isEqualTo(6);
                    assertThat(tx.run("MATCH (f:ScanFlag {kind: 'DEVICES'}) RETURN f.visible AS v").single().get("v").asBoolean())
                            .as("six devices but three networks: not more than three").isFalse();
                });
        EXAMPLES.example(Catalogue.SCAN_FLAGS, placedScans + """
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
                    assertThat(tx.run(Catalogue.SCAN_FLAGS.cypher(), row("brand", null, "brandOwners", List.of("9520021000014"),
                            "beforeAt", null, "beforeId", null, "limit", 10)).list()).as("another association's").isEmpty();
                    assertThat(tx.run(Catalogue.SCAN_FLAGS.cypher(), row("brand", null, "brandOwners", null,
                            "beforeAt", "2026-02-01T10:41:00+08:00", "beforeId", "f2", "limit", 10)).list(r -> r.get("flag").get("id").asString()))
                            .containsExactly("f1");
                });
        EXAMPLES.example(Catalogue.RESOLVE_LINK, """
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
                    Record plain = tx.run(Catalogue.RESOLVE_LINK.cypher(), unknown).single();
                    assertThat(plain.get("product").get("nameEn").asString()).isEqualTo("Plain");
                    assertThat(plain.get("batchKnown").asBoolean()).isFalse();
                    assertThat(plain.get("itemKnown").asBoolean()).isFalse();
                    assertThat(plain.get("itemBatch").isNull()).isTrue();
                    assertThat(plain.get("certified").asBoolean()).isFalse();
                    unknown.put("gtin", "09520001000980");
                    assertThat(tx.run(Catalogue.RESOLVE_LINK.cypher(), unknown).single().get("product").isNull()).isTrue();
                });
        EXAMPLES.example(Catalogue.TRACE_ITEMS, """
                MATCH (b2:Batch {key: '01/09520001000010/10/L2'})
                CREATE (:Item {key: '01/09520001000010/21/S1', gtin: '09520001000010', serial: 'S1'})-[:OF_BATCH]->(b2)
                CREATE (:Item {key: '01/09520001000010/21/S2', gtin: '09520001000010', serial: 'S2'})
                """, Map.of("keys", List.of("01/09520001000010/21/S2", "01/09520001000010/21/NONE",
                        "01/09520001000010/21/S1")), (rows, tx) -> {
                    assertThat(rows).extracting(r -> r.get("key").asString())
                            .containsExactly("01/09520001000010/21/S2", "01/09520001000010/21/S1");
                    assertThat(rows.getFirst().get("batch").isNull()).as("S2 has no OF_BATCH").isTrue();
                    Record s1 = rows.get(1);
                    assertThat(s1.keys()).containsExactly("key", "gtin", "serial", "batch");
                    assertThat(s1.get("gtin").asString()).isEqualTo("09520001000010");
                    assertThat(s1.get("serial").asString()).isEqualTo("S1");
                    assertThat(s1.get("batch").asString()).isEqualTo(l2);
                });
        EXAMPLES.example(Catalogue.TRACE_ITEM_JOURNEYS, """
                MATCH (b2:Batch {key: '01/09520001000010/10/L2'}),
                      (farm:Location {key: '414/9520001000027'}), (hub:Location {key: '414/9520001000034'})
                CREATE (i:Item {key: '01/09520001000010/21/S1'})-[:OF_BATCH]->(b2)
                CREATE (:Item {key: '01/09520001000010/21/S2'})-[:OF_BATCH]->(b2)
                CREATE (i)-[:PACKED_IN {since: datetime('2026-01-09T08:00:00+08:00'),
                                        until: datetime('2026-01-09T18:00:00+08:00')}]->(c:Container {key: '00/095200010000000010'})
                CREATE (hub)<-[:FROM]-(:Hop {id: 'h2', departed: datetime('2026-01-09T10:00:00+08:00'),
                        arrived: datetime('2026-01-09T12:30:00+08:00')})-[:MOVED]->(c)
                CREATE (:Hop {id: 'h0', departed: datetime('2026-01-09T06:00:00+08:00')})-[:MOVED]->(c)
                CREATE (:Hop {id: 'h4', departed: datetime('2026-01-09T20:00:00+08:00')})-[:MOVED]->(c)
                CREATE (farm)<-[:TO]-(:Hop {id: 'h3', arrived: datetime('2026-01-08T20:00:00+08:00')})-[:MOVED]->(i)
                CREATE (:Hop {id: 'h5', departed: datetime('2026-01-09T11:00:00+08:00')})-[:MOVED]->(b2)
                """, Map.of("keys", List.of("01/09520001000010/21/S1", "01/09520001000010/21/S2")), (rows, tx) -> {
                    assertThat(rows).extracting(r -> r.get("item").asString() + " " + r.get("id").asString())
                            .as("h0 and h4 moved the container before and after S1 was in it; h5 moved the batch, not S1")
                            .containsExactly("01/09520001000010/21/S1 h3", "01/09520001000010/21/S1 h2");
                    Record h2 = rows.get(1);
                    assertThat(h2.keys()).containsExactly("item", "id", "departed", "arrived", "from", "to", "carrier");
                    assertThat(h2.get("from").get("kind").asString()).isEqualTo("carrier_hub");
                    assertThat(h2.get("to").isNull()).isTrue();
                    assertThat(rows.getFirst().get("to").get("region").get("code").asString()).isEqualTo("350825100201");
                });

        // --- stats
        EXAMPLES.example(Catalogue.STATS_NODES_PER_LABEL, Map.of(), (rows, tx) -> assertThat(counts(rows, "label"))
                .containsEntry("Region", 3L).containsEntry("Batch", 2L).containsEntry("Hop", 1L));
        EXAMPLES.example(Catalogue.STATS_RELATIONSHIPS_PER_TYPE, Map.of(), (rows, tx) -> assertThat(counts(rows, "type"))
                .containsEntry("PART_OF", 2L).containsEntry("PRODUCED_AT", 2L).containsEntry("PROTECTS", 1L));
        EXAMPLES.example(Catalogue.STATS_PER_COUNTY, Map.of(), (rows, tx) -> {
            assertThat(rows).hasSize(1);
            var county = rows.getFirst();
            assertThat(county.get("code").asString()).isEqualTo("350825");
            assertThat(county.get("parentCode").asString()).isEqualTo("350800");
            assertThat(county.get("brands").asLong()).isEqualTo(1);
            assertThat(county.get("batches").asLong()).isEqualTo(2);
            assertThat(county.get("hops").asLong()).isEqualTo(1);
            assertThat(county.get("households").asLong()).isEqualTo(1);
            assertThat(county.get("registeredPoorHouseholds").asLong()).isEqualTo(1);
        });
    }

    /** The parameters of an event query: every filter null but those given, the first page of 10. */
    private static Map<String, Object> eventQuery(Object... keysAndValues) {
        Map<String, Object> parameters = row("bizStep", null, "type", null, "location", null, "from", null, "until", null,
                "afterTime", null, "afterId", null, "brandOwners", null, "carriers", null, "limit", 10);
        parameters.putAll(row(keysAndValues));
        return parameters;
    }

    private static Map<String, Long> counts(List<Record> rows, String key) {
        Map<String, Long> counts = new HashMap<>();
        rows.forEach(r -> counts.put(r.get(key).asString(), r.get("count").asLong()));
        return counts;
    }

    @TestFactory
    List<DynamicTest> everyStatementRunsAgainstNeo4j() {
        return EXAMPLES.tests(driver, Migrations.shipped()::apply, Catalogue.all());
    }
}
