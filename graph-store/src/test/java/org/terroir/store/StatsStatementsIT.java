package org.terroir.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.terroir.model.cypher.Statement;
import org.terroir.store.Schema;
import org.terroir.testsupport.StatementExamples;
import org.terroir.testsupport.TestNeo4j;

/**
 * Runs every statement of the graph's figures ({@link StatsStatements}) against a real Neo4j holding a small graph
 * ({@code liancheng-small}) and checks what it answers or writes. Each example runs in its own
 * transaction, rolled back afterwards; a statement added without an example here fails the test
 * "every statement has an example".
 */
class StatsStatementsIT {

    private static final Driver driver = TestNeo4j.get().driver();

    private static final StatementExamples<Statement> EXAMPLES =
            new StatementExamples<>(Statement::name, Statement::cypher, Statement::parameters);

    static {
        EXAMPLES.example(StatsStatements.STATS_NODES_PER_LABEL, Map.of(), (rows, tx) -> assertThat(counts(rows, "label"))
                .containsEntry("Region", 3L).containsEntry("Batch", 2L).containsEntry("Hop", 1L));
        EXAMPLES.example(StatsStatements.STATS_RELATIONSHIPS_PER_TYPE, Map.of(), (rows, tx) -> assertThat(counts(rows, "type"))
                .containsEntry("PART_OF", 2L).containsEntry("PRODUCED_AT", 2L).containsEntry("PROTECTS", 1L));
        EXAMPLES.example(StatsStatements.STATS_PER_COUNTY, Map.of(), (rows, tx) -> {
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

    private static Map<String, Long> counts(List<Record> rows, String key) {
        Map<String, Long> counts = new HashMap<>();
        rows.forEach(r -> counts.put(r.get(key).asString(), r.get("count").asLong()));
        return counts;
    }

    @TestFactory
    List<DynamicTest> everyStatementRunsAgainstNeo4j() {
        return EXAMPLES.tests(driver, Schema::migrate, Statement.declaredIn(StatsStatements.class));
    }
}
