package org.terroir.trace;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.terroir.model.cypher.Statement;
import org.terroir.store.Schema;
import org.terroir.testsupport.StatementExamples;
import org.terroir.testsupport.TestNeo4j;

/**
 * What a feature's statements test is: its constructor adds one example per statement of the
 * feature's statement class (a setup, the arguments, a check of the rows and of the graph); each runs
 * against a real Neo4j holding the small Liancheng graph, in its own transaction, rolled back, and a
 * statement added without an example fails the test "every statement has an example".
 */
public abstract class FeatureStatementExamples {

    private final Class<?> statements;
    private final StatementExamples<Statement> examples =
            new StatementExamples<>(Statement::name, Statement::cypher, Statement::parameters);

    /** The examples of the statements declared in {@code statements}. */
    protected FeatureStatementExamples(Class<?> statements) {
        this.statements = statements;
    }

    /** The example of {@code statement}: its {@code arguments} must be exactly the parameters it reads. */
    protected void example(Statement statement, Map<String, Object> arguments, StatementExamples.Check check) {
        examples.example(statement, arguments, check);
    }

    /** The example of {@code statement}, {@code setup} (Cypher) run first in the same transaction. */
    protected void example(Statement statement, String setup, Map<String, Object> arguments, StatementExamples.Check check) {
        examples.example(statement, setup, arguments, check);
    }

    @TestFactory
    List<DynamicTest> everyStatementRunsAgainstNeo4j() {
        return examples.tests(TestNeo4j.get().driver(), Schema::migrate, Statement.declaredIn(statements));
    }
}
