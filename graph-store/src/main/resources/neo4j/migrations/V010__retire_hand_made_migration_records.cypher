// The records of the hand-made runner before neo4j-migrations. Migrations V001 to V008 are idempotent:
// a graph that had them applied them again once, recorded the new way.
MATCH (m:SchemaMigration) DELETE m;
