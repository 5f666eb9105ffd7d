package org.terroir.store;

import java.util.Optional;
import java.util.function.Consumer;
import org.neo4j.driver.Driver;

/**
 * An opened graph with the schema applied. Everything talks to it through the Neo4j driver, so an
 * embedded store and a remote cluster behave alike. Closing it stops an embedded store this
 * process started.
 */
public interface OpenGraph extends AutoCloseable {

    /** The driver to the graph; owned by this object. */
    Driver driver();

    /** One line saying where the graph is, e.g. {@code embedded store data (Bolt bolt://localhost:7687)}. */
    String description();

    /** The Bolt URI other processes can use to reach this graph. */
    String boltUri();

    /** What applying the schema migrations at open did. */
    Schema.Report schema();

    /**
     * Why the graph can no longer be used until it is restarted, when that happened: an embedded
     * store this process started stops after a critical error (a disk gone full while writing its
     * transaction log, usually), answering every statement with an error from then on. Empty
     * otherwise, and always for a server, whose own supervisor restarts it.
     */
    default Optional<String> failure() {
        return Optional.empty();
    }

    /** Runs {@code listener} with the reason once the graph has failed as {@link #failure} says (at once if it has). */
    default void whenFailed(Consumer<String> listener) {
    }

    @Override
    void close();
}
