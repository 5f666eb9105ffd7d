package org.terroir.model.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.Neo4jException;
import org.terroir.model.cypher.Catalogue;

/**
 * The schema migrations shipped with this version, applied in order at start and recorded in the
 * graph as {@code (:SchemaMigration {version, description, checksum, appliedAt})}. Applying is
 * idempotent: migrations already recorded are only checked, never run again.
 */
public final class Migrations {

    private static final String FOLDER = "/org/terroir/model/schema/";
    private static final String INDEX = FOLDER + "migrations.index";

    private final List<Migration> migrations;

    private Migrations(List<Migration> migrations) {
        this.migrations = List.copyOf(migrations);
    }

    /** The migrations on the class path, listed in {@code migrations.index}, in version order. */
    public static Migrations shipped() {
        List<Migration> list = new ArrayList<>();
        for (String file : read(INDEX).lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            Migration migration = Migration.parse(file, read(FOLDER + file));
            if (!list.isEmpty() && list.getLast().version() >= migration.version()) {
                throw new MigrationException("migrations.index lists " + file + " after "
                        + list.getLast().label() + ": versions must increase");
            }
            list.add(migration);
        }
        return new Migrations(list);
    }

    public List<Migration> all() {
        return migrations;
    }

    /** The result of {@link #apply}: which versions ran now and which were there already. */
    public record Report(List<Migration> applied, List<Migration> alreadyPresent) {
        public int schemaVersion() {
            return java.util.stream.Stream.concat(applied.stream(), alreadyPresent.stream())
                    .mapToInt(Migration::version).max().orElse(0);
        }
    }

    /**
     * Applies the migrations not yet recorded in the graph behind {@code driver}, each statement in
     * its own transaction (schema changes cannot share one), then records it.
     *
     * @throws MigrationException when a recorded migration's checksum differs from the shipped
     *     file, or the graph holds a migration this version does not know (a newer Terroir wrote it)
     */
    public Report apply(Driver driver) {
        try (Session session = driver.session()) {
            session.run(Catalogue.MIGRATION_LOCK.cypher()).consume();
            Map<Integer, String> recorded = new HashMap<>();
            session.run(Catalogue.MIGRATION_APPLIED.cypher())
                    .forEachRemaining(r -> recorded.put(r.get("version").asInt(), r.get("checksum").asString()));

            int newest = migrations.isEmpty() ? 0 : migrations.getLast().version();
            for (int version : recorded.keySet()) {
                if (version > newest) {
                    throw new MigrationException("the graph has schema version V%03d, newer than this Terroir knows (V%03d): upgrade Terroir"
                            .formatted(version, newest));
                }
            }

            List<Migration> applied = new ArrayList<>();
            List<Migration> present = new ArrayList<>();
            for (Migration migration : migrations) {
                String checksum = recorded.get(migration.version());
                if (checksum != null) {
                    if (!checksum.equals(migration.checksum())) {
                        throw new MigrationException("migration " + migration.label() + " (" + migration.description()
                                + ") was changed after it was applied: recorded checksum " + checksum
                                + ", shipped file " + migration.checksum() + ". Migrations are immutable: add a new one instead");
                    }
                    present.add(migration);
                    continue;
                }
                for (String statement : migration.statements()) {
                    try {
                        session.executeWriteWithoutResult(tx -> tx.run(statement).consume());
                    } catch (Neo4jException e) {
                        throw new MigrationException("migration " + migration.label() + " failed on \"" + statement
                                + "\": " + e.getMessage(), e);
                    }
                }
                session.executeWriteWithoutResult(tx -> tx.run(Catalogue.MIGRATION_RECORD.cypher(), Map.of(
                        "version", migration.version(),
                        "description", migration.description(),
                        "checksum", migration.checksum(),
                        "appliedBy", "terroir")).consume());
                applied.add(migration);
            }
            return new Report(applied, present);
        }
    }

    private static String read(String resource) {
        try (InputStream in = Migrations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new MigrationException("schema resource " + resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationException("cannot read schema resource " + resource, e);
        }
    }
}
