package org.terroir.store;


/** Opens the graph of a {@link GraphTarget} and applies the schema migrations. */
public final class GraphStore {

    private GraphStore() {}

    /**
     * Opens {@code target}. For an embedded store already held by another Terroir process, the
     * graph is reached through that process's Bolt port instead.
     *
     * @throws StoreBusyException when the embedded store is held and cannot be reached
     * @throws GraphUnavailableException when a server does not answer or refuses the credentials
     */
    public static OpenGraph open(GraphTarget target) {
        return switch (target) {
            case GraphTarget.Embedded embedded -> EmbeddedGraph.open(embedded);
            case GraphTarget.Server server -> ServerGraph.open(server);
        };
    }
}
