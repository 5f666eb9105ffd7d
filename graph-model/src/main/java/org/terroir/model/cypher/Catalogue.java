package org.terroir.model.cypher;

/**
 * The Cypher statements of the schema migrations. The features keep theirs beside the code that reads
 * their rows: the importer ({@code MasterDataStatements}, {@code EpcisStatements}), the graph's
 * figures ({@code StatsStatements}) and the trace API (one class per feature, e.g.
 * {@code TraceStatements}). Each constant is run against a real Neo4j by {@code CatalogueIT}.
 */
public final class Catalogue {

    private Catalogue() {}

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
}
