package org.terroir.testsupport;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.io.ByteUnit;

/**
 * The one in-process Neo4j server of this test JVM, reached through Bolt on localhost like any
 * server. It starts on first use (a few seconds) and stops when the JVM exits; tests share it and
 * call {@link #clear()} to start from an empty graph.
 */
public final class TestNeo4j {

    private static final class Holder {
        static final TestNeo4j INSTANCE = start();
    }

    private final Neo4j server;
    private final Driver driver;
    private final java.util.concurrent.atomic.AtomicLong clears = new java.util.concurrent.atomic.AtomicLong();

    private TestNeo4j(Neo4j server) {
        this.server = server;
        this.driver = GraphDatabase.driver(server.boltURI(), AuthTokens.none());
    }

    private static TestNeo4j start() {
        try {
            Path workDir = Files.createTempDirectory("terroir-test-neo4j");
            Neo4j server = Neo4jBuilders.newInProcessBuilder(workDir)
                    .withDisabledServer()
                    .withConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(512))
                    .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, Duration.ZERO)
                    .build();
            TestNeo4j neo4j = new TestNeo4j(server);
            Runtime.getRuntime().addShutdownHook(new Thread(neo4j::stop, "test-neo4j-stop"));
            return neo4j;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create a working directory for the test Neo4j", e);
        }
    }

    private void stop() {
        driver.close();
        server.close();
    }

    /** The shared server, started on first call. */
    public static TestNeo4j get() {
        return Holder.INSTANCE;
    }

    /** {@code bolt://localhost:PORT} of the shared server. */
    public URI boltUri() {
        return server.boltURI();
    }

    /** A driver connected to the shared server; owned by this class, do not close it. */
    public Driver driver() {
        return driver;
    }

    /**
     * How many times the graph has been emptied ({@link #clear()}, {@link #reset()}): a test that loaded
     * a graph once for several classes compares it to know that a class in between emptied it.
     */
    public long clears() {
        return clears.get();
    }

    /** Deletes every node and relationship; constraints and indexes stay. */
    public void clear() {
        clears.incrementAndGet();
        try (var session = driver.session()) {
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume();
        }
    }

    /**
     * Runs the Cypher fixture {@code name}.cypher of this package (e.g. {@code liancheng-small})
     * against {@code driver}, as one statement.
     */
    public static void load(Driver driver, String name) {
        String resource = name + ".cypher";
        try (var in = TestNeo4j.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource + " in " + TestNeo4j.class.getPackageName());
            }
            String cypher = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("//")).collect(java.util.stream.Collectors.joining("\n"));
            try (var session = driver.session()) {
                session.run(cypher).consume();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Drops every constraint and index as well as the data: a brand-new database. */
    public void reset() {
        clear();
        try (var session = driver.session()) {
            for (var name : session.run("SHOW CONSTRAINTS YIELD name RETURN name").list(r -> r.get(0).asString())) {
                session.run("DROP CONSTRAINT $name", java.util.Map.of("name", name)).consume();
            }
            for (var name : session.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name")
                    .list(r -> r.get(0).asString())) {
                session.run("DROP INDEX $name", java.util.Map.of("name", name)).consume();
            }
        }
    }
}
