package org.terroir.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.terroir.store.GraphTarget;
import picocli.CommandLine.Option;

/**
 * The options every command that touches the graph shares (a picocli mixin): the embedded store's
 * folder, or a Neo4j server or cluster from {@code NEO4J_URI}.
 */
public final class GraphOptions {

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:TERROIR_DATA_DIR:-data}",
            description = "Folder of the embedded Neo4j store (default: ${DEFAULT-VALUE}; env TERROIR_DATA_DIR).")
    Path dataDir;

    @Option(names = "--bolt-port", paramLabel = "PORT", defaultValue = "7687",
            description = "Bolt port the embedded store listens on, on localhost; another free port is taken when it is busy (default: ${DEFAULT-VALUE}).")
    int boltPort;

    @Option(names = "--neo4j-uri", paramLabel = "URI", defaultValue = "${env:NEO4J_URI}",
            description = "A Neo4j server (bolt://host:7687) or cluster (neo4j://host) to use instead of the embedded store (env NEO4J_URI).")
    String uri;

    @Option(names = "--neo4j-user", paramLabel = "USER", defaultValue = "${env:NEO4J_USER:-neo4j}",
            description = "User for --neo4j-uri (default: ${DEFAULT-VALUE}; env NEO4J_USER).")
    String user;

    @Option(names = "--neo4j-password", paramLabel = "PASSWORD", defaultValue = "${env:NEO4J_PASSWORD}",
            showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER,
            description = "Password for --neo4j-uri (env NEO4J_PASSWORD); none disables authentication.")
    String password;

    /** The folder of the embedded store, also where installation secrets are kept. */
    public Path dataDir() {
        return dataDir;
    }

    /** The target these options name. */
    public GraphTarget target() {
        try {
            return GraphTarget.of(dataDir, boltPort, uri, user, password);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--neo4j-uri \"" + uri + "\" is not a URI: " + e.getReason());
        }
    }
}
