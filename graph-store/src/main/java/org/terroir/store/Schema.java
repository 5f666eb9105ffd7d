package org.terroir.store;

import ac.simons.neo4j.migrations.core.ClasspathResourceScanner;
import ac.simons.neo4j.migrations.core.MigrationChain;
import ac.simons.neo4j.migrations.core.MigrationState;
import ac.simons.neo4j.migrations.core.MigrationVersion;
import ac.simons.neo4j.migrations.core.Migrations;
import ac.simons.neo4j.migrations.core.MigrationsConfig;
import ac.simons.neo4j.migrations.core.MigrationsException;
import ac.simons.neo4j.migrations.core.ValidationResult;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import java.net.URL;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.neo4j.driver.Driver;

/**
 * The graph's schema: versioned, immutable Cypher migrations ({@code neo4j/migrations/V###__*.cypher}
 * of this module) applied by neo4j-migrations whenever a graph is opened, embedded or remote. The
 * library records each migration in the graph with its checksum and refuses one changed after it was
 * applied, holds its lock while it applies them (two servers starting at once apply each migration
 * once), and refuses a graph that a newer Terroir migrated further than this one knows. Each migration
 * runs in one transaction, so a migration changes the schema or the data, never both.
 */
public final class Schema {

    /** Where the migrations lie on the class path. */
    static final String LOCATION = "classpath:neo4j/migrations";
    private static final String FOLDER = "neo4j/migrations";

    /**
     * The migration files, found on the class path once (the library would look for them at each
     * graph opened, a scan of every jar: 1–2 s).
     */
    private static final ClasspathResourceScanner FILES = new ClasspathResourceScanner() {
        private volatile List<URL> found;

        @Override
        public List<URL> scan(List<String> locations) {
            List<URL> files = found;
            if (files == null) {
                try (ScanResult scan = new ClassGraph().acceptPathsNonRecursive(FOLDER).scan()) {
                    files = found = List.copyOf(scan.getResourcesWithExtension("cypher").getURLs());
                }
            }
            return files;
        }
    };

    /**
     * The library's line per migration at INFO ("Applied migration 001", "Skipping already applied
     * migration 001") is not a user's screen: {@link Report} says what was applied, and the commands print
     * it. Its warnings and errors still show. Held here, so that the level is not lost with the logger.
     */
    private static final Logger LIBRARY_LOG = Logger.getLogger("ac.simons.neo4j.migrations");

    static {
        LIBRARY_LOG.setLevel(Level.WARNING);
    }

    private Schema() {}

    /**
     * What {@link #migrate} did.
     *
     * @param applied the versions applied now, in order
     * @param alreadyPresent the versions the graph had already
     * @param version the graph's schema version now (e.g. {@code 010}), or null for none
     */
    public record Report(List<String> applied, List<String> alreadyPresent, String version) {
        public Report {
            applied = List.copyOf(applied);
            alreadyPresent = List.copyOf(alreadyPresent);
        }
    }

    /**
     * Applies the migrations the graph behind {@code driver} lacks.
     *
     * @throws SchemaException when a migration was changed after it was applied, the graph holds a
     *     migration this version does not know (a newer Terroir wrote it), or a migration fails
     */
    public static Report migrate(Driver driver) {
        Migrations migrations = new Migrations(MigrationsConfig.builder()
                .withLocationsToScan(LOCATION)
                .withResourceScanner(FILES)
                .withTransactionMode(MigrationsConfig.TransactionMode.PER_MIGRATION)
                .withInstalledBy("terroir")
                .build(), driver);
        try {
            MigrationChain before = migrations.info();
            List<String> pending = versions(before, MigrationState.PENDING);
            String version = migrations.apply().map(MigrationVersion::getValue).orElse(null);
            return new Report(pending, versions(before, MigrationState.APPLIED), version);
        } catch (MigrationsException e) {
            Optional<String> newer = newerVersion(migrations);
            if (newer.isPresent()) {
                throw new SchemaException("the graph has schema version V" + newer.get()
                        + ", newer than this Terroir knows: upgrade Terroir", e);
            }
            throw new SchemaException("the graph's schema cannot be brought to this Terroir's: " + e.getMessage(), e);
        }
    }

    /**
     * The graph's version when a newer Terroir migrated it further than this one knows; asked only
     * after applying failed, and empty when that is not why (or the graph cannot be asked).
     */
    private static Optional<String> newerVersion(Migrations migrations) {
        try {
            if (migrations.validate().getOutcome() != ValidationResult.Outcome.INCOMPLETE_MIGRATIONS) {
                return Optional.empty();
            }
            return Optional.of(migrations.info(MigrationChain.ChainBuilderMode.REMOTE).getLastAppliedVersion()
                    .map(MigrationVersion::getValue).orElse("?"));
        } catch (MigrationsException e) {
            return Optional.empty();
        }
    }

    /** The versions of {@code chain} in {@code state}, in order. */
    private static List<String> versions(MigrationChain chain, MigrationState state) {
        return chain.getElements().stream()
                .filter(element -> element.getState() == state)
                .map(MigrationChain.Element::getVersion)
                .toList();
    }

    /** The graph's schema could not be brought to this version; the message says why. */
    public static final class SchemaException extends RuntimeException {
        SchemaException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
