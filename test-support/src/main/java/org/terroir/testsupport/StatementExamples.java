package org.terroir.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.DynamicTest;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Transaction;

/**
 * The rule that every named Cypher statement of a module has an example run against a real Neo4j,
 * kept by the module that owns the statements: its test adds one example per statement (a setup, the
 * arguments, a check of the rows and of the graph), then asks for the tests — one per example, each
 * in its own transaction on the small Liancheng graph ({@code liancheng-small}), rolled back, so
 * examples do not disturb one another — and one that fails when a statement has no example.
 *
 * @param <S> the module's statement type, read through the three functions given
 */
public final class StatementExamples<S> {

    /** What a check sees: the statement's rows, and the transaction to look at the graph with. */
    @FunctionalInterface
    public interface Check {
        void accept(List<Record> rows, Transaction tx);
    }

    private record Example(String cypher, Set<String> parameters, String setup, Map<String, Object> arguments, Check check) {}

    private final Function<S, String> name;
    private final Function<S, String> cypher;
    private final Function<S, Set<String>> parameters;
    private final Map<String, Example> examples = new LinkedHashMap<>();

    /** Examples of statements whose name, text and parameter names these give. */
    public StatementExamples(Function<S, String> name, Function<S, String> cypher, Function<S, Set<String>> parameters) {
        this.name = name;
        this.cypher = cypher;
        this.parameters = parameters;
    }

    /** Adds the example of {@code statement}: its {@code arguments} must be exactly the parameters it reads. */
    public void example(S statement, Map<String, Object> arguments, Check check) {
        example(statement, null, arguments, check);
    }

    /** Adds the example of {@code statement}, {@code setup} (Cypher, or null) run first in the same transaction. */
    public void example(S statement, String setup, Map<String, Object> arguments, Check check) {
        Example example = new Example(cypher.apply(statement), parameters.apply(statement), setup,
                Collections.unmodifiableMap(new HashMap<>(arguments)), check);
        if (examples.putIfAbsent(name.apply(statement), example) != null) {
            throw new IllegalStateException("two examples of statement " + name.apply(statement));
        }
    }

    /**
     * Empties the graph of {@code driver}, brings its schema up ({@code migrate}), loads the small
     * graph, and gives a test per example and one asserting that each of {@code statements} (each name
     * once) has one and no example is of another.
     */
    public List<DynamicTest> tests(Driver driver, Consumer<Driver> migrate, Collection<S> statements) {
        TestNeo4j.get().reset();
        migrate.accept(driver);
        TestNeo4j.load(driver, "liancheng-small");
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("every statement has an example", () -> covers(statements)));
        examples.forEach((statement, example) -> tests.add(DynamicTest.dynamicTest(statement, () -> run(driver, statement, example))));
        return tests;
    }

    private static void run(Driver driver, String statement, Example example) {
        assertEquals(new TreeSet<>(example.parameters()), new TreeSet<>(example.arguments().keySet()),
                "the arguments of the example of " + statement + " are not the parameters it reads");
        try (var session = driver.session(); Transaction tx = session.beginTransaction()) {
            if (example.setup() != null) {
                tx.run(example.setup()).consume();
            }
            List<Record> rows = tx.run(example.cypher(), example.arguments()).list();
            example.check().accept(rows, tx);
            tx.rollback();
        }
    }

    private void covers(Collection<S> statements) {
        List<String> names = statements.stream().map(name).toList();
        Set<String> unique = new HashSet<>(names);
        assertEquals(names.size(), unique.size(), "statement names are not unique: " + names);
        Set<String> without = new TreeSet<>(unique);
        without.removeAll(examples.keySet());
        assertTrue(without.isEmpty(), "statements without an example: " + without);
        Set<String> strays = new TreeSet<>(examples.keySet());
        strays.removeAll(unique);
        assertTrue(strays.isEmpty(), "examples of no statement of these: " + strays);
    }

    /** A parameter row: keys and values in turn (values may be null, which {@code Map.of} refuses). */
    public static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    /** The single number {@code cypher} answers in {@code tx}. */
    public static long count(Transaction tx, String cypher) {
        return tx.run(cypher).single().get(0).asLong();
    }
}
