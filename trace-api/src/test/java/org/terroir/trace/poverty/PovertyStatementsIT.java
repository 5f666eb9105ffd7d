package org.terroir.trace.poverty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.terroir.trace.FeatureStatementExamples;

/**
 * The examples of {@link PovertyStatements}, run against a real Neo4j holding the small Liancheng graph.
 */
class PovertyStatementsIT extends FeatureStatementExamples {

    PovertyStatementsIT() {
        super(PovertyStatements.class);
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
        example(PovertyStatements.POVERTY_FIGURES, brandSetup, Map.of("brands", List.of("liancheng-dried-sweet-potato"), "region", "350800"),
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
                    assertThat(tx.run(PovertyStatements.POVERTY_FIGURES.cypher(), Map.<String, Object>of("brands", List.of("other"),
                            "region", "350825")).list()).as("another brand").isEmpty();
                    Map<String, Object> elsewhere = new HashMap<>();
                    elsewhere.put("brands", null);
                    elsewhere.put("region", "620525");
                    assertThat(tx.run(PovertyStatements.POVERTY_FIGURES.cypher(), elsewhere).list()).as("another county").isEmpty();
                });
        example(PovertyStatements.BRANDS_OWNED, brandSetup, Map.of("glns", List.of("9520011000017", "9520099000015")),
                (rows, tx) -> assertThat(rows).extracting(r -> r.get("brand").asString())
                        .containsExactly("liancheng-dried-sweet-potato"));
    }
}
