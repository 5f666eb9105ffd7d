package org.terroir.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DynamicTest;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Transaction;

/**
 * The rule that every named Cypher statement of a module has an example run against a real Neo4j,
 * kept by the module that owns the statements: its test adds one example per statement (a setup, the
 * arguments, a check of the rows and of the graph), then turns them into dynamic tests, each in its
 * own transaction, rolled back, so examples do not disturb one another, and asserts that none of its
 * statements lacks one.
 */
public final class StatementExamples {

    /** What a check sees: the statement's rows, and the transaction to look at the graph with. */
    @FunctionalInterface
    public interface Check {
        void accept(List<Record> rows, Transaction tx);
    }

    private record Example(String cypher, Set<String> parameters, String setup, Map<String, Object> arguments, Check check) {}


    private final Map<String, Example> examples = new LinkedHashMap<>();

    /**
     * Adds the example of statement {@code name}.
     *
     * @param parameters the parameters the statement reads: {@code arguments} must give exactly these
     * @param setup      Cypher run first in the same transaction, or null
     */
    public void add(String name, String cypher, Set<String> parameters, String setup, Map<String, Object> arguments,
                    Check check) {
        if (examples.putIfAbsent(name, new Example(cypher, Set.copyOf(parameters), setup, java.util.Collections.unmodifiableMap(new java.util.HashMap<>(arguments)), check)) != null) {
            throw new IllegalStateException("two examples of statement " + name);
        }
    }

    /** One test per example, run on the graph of {@code driver} in a transaction rolled back afterwards. */
    public List<DynamicTest> tests(Driver driver) {
        List<DynamicTest> tests = new ArrayList<>();
        examples.forEach((name, example) -> tests.add(DynamicTest.dynamicTest(name, () -> {
            assertEquals(new TreeSet<>(example.parameters()), new TreeSet<>(example.arguments().keySet()),
                    "the arguments of the example of " + name + " are not the parameters it reads");
            try (var session = driver.session(); Transaction tx = session.beginTransaction()) {
                if (example.setup() != null) {
                    tx.run(example.setup()).consume();
                }
                List<Record> rows = tx.run(example.cypher(), example.arguments()).list();
                example.check().accept(rows, tx);
                tx.rollback();
            }
        })));
        return tests;
    }

    /** A parameter row: keys and values in turn (values may be null, which {@code Map.of} refuses). */
    public static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new java.util.HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    /** The single number {@code cypher} answers in {@code tx}. */
    public static long count(Transaction tx, String cypher) {
        return tx.run(cypher).single().get(0).asLong();
    }

    /** Asserts that every statement of {@code names} (each once) has an example, and that no example is of another. */
    public void assertCovers(Collection<String> names) {
        Set<String> unique = new HashSet<>(names);
        assertEquals(names.size(), unique.size(), "statement names are not unique: " + names);
        Set<String> without = new TreeSet<>(unique);
        without.removeAll(examples.keySet());
        assertTrue(without.isEmpty(), "statements without an example: " + without);
        Set<String> strays = new TreeSet<>(examples.keySet());
        strays.removeAll(unique);
        assertTrue(strays.isEmpty(), "examples of no statement of these: " + strays);
    }
}
