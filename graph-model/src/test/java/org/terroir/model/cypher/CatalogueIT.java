package org.terroir.model.cypher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.terroir.model.schema.Migrations;
import org.terroir.testsupport.TestNeo4j;

/**
 * Runs every statement of the {@link Catalogue} against a real Neo4j holding a small graph, and
 * checks what it answers. A statement added without an example here fails {@link #everyStatementHasAnExample}.
 */
class CatalogueIT {

    private static final Driver driver = TestNeo4j.get().driver();

    /** Parameters and a check of the result for each statement, by name. */
    private static final Map<String, Example> EXAMPLES = new HashMap<>();

    private record Example(Map<String, Object> parameters, Consumer<List<org.neo4j.driver.Record>> check) {}

    private static void example(Statement statement, Map<String, Object> parameters,
            Consumer<List<org.neo4j.driver.Record>> check) {
        EXAMPLES.put(statement.name(), new Example(parameters, check));
    }

    static {
        example(Catalogue.MIGRATION_LOCK, Map.of(), rows -> assertThat(rows).isEmpty());
        example(Catalogue.MIGRATION_APPLIED, Map.of(), rows -> assertThat(rows)
                .extracting(r -> r.get("version").asInt()).contains(1, 2));
        example(Catalogue.MIGRATION_RECORD, Map.of("version", 1, "description", "natural keys",
                "checksum", "ignored-because-present", "appliedBy", "test"), rows -> assertThat(rows).isEmpty());
        example(Catalogue.STATS_NODES_PER_LABEL, Map.of(), rows -> assertThat(counts(rows, "label"))
                .containsEntry("Region", 3L).containsEntry("Batch", 2L).containsEntry("Hop", 1L));
        example(Catalogue.STATS_RELATIONSHIPS_PER_TYPE, Map.of(), rows -> assertThat(counts(rows, "type"))
                .containsEntry("PART_OF", 2L).containsEntry("PRODUCED_AT", 2L).containsEntry("PROTECTS", 1L));
        example(Catalogue.STATS_PER_COUNTY, Map.of(), rows -> {
            assertThat(rows).hasSize(1);
            var county = rows.getFirst();
            assertThat(county.get("code").asString()).isEqualTo("350825");
            assertThat(county.get("parentCode").asString()).isEqualTo("350800");
            assertThat(county.get("brands").asLong()).isEqualTo(1);
            assertThat(county.get("batches").asLong()).isEqualTo(2);
            assertThat(county.get("hops").asLong()).isEqualTo(1);
        });
    }

    private static Map<String, Long> counts(List<org.neo4j.driver.Record> rows, String key) {
        Map<String, Long> counts = new HashMap<>();
        rows.forEach(r -> counts.put(r.get(key).asString(), r.get("count").asLong()));
        return counts;
    }

    @BeforeAll
    static void smallGraph() {
        TestNeo4j.get().reset();
        Migrations.shipped().apply(driver);
        TestNeo4j.load(driver, "liancheng-small");
    }

    @TestFactory
    List<DynamicTest> everyStatementRunsAgainstNeo4j() {
        return Catalogue.all().stream()
                .filter(s -> EXAMPLES.containsKey(s.name()))
                .map(s -> DynamicTest.dynamicTest(s.name(), () -> {
                    Example example = EXAMPLES.get(s.name());
                    assertThat(example.parameters().keySet())
                            .as("parameters of %s", s.name()).containsExactlyInAnyOrderElementsOf(s.parameters());
                    Value parameters = Values.value(example.parameters());
                    try (var session = driver.session()) {
                        List<org.neo4j.driver.Record> rows = session.run(s.cypher(), parameters).list();
                        example.check().accept(rows);
                    }
                }))
                .toList();
    }

    @Test
    void everyStatementHasAnExample() {
        assertThat(EXAMPLES.keySet())
                .as("statements of the catalogue without an example in CatalogueIT")
                .containsAll(Catalogue.all().stream().map(Statement::name).toList());
    }

    @Test
    void statementNamesAreUnique() {
        assertThat(Catalogue.all()).extracting(Statement::name).doesNotHaveDuplicates();
    }
}
