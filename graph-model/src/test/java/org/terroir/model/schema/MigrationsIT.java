package org.terroir.model.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.terroir.testsupport.TestNeo4j;

class MigrationsIT {

    private final Driver driver = TestNeo4j.get().driver();

    @BeforeEach
    void brandNewDatabase() {
        TestNeo4j.get().reset();
    }

    @Test
    void appliesEveryShippedMigrationAndRecordsIt() {
        Migrations migrations = Migrations.shipped();

        Migrations.Report report = migrations.apply(driver);

        assertThat(report.applied()).isEqualTo(migrations.all());
        assertThat(report.alreadyPresent()).isEmpty();
        List<Integer> recorded = driver.executableQuery("MATCH (m:SchemaMigration) RETURN m.version AS v ORDER BY v")
                .execute().records().stream().map(r -> r.get("v").asInt()).toList();
        assertThat(recorded).containsExactlyElementsOf(migrations.all().stream().map(Migration::version).toList());
    }

    @Test
    void createsAUniquenessConstraintOnEveryNaturalKey() {
        Migrations.shipped().apply(driver);

        List<String> constrained = driver.executableQuery("""
                        SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type
                        WHERE type = 'UNIQUENESS'
                        RETURN labelsOrTypes[0] + '.' + properties[0] AS key""")
                .execute().records().stream().map(r -> r.get("key").asString()).toList();
        assertThat(constrained).contains("Region.code", "Producer.pseudonym", "Party.gln", "Brand.id", "Product.gtin",
                "Batch.key", "Item.key", "Container.key", "Location.key", "Event.eventId", "Hop.id",
                "Certification.id", "SchemaMigration.version");
    }

    @Test
    void secondApplyChangesNothing() {
        Migrations migrations = Migrations.shipped();
        migrations.apply(driver);
        long before = count("SHOW CONSTRAINTS YIELD name RETURN count(*) AS n")
                + count("SHOW INDEXES YIELD name RETURN count(*) AS n");

        Migrations.Report again = migrations.apply(driver);

        assertThat(again.applied()).isEmpty();
        assertThat(again.alreadyPresent()).hasSameSizeAs(migrations.all());
        assertThat(again.schemaVersion()).isEqualTo(migrations.all().getLast().version());
        assertThat(count("SHOW CONSTRAINTS YIELD name RETURN count(*) AS n")
                + count("SHOW INDEXES YIELD name RETURN count(*) AS n")).isEqualTo(before);
        assertThat(count("MATCH (m:SchemaMigration) RETURN count(m) AS n")).isEqualTo(migrations.all().size());
    }

    @Test
    void refusesAMigrationChangedAfterItWasApplied() {
        Migrations.shipped().apply(driver);
        driver.executableQuery("MATCH (m:SchemaMigration {version: 1}) SET m.checksum = 'edited'").execute();

        assertThatThrownBy(() -> Migrations.shipped().apply(driver))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("V001")
                .hasMessageContaining("changed after it was applied");
    }

    @Test
    void refusesAGraphWithANewerSchemaThanItKnows() {
        Migrations.shipped().apply(driver);
        driver.executableQuery("CREATE (:SchemaMigration {version: 999, checksum: 'x'})").execute();

        assertThatThrownBy(() -> Migrations.shipped().apply(driver))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("V999")
                .hasMessageContaining("upgrade Terroir");
    }

    private long count(String cypher) {
        return driver.executableQuery(cypher).withParameters(Map.of()).execute().records().getFirst().get("n").asLong();
    }
}
