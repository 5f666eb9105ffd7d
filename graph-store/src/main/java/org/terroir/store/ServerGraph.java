package org.terroir.store;

import org.neo4j.driver.AuthToken;
import java.util.logging.Level;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.NotificationSeverity;
import org.neo4j.driver.exceptions.Neo4jException;

/** A graph on a Neo4j server or cluster, reached by URI. */
final class ServerGraph implements OpenGraph {

    /** The driver's own connection cap, kept unless {@link StoreSettings#maxConnections} says otherwise. */
    static final int DRIVER_MAX_CONNECTIONS = 100;

    private final Driver driver;
    private final String uri;
    private final String description;
    private final Schema.Report schema;

    private ServerGraph(Driver driver, String uri, String description, Schema.Report schema) {
        this.driver = driver;
        this.uri = uri;
        this.description = description;
        this.schema = schema;
    }

    static OpenGraph open(GraphTarget.Server target) {
        AuthToken auth = target.user() == null || target.user().isBlank()
                ? AuthTokens.none()
                : AuthTokens.basic(target.user(), target.password() == null ? "" : target.password());
        return connect(target.uri().toString(), auth, "Neo4j server " + target.uri());
    }

    /** Connects, checks the server answers, applies the schema. */
    static ServerGraph connect(String uri, AuthToken auth, String description) {
        Driver driver = GraphDatabase.driver(uri, auth, driverConfig());
        try {
            driver.verifyConnectivity();
            return new ServerGraph(driver, uri, description, Schema.migrate(driver));
        } catch (Neo4jException | IllegalStateException e) {
            driver.close();
            throw new GraphUnavailableException("cannot use " + description + ": " + firstLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            driver.close();
            throw e;
        }
    }

    /**
     * Quiet unless something is wrong (commands print their own, readable lines); connections as
     * configured. No notifications: nothing reads them, and for every statement the server built and
     * sent, and the driver decoded, a warning for each property or relationship type the graph holds
     * none of yet (no recall, certification or brand story in a young graph): 6 % of what a trace
     * allocated in the benchmark.
     */
    static Config driverConfig() {
        return Config.builder()
                .withLogging(Logging.javaUtilLogging(Level.WARNING))
                .withMinimumNotificationSeverity(NotificationSeverity.OFF)
                .withMaxConnectionPoolSize(StoreSettings.maxConnections(DRIVER_MAX_CONNECTIONS))
                .build();
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    @Override
    public Driver driver() {
        return driver;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String boltUri() {
        return uri;
    }

    @Override
    public Schema.Report schema() {
        return schema;
    }

    @Override
    public void close() {
        driver.close();
    }
}
