package org.terroir.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.terroir.model.graph.NodeLabel;
import org.terroir.model.graph.RelationshipType;

import org.terroir.testsupport.TestNeo4j;

/**
 * Proves that {@link NodeLabel} and the shipped migrations agree (neo4j-migrations' own records,
 * labelled {@code __Neo4jMigration…}, apart): every natural key has a
 * uniqueness constraint on exactly that property, and the graph has no uniqueness constraint the
 * enum does not know. Also checks that the shared fixture speaks only the model's vocabulary.
 */
class ModelSchemaIT {

    private static final Driver driver = TestNeo4j.get().driver();

    /** A node uniqueness constraint as {@code SHOW CONSTRAINTS} reports it. */
    private record Uniqueness(String name, List<String> labels, List<String> properties) {}

    private static List<Uniqueness> constraints;

    @BeforeAll
    static void migratedDatabase() {
        TestNeo4j.get().reset();
        Schema.migrate(driver);
        constraints = driver.executableQuery("""
                        SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties
                        WHERE entityType = 'NODE' AND (type CONTAINS 'UNIQUENESS' OR type = 'NODE_KEY')
                          AND NOT labelsOrTypes[0] STARTS WITH '__'
                        RETURN name, labelsOrTypes, properties""")
                .execute().records().stream()
                .map(r -> new Uniqueness(r.get("name").asString(), r.get("labelsOrTypes").asList(v -> v.asString()),
                        r.get("properties").asList(v -> v.asString())))
                .toList();
    }

    @Test
    void everyNaturalKeyHasAUniquenessConstraintOnExactlyThatProperty() {
        for (NodeLabel label : NodeLabel.values()) {
            label.naturalKey().ifPresent(key -> assertThat(constraints)
                    .as("uniqueness constraints on %s", label)
                    .filteredOn(c -> c.labels().equals(List.of(label.label())))
                    .singleElement()
                    .extracting(Uniqueness::properties).isEqualTo(List.of(key)));
        }
    }

    @Test
    void everyUniquenessConstraintIsTheNaturalKeyOfAModelLabel() {
        List<String> unknown = new ArrayList<>();
        for (Uniqueness constraint : constraints) {
            boolean known = constraint.labels().size() == 1
                    && NodeLabel.fromLabel(constraint.labels().getFirst())
                            .flatMap(NodeLabel::naturalKey)
                            .map(key -> constraint.properties().equals(List.of(key)))
                            .orElse(false);
            if (!known) {
                unknown.add(constraint.name() + " " + constraint.labels() + constraint.properties());
            }
        }
        assertThat(unknown).as("uniqueness constraints that are no natural key of NodeLabel").isEmpty();
    }

    @Test
    void partyKindLabelsHaveNoConstraintOfTheirOwn() {
        List<String> kinds = Arrays.stream(NodeLabel.values()).filter(NodeLabel::isPartyKind).map(NodeLabel::label).toList();
        assertThat(constraints).noneMatch(c -> c.labels().stream().anyMatch(kinds::contains));
    }

    @Test
    void sharedFixtureUsesOnlyTheModelsLabelsAndRelationshipTypes() {
        TestNeo4j.get().clear();
        TestNeo4j.load(driver, "liancheng-small");
        try {
            List<String> labels = driver.executableQuery("MATCH (n) UNWIND labels(n) AS label RETURN DISTINCT label")
                    .execute().records().stream().map(r -> r.get("label").asString()).toList();
            Map<String, List<String>> typesByEnds = driver.executableQuery("""
                            MATCH (a)-[r]->(b)
                            RETURN DISTINCT type(r) AS type, labels(a)[0] + '->' + labels(b)[0] AS ends""")
                    .execute().records().stream().collect(Collectors.groupingBy(r -> r.get("type").asString(),
                            Collectors.mapping(r -> r.get("ends").asString(), Collectors.toList())));

            assertThat(labels).isNotEmpty().allSatisfy(l -> assertThat(NodeLabel.fromLabel(l)).as("label %s", l).isPresent());
            typesByEnds.forEach((type, ends) -> {
                RelationshipType known = RelationshipType.fromType(type).orElseThrow(
                        () -> new AssertionError("relationship type " + type + " is not in RelationshipType"));
                for (String end : ends) {
                    String[] fromTo = end.split("->");
                    assertThat(known.from()).as("%s from", type).contains(NodeLabel.fromLabel(fromTo[0]).orElseThrow());
                    assertThat(known.to()).as("%s to", type).contains(NodeLabel.fromLabel(fromTo[1]).orElseThrow());
                }
            });
        } finally {
            TestNeo4j.get().clear();
        }
    }
}
