package org.terroir.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;

/** Where the graph lives: an embedded store in a folder, or a Neo4j server or cluster. */
public sealed interface GraphTarget {

    /** The default Bolt port of the embedded store; another free port is taken when it is busy. */
    int DEFAULT_BOLT_PORT = 7687;

    /**
     * The target of a program's settings: a server when {@code uri} names one (with the user and
     * password only when a password is given: none disables authentication), else the embedded store
     * in {@code dataDir} on {@code boltPort}.
     *
     * @param uri      a Neo4j server or cluster, or null or blank for the embedded store
     * @throws URISyntaxException when {@code uri} is not a URI
     */
    static GraphTarget of(Path dataDir, int boltPort, String uri, String user, String password) throws URISyntaxException {
        if (uri == null || uri.isBlank()) {
            return new Embedded(dataDir, boltPort);
        }
        URI parsed = new URI(uri.strip());
        boolean auth = password != null && !password.isEmpty();
        return new Server(parsed, auth ? user : null, auth ? password : null);
    }

    /**
     * An embedded, file-backed Neo4j in {@code dataDir}, answering Bolt on localhost.
     *
     * @param boltPort the port to listen on; {@code 0} takes any free port
     */
    record Embedded(Path dataDir, int boltPort) implements GraphTarget {
        public Embedded {
            Objects.requireNonNull(dataDir, "dataDir");
            if (boltPort < 0 || boltPort > 65_535) {
                throw new IllegalArgumentException("Bolt port " + boltPort + " is outside 0..65535");
            }
        }
    }

    /**
     * A Neo4j server ({@code bolt://}, {@code neo4j://} for a cluster with routing, and their
     * {@code +s}/{@code +ssc} secure forms).
     */
    record Server(URI uri, String user, String password) implements GraphTarget {
        public Server {
            Objects.requireNonNull(uri, "uri");
            String scheme = uri.getScheme() == null ? "" : uri.getScheme();
            if (!scheme.matches("(bolt|neo4j)(\\+s|\\+ssc)?")) {
                throw new IllegalArgumentException("Neo4j URI \"" + uri
                        + "\" must start with bolt://, neo4j:// (cluster routing) or their +s / +ssc forms");
            }
        }

        @Override
        public String toString() {
            return "Server[uri=" + uri + ", user=" + user + "]"; // never the password
        }
    }
}
