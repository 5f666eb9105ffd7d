package org.terroir.trace.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.terroir.trace.FeatureStatementExamples;

/**
 * The examples of {@link TraceStatements}, run against a real Neo4j holding the small Liancheng
 * graph: lots L1 and L2 produced at a farm in a village of Liancheng, hop h1 moved L1.
 */
class TraceStatementsIT extends FeatureStatementExamples {

    TraceStatementsIT() {
        super(TraceStatements.class);
        String l1 = "01/09520001000010/10/L1";
        String l2 = "01/09520001000010/10/L2";
        example(TraceStatements.TRACE_BATCHES, """
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
        example(TraceStatements.TRACE_CONTRIBUTIONS, """
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
        example(TraceStatements.PERSONAL_IDENTITIES, """
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
        example(TraceStatements.TRACE_INPUT_BATCHES, """
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
        example(TraceStatements.TRACE_JOURNEYS, """
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

        example(TraceStatements.TRACE_ITEMS, """
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
        example(TraceStatements.TRACE_ITEM_JOURNEYS, """
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
    }
}
