package org.terroir.trace.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.terroir.testsupport.StatementExamples.row;

import java.util.HashMap;
import java.util.Map;
import org.neo4j.driver.Record;
import org.terroir.trace.FeatureStatementExamples;

/**
 * The examples of {@link ListStatements}, run against a real Neo4j holding the small Liancheng graph.
 */
class ListStatementsIT extends FeatureStatementExamples {

    ListStatementsIT() {
        super(ListStatements.class);
        String l1 = "01/09520001000010/10/L1";
        Map<String, Object> brandFilter = row("kind", "gi", "region", "350800");
        Map<String, Object> brandPage = firstPage(brandFilter);
        String twoBrands = "MATCH (c:Region {code: '350825'}) CREATE (:Brand {id: 'a-regional', kind: 'regional'})-[:PROTECTS]->(c)";
        example(ListStatements.LIST_BRANDS, "MATCH (c:Region {code: '350825'}) CREATE (:Brand {id: 'z-other-gi', kind: 'gi'})-[:PROTECTS]->(c)",
                brandPage, (rows, tx) -> {
                    assertThat(rows).extracting(r -> r.get("node").get("id").asString())
                            .containsExactly("liancheng-dried-sweet-potato", "z-other-gi");
                    Map<String, Object> next = new HashMap<>(brandPage);
                    next.put("after", "liancheng-dried-sweet-potato");
                    next.put("limit", 1);
                    assertThat(tx.run(ListStatements.LIST_BRANDS.cypher(), next).list()).extracting(r -> r.get("node").get("id").asString())
                            .as("the page after the cursor").containsExactly("z-other-gi");
                });
        example(ListStatements.COUNT_BRANDS, twoBrands, brandFilter, (rows, tx) ->
                assertThat(rows.getFirst().get("count").asLong()).as("the regional brand is left out").isEqualTo(1));
        Map<String, Object> partyFilter = row("kind", "Cooperative", "region", "350825", "brand", "liancheng-dried-sweet-potato");
        Map<String, Object> partyPage = firstPage(partyFilter);
        String coops = """
                MATCH (p:Producer {pseudonym: 'P-AAAAAAAAAAAA'}), (b:Batch {key: '01/09520001000010/10/L1'}),
                      (brand:Brand {id: 'liancheng-dried-sweet-potato'}), (county:Region {code: '350825'})
                CREATE (b)-[:OF_PRODUCT]->(:Product {gtin: '09520001000010'})-[:OF_BRAND]->(brand)
                CREATE (p)-[:CONTRIBUTED]->(b)
                CREATE (p)-[:MEMBER_OF]->(:Party:Cooperative {gln: '9520011000024', nameEn: 'Coop'})-[:BASED_IN]->(county)
                CREATE (:Party:Cooperative {gln: '9520011000031', nameEn: 'Idle coop'})-[:BASED_IN]->(county)
                CREATE (:Party:Association {gln: '9520011000017'})-[:BASED_IN]->(county)
                """;
        example(ListStatements.LIST_PARTIES, coops, partyPage, (rows, tx) -> assertThat(rows)
                .extracting(r -> r.get("node").get("gln").asString() + " " + r.get("node").get("kind").asString())
                .as("the cooperative whose member contributed to the brand").containsExactly("9520011000024 Cooperative"));
        example(ListStatements.COUNT_PARTIES, coops, partyFilter, (rows, tx) -> assertThat(rows.getFirst().get("count").asLong()).isEqualTo(1));
        Map<String, Object> regionFilter = row("level", "village", "within", "350800");
        Map<String, Object> regionPage = firstPage(regionFilter);
        example(ListStatements.LIST_REGIONS, regionPage, (rows, tx) -> assertThat(rows)
                .extracting(r -> r.get("node").get("code").asString()).containsExactly("350825100201"));
        example(ListStatements.COUNT_REGIONS, regionFilter, (rows, tx) -> assertThat(rows.getFirst().get("count").asLong()).isEqualTo(1));
        Map<String, Object> locationFilter = row("kind", "farm", "region", "350825");
        Map<String, Object> locationPage = firstPage(locationFilter);
        example(ListStatements.LIST_LOCATIONS, locationPage, (rows, tx) -> assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get("node").get("key").asString()).isEqualTo("414/9520001000027");
            assertThat(r.get("node").get("region").get("code").asString()).isEqualTo("350825100201");
        }));
        example(ListStatements.COUNT_LOCATIONS, locationFilter, (rows, tx) -> assertThat(rows.getFirst().get("count").asLong()).isEqualTo(1));
        Map<String, Object> batchFilter = row("brand", "liancheng-dried-sweet-potato", "region", "350825",
                "from", "2026-01-07T00:00:00+08:00", "until", "2026-01-08T00:00:00+08:00", "certification", "GI");
        Map<String, Object> batchPage = firstPage(batchFilter);
        String certified = """
                MATCH (b1:Batch {key: '01/09520001000010/10/L1'}), (b2:Batch {key: '01/09520001000010/10/L2'}),
                      (brand:Brand {id: 'liancheng-dried-sweet-potato'})
                CREATE (p:Product {gtin: '09520001000010'})-[:OF_BRAND]->(brand)
                CREATE (b1)-[:OF_PRODUCT]->(p), (b2)-[:OF_PRODUCT]->(p)
                CREATE (:Certification {id: 'c1', kind: 'GI'})-[:CERTIFIES]->(brand)
                CREATE (:Event {eventId: 'e1', eventTime: datetime('2026-01-07T09:00:00+08:00')})-[:OBSERVED]->(b1)
                CREATE (:Event {eventId: 'e2', eventTime: datetime('2026-01-09T09:00:00+08:00')})-[:OBSERVED]->(b2)
                """;
        example(ListStatements.LIST_BATCHES, certified, batchPage, (rows, tx) -> assertThat(rows)
                .extracting(r -> r.get("node").asString()).as("L2's event is after the window").containsExactly(l1));
        example(ListStatements.COUNT_BATCHES, certified, batchFilter, (rows, tx) -> {
            assertThat(rows.getFirst().get("count").asLong()).isEqualTo(1);
            Map<String, Object> organic = new HashMap<>(batchFilter);
            organic.put("certification", "ORGANIC");
            assertThat(tx.run(ListStatements.COUNT_BATCHES.cypher(), organic).single().get("count").asLong()).isZero();
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
        example(ListStatements.LIST_PRODUCERS, households, row("after", "", "limit", 10, "brand", null, "region", "350800",
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
                    assertThat(tx.run(ListStatements.LIST_PRODUCERS.cypher(), row("after", "P-AAAAAAAAAAAA", "limit", 10,
                            "brand", "liancheng-dried-sweet-potato", "region", null, "cooperative", "9520011000024")).list())
                            .as("after the cursor, nobody else contributed").isEmpty();
                });
        example(ListStatements.COUNT_PRODUCERS, households, row("brand", "liancheng-dried-sweet-potato", "region", "350825",
                "cooperative", "9520011000024"), (rows, tx) -> assertThat(rows.getFirst().get("count").asLong()).isEqualTo(1));
    }

    /** The parameters of the first page of 10 of {@code filter}. */
    private static Map<String, Object> firstPage(Map<String, Object> filter) {
        Map<String, Object> page = new HashMap<>(filter);
        page.put("after", "");
        page.put("limit", 10);
        return page;
    }
}
