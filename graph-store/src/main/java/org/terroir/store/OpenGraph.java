package org.terroir.store;

import org.neo4j.driver.Driver;
import org.terroir.model.schema.Migrations;

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
    Migrations.Report schema();

    @Override
    void close();
}
