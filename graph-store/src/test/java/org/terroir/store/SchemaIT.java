package org.terroir.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.terroir.testsupport.TestNeo4j;

/** The schema migrations, applied by neo4j-migrations to a real Neo4j. */
class SchemaIT {

    private static final List<String> ALL = List.of("001", "002", "003", "004", "005", "006", "007", "008", "009", "010", "011", "012", "013", "014", "015");

    private final Driver driver = TestNeo4j.get().driver();

    @BeforeEach
    void brandNewDatabase() {
        TestNeo4j.get().reset();
    }

    @Test
    void appliesEveryMigrationInOrderAndRecordsIt() {
        Schema.Report report = Schema.migrate(driver);

        assertThat(report.applied()).containsExactlyElementsOf(ALL);
        assertThat(report.alreadyPresent()).isEmpty();
        assertThat(report.version()).isEqualTo(ALL.getLast());
        assertThat(driver.executableQuery("MATCH (m:__Neo4jMigration) WHERE m.version <> 'BASELINE' RETURN m.version AS v ORDER BY v")
                .execute().records()).extracting(r -> r.get("v").asString()).containsExactlyElementsOf(ALL);
    }

    @Test
    void createsAUniquenessConstraintOnEveryNaturalKey() {
        Schema.migrate(driver);

        List<String> constrained = driver.executableQuery("""
                        SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type
                        WHERE type = 'UNIQUENESS'
                        RETURN labelsOrTypes[0] + '.' + properties[0] AS key""")
                .execute().records().stream().map(r -> r.get("key").asString()).toList();
        assertThat(constrained).contains("Region.code", "Producer.pseudonym", "Party.gln", "Brand.id", "Product.gtin",
                "Batch.key", "Item.key", "Container.key", "Location.key", "Event.eventId", "Hop.id",
                "Certification.id", "Recall.id", "Scan.id", "ScanFlag.id", "ScanKey.id");
    }

    @Test
    void numbersTheCaptureJobsThatEndedBeforeV014InTheOrderTheyFinished() throws Exception {
        Schema.migrate(driver);
        // A graph of before V014: jobs ended without a number, no counter.
        driver.executableQuery("MATCH (s:Sequence) DELETE s").execute();
        driver.executableQuery("""
                CREATE (:CaptureJob {id: 'b', running: false, createdAt: datetime('2026-12-01T09:00:00Z'),
                                     finishedAt: datetime('2026-12-01T10:00:00Z')}),
                       (:CaptureJob {id: 'a', running: false, createdAt: datetime('2026-12-01T08:00:00Z'),
                                     finishedAt: datetime('2026-12-01T11:00:00Z')}),
                       (:CaptureJob {id: 'c', running: true, createdAt: datetime('2026-12-01T12:00:00Z')})""").execute();
        String migration;
        try (var in = Schema.class.getResourceAsStream("/neo4j/migrations/V015__capture_jobs_ended_numbered.cypher")) {
            migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        for (String statement : migration.split(";")) {
            if (!statement.replaceAll("(?m)^//.*$", "").isBlank()) {
                driver.executableQuery(statement).execute();
            }
        }

        Map<String, Object> ended = new java.util.HashMap<>();
        driver.executableQuery("MATCH (j:CaptureJob) RETURN j.id AS id, j.ended AS ended").execute().records()
                .forEach(r -> ended.put(r.get("id").asString(), r.get("ended").isNull() ? null : r.get("ended").asLong()));
        assertThat(ended).containsEntry("b", 1L).containsEntry("a", 2L).containsEntry("c", null);
        assertThat(driver.executableQuery("MATCH (s:Sequence {id: 'captureJobsEnded'}) RETURN s.last AS last").execute()
                .records().getFirst().get("last").asLong()).isEqualTo(2);
    }

    @Test
    void secondApplyChangesNothing() {
        Schema.migrate(driver);
        long before = schemaObjects();

        Schema.Report again = Schema.migrate(driver);

        assertThat(again.applied()).isEmpty();
        assertThat(again.alreadyPresent()).containsExactlyElementsOf(ALL);
        assertThat(again.version()).isEqualTo(ALL.getLast());
        assertThat(schemaObjects()).isEqualTo(before);
    }

    @Test
    void refusesAMigrationChangedAfterItWasApplied() {
        Schema.migrate(driver);
        driver.executableQuery("MATCH (m:__Neo4jMigration {version: '001'}) SET m.checksum = '12345'").execute();

        assertThatThrownBy(() -> Schema.migrate(driver))
                .isInstanceOf(Schema.SchemaException.class)
                .hasMessageContaining("001");
    }

    @Test
    void refusesAGraphThatANewerTerroirMigratedFurther() {
        Schema.migrate(driver);
        String next = "%03d".formatted(Integer.parseInt(ALL.getLast()) + 1);
        driver.executableQuery("""
                MATCH (last:__Neo4jMigration {version: $last})
                CREATE (last)-[:MIGRATED_TO {at: datetime(), in: duration('PT0S'), by: 'terroir', connectedAs: 'neo4j'}]->
                       (:__Neo4jMigration {version: $next, description: 'from the future', checksum: '1', type: 'CYPHER',
                                           source: 'V' + $next + '__from_the_future.cypher'})""")
                .withParameters(java.util.Map.of("last", ALL.getLast(), "next", next)).execute();

        assertThatThrownBy(() -> Schema.migrate(driver))
                .isInstanceOf(Schema.SchemaException.class)
                .hasMessageContaining("V" + next).hasMessageContaining("upgrade Terroir");
    }

    @Test
    void takesOverAGraphOfTheHandMadeRunnerAndKeepsItsData() {
        // What a graph of Terroir before neo4j-migrations holds: the runner's constraint and records, and data.
        driver.executableQuery("CREATE CONSTRAINT schema_migration_version IF NOT EXISTS FOR (m:SchemaMigration) REQUIRE m.version IS UNIQUE")
                .execute();
        driver.executableQuery("UNWIND range(1, 8) AS v CREATE (:SchemaMigration {version: v, checksum: 'x'})").execute();
        driver.executableQuery("CREATE (:Region {code: '350825', nameEn: 'Liancheng'})").execute();

        Schema.Report report = Schema.migrate(driver);

        assertThat(report.applied()).containsExactlyElementsOf(ALL);
        assertThat(count("MATCH (m:SchemaMigration) RETURN count(m) AS n")).isZero();
        assertThat(count("SHOW CONSTRAINTS YIELD name WHERE name = 'schema_migration_version' RETURN count(*) AS n")).isZero();
        assertThat(count("MATCH (r:Region {code: '350825', nameEn: 'Liancheng'}) RETURN count(r) AS n")).isEqualTo(1);
    }

    private long schemaObjects() {
        return count("SHOW CONSTRAINTS YIELD name RETURN count(*) AS n") + count("SHOW INDEXES YIELD name RETURN count(*) AS n");
    }

    private long count(String cypher) {
        return driver.executableQuery(cypher).withParameters(Map.of()).execute().records().getFirst().get("n").asLong();
    }
}
