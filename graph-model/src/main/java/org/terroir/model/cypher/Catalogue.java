package org.terroir.model.cypher;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Every Cypher statement Terroir runs, in one place. Each constant is run against a real Neo4j
 * by {@code CatalogueIT}, which fails when a statement has no example there.
 */
public final class Catalogue {

    private Catalogue() {}

    // --- schema migrations -------------------------------------------------------------------

    public static final Statement MIGRATION_LOCK = new Statement("migration.lock", """
            CREATE CONSTRAINT schema_migration_version IF NOT EXISTS
            FOR (m:SchemaMigration) REQUIRE m.version IS UNIQUE
            """);

    public static final Statement MIGRATION_APPLIED = new Statement("migration.applied", """
            MATCH (m:SchemaMigration)
            RETURN m.version AS version, m.description AS description, m.checksum AS checksum,
                   m.appliedAt AS appliedAt
            ORDER BY m.version
            """);

    public static final Statement MIGRATION_RECORD = new Statement("migration.record", """
            MERGE (m:SchemaMigration {version: $version})
            ON CREATE SET m.description = $description, m.checksum = $checksum,
                          m.appliedAt = datetime(), m.appliedBy = $appliedBy
            """);

    // --- stats -------------------------------------------------------------------------------

    public static final Statement STATS_NODES_PER_LABEL = new Statement("stats.nodesPerLabel", """
            CALL db.labels() YIELD label
            CALL (label) { MATCH (n:$(label)) RETURN count(n) AS count }
            RETURN label, count
            ORDER BY label
            """);

    public static final Statement STATS_RELATIONSHIPS_PER_TYPE = new Statement("stats.relationshipsPerType", """
            CALL db.relationshipTypes() YIELD relationshipType AS type
            CALL (type) { MATCH ()-[r:$(type)]->() RETURN count(r) AS count }
            RETURN type, count
            ORDER BY type
            """);

    /**
     * Per county: the brands protecting a region in it, the batches produced at a location in
     * it, and the hops that leave from or arrive at a location in it.
     */
    public static final Statement STATS_PER_COUNTY = new Statement("stats.perCounty", """
            MATCH (county:Region {level: 'county'})
            OPTIONAL MATCH (parent:Region)<-[:PART_OF]-(county)
            CALL (county) {
              OPTIONAL MATCH (brand:Brand)-[:PROTECTS]->(:Region)-[:PART_OF*0..]->(county)
              RETURN count(DISTINCT brand) AS brands
            }
            CALL (county) {
              OPTIONAL MATCH (batch:Batch)-[:PRODUCED_AT]->(:Location)-[:IN_REGION]->(:Region)-[:PART_OF*0..]->(county)
              RETURN count(DISTINCT batch) AS batches
            }
            CALL (county) {
              OPTIONAL MATCH (hop:Hop)-[:FROM|TO]->(:Location)-[:IN_REGION]->(:Region)-[:PART_OF*0..]->(county)
              RETURN count(DISTINCT hop) AS hops
            }
            RETURN county.code AS code, county.nameZh AS nameZh, county.nameEn AS nameEn,
                   parent.code AS parentCode, brands, batches, hops
            ORDER BY code
            """);

    /** All statements of the catalogue, in declaration order. */
    public static List<Statement> all() {
        List<Statement> statements = new ArrayList<>();
        for (Field field : Catalogue.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == Statement.class) {
                try {
                    statements.add((Statement) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return List.copyOf(statements);
    }
}
