package org.terroir.testsupport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * What a graph holds, in comparable form (schema migrations left out): a canonical dump, and a
 * census of counts; and an empty graph to import into.
 */
public final class GraphDump {

    private GraphDump() {
    }

    /**
     * Every node as its sorted labels and sorted properties, every relationship as its type, sorted
     * properties and the two nodes it joins (written the same way), the whole list sorted; the
     * properties named in {@code excluded} are left out of nodes and relationships.
     */
    public static List<String> canonical(Driver driver, Set<String> excluded) {
        Map<String, String> nodes = new HashMap<>();
        List<String> dump = new ArrayList<>();
        for (Record r : driver.executableQuery("""
                MATCH (n) WHERE NOT n:__Neo4jMigration
                RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS properties""").execute().records()) {
            String node = r.get("labels").asList(Value::asString).stream().sorted().toList() + properties(r.get("properties"), excluded);
            nodes.put(r.get("id").asString(), node);
            dump.add(node);
        }
        for (Record r : driver.executableQuery("""
                MATCH (a)-[r]->(b) WHERE NOT a:__Neo4jMigration AND NOT b:__Neo4jMigration
                RETURN elementId(a) AS a, type(r) AS type, properties(r) AS properties, elementId(b) AS b""").execute().records()) {
            dump.add(nodes.get(r.get("a").asString()) + " -[" + r.get("type").asString()
                    + properties(r.get("properties"), excluded) + "]-> " + nodes.get(r.get("b").asString()));
        }
        dump.sort(null);
        return dump;
    }

    private static String properties(Value properties, Set<String> excluded) {
        TreeMap<String, String> sorted = new TreeMap<>();
        properties.asMap(v -> String.valueOf(v.asObject())).forEach((k, v) -> {
            if (!excluded.contains(k)) {
                sorted.put(k, v);
            }
        });
        return sorted.toString();
    }

    /** Nodes per label, relationships per type, and total properties of nodes and of relationships. */
    public static Map<String, Long> census(Driver driver) {
        Map<String, Long> census = new TreeMap<>();
        driver.executableQuery("""
                MATCH (n) WHERE NOT n:__Neo4jMigration UNWIND labels(n) AS label
                RETURN label, count(*) AS count""").execute().records()
                .forEach(r -> census.put("nodes:" + r.get("label").asString(), r.get("count").asLong()));
        driver.executableQuery("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count").execute().records()
                .forEach(r -> census.put("relationships:" + r.get("type").asString(), r.get("count").asLong()));
        census.put("properties:nodes", driver.executableQuery(
                "MATCH (n) WHERE NOT n:__Neo4jMigration RETURN sum(size(keys(n))) AS c").execute().records().getFirst().get("c").asLong());
        census.put("properties:relationships", driver.executableQuery(
                "MATCH ()-[r]->() RETURN sum(size(keys(r))) AS c").execute().records().getFirst().get("c").asLong());
        return census;
    }

    /** Empties the shared test graph and brings its schema up with {@code migrate} (graph-store's {@code Schema::migrate}). */
    public static void emptyGraph(Driver driver, Consumer<Driver> migrate) {
        TestNeo4j.get().clear();
        migrate.accept(driver);
    }

    /** How many events the graph holds. */
    public static long events(Driver driver) {
        return driver.executableQuery("MATCH (e:Event) RETURN count(e) AS c").execute().records().getFirst().get("c").asLong();
    }
}
