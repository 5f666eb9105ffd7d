// Migrations are applied and recorded by neo4j-migrations from this version on: the constraint of the
// hand-made runner before it goes (its records go in V010; schema and data are changed apart).
DROP CONSTRAINT schema_migration_version IF EXISTS;
