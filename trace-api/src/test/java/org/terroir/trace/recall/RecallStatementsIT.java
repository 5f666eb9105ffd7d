package org.terroir.trace.recall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.terroir.testsupport.StatementExamples.count;

import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.terroir.trace.FeatureStatementExamples;

/**
 * The examples of {@link RecallStatements}, run against a real Neo4j holding the small Liancheng graph.
 */
class RecallStatementsIT extends FeatureStatementExamples {

    RecallStatementsIT() {
        super(RecallStatements.class);
        String l1 = "01/09520001000010/10/L1";
        String l2 = "01/09520001000010/10/L2";
        example(RecallStatements.RECALL_MARK, Map.of("key", "01/09520001000010/10/L2", "id", "r-1", "reason", "lab sample",
                "recalledAt", "2026-12-01T08:00:00Z", "recalledBy", "inspector", "role", "regulator"), (rows, tx) -> {
                    assertThat(rows).singleElement().satisfies(row -> {
                        assertThat(row.get("batch").asString()).isEqualTo("01/09520001000010/10/L2");
                        assertThat(row.get("recalledAt").asString()).isEqualTo("2026-12-01T08:00:00Z");
                    });
                    assertThat(count(tx, "MATCH (:Recall {id: 'r-1', recalledBy: 'inspector'})-[:RECALLS]->(:Batch) RETURN count(*)"))
                            .isEqualTo(1);
                    assertThat(tx.run(RecallStatements.RECALL_MARK.cypher(), Map.of("key", "01/09520001000010/10/NONE", "id", "r-2",
                            "reason", "x", "recalledAt", "2026-12-01T08:00:00Z", "recalledBy", "i", "role", "regulator")).list())
                            .as("no batch, nothing written").isEmpty();
                    assertThat(count(tx, "MATCH (r:Recall {id: 'r-2'}) RETURN count(r)")).isZero();
                });
        example(RecallStatements.RECALLS_UNANNOUNCED, """
                MATCH (b1:Batch {key: '01/09520001000010/10/L1'}), (b2:Batch {key: '01/09520001000010/10/L2'})
                CREATE (:Recall {id: 'r-old', reason: 'mould', recalledAt: datetime('2026-12-01T08:00:00Z'), recalledBy: 'inspector'})
                       -[:RECALLS]->(b2)
                CREATE (:Recall {id: 'r-told', reason: 'lab sample', recalledAt: datetime('2026-12-02T08:00:00Z')})-[:RECALLS]->(b1)
                CREATE (:Event {eventId: 'urn:uuid:r-told'})
                """, Map.of(), (rows, tx) -> assertThat(rows)
                        .extracting(r -> r.get("id").asString() + " " + r.get("batch").asString() + " " + r.get("recalledBy").asString())
                        .as("the recall whose event is not in the graph").containsExactly("r-old " + l2 + " inspector"));
        example(RecallStatements.TRACE_RECALLS, """
                MATCH (b1:Batch {key: '01/09520001000010/10/L1'}), (b2:Batch {key: '01/09520001000010/10/L2'})
                CREATE (b1)-[:MADE_FROM]->(b2)
                CREATE (:Recall {id: 'r-1', reason: 'lab sample', recalledAt: datetime('2026-12-01T08:00:00Z')})-[:RECALLS]->(b2)
                """, Map.of("keys", List.of(l1, l2)), (rows, tx) -> assertThat(rows)
                        .extracting(r -> r.get("batch").asString() + " " + r.get("id").asString() + " " + r.get("recalledBatch").asString())
                        .as("L2 recalled; L1, made from it, affected").containsExactly(l1 + " r-1 " + l2, l2 + " r-1 " + l2));
        example(RecallStatements.TRACE_DOWNSTREAM, """
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
    }
}
