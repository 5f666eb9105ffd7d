package org.terroir.model.cypher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.neo4j.driver.Driver;
import org.terroir.model.schema.Migrations;
import org.terroir.testsupport.StatementExamples;
import org.terroir.testsupport.TestNeo4j;

/**
 * Runs every statement of the schema migrations ({@link Catalogue}) against a real Neo4j holding a small graph
 * ({@code liancheng-small}) and checks what it answers or writes. Each example runs in its own
 * transaction, rolled back afterwards; a statement added without an example here fails the test
 * "every statement has an example".
 */
class CatalogueIT {

    private static final Driver driver = TestNeo4j.get().driver();

    private static final StatementExamples<Statement> EXAMPLES =
            new StatementExamples<>(Statement::name, Statement::cypher, Statement::parameters);

    static {
        EXAMPLES.example(Catalogue.MIGRATION_LOCK, Map.of(), (rows, tx) -> assertThat(rows).isEmpty());
        EXAMPLES.example(Catalogue.MIGRATION_APPLIED, Map.of(), (rows, tx) -> assertThat(rows)
                .extracting(r -> r.get("version").asInt()).contains(1, 2));
        EXAMPLES.example(Catalogue.MIGRATION_RECORD, Map.of("version", 1, "description", "natural keys",
                "checksum", "ignored-because-present", "appliedBy", "test"), (rows, tx) ->
                assertThat(tx.run("MATCH (m:SchemaMigration {version: 1}) RETURN m.checksum AS c").single()
                        .get("c").asString()).isNotEqualTo("ignored-because-present"));
    }

    @TestFactory
    List<DynamicTest> everyStatementRunsAgainstNeo4j() {
        return EXAMPLES.tests(driver, Migrations.shipped()::apply, Statement.declaredIn(Catalogue.class));
    }
}
