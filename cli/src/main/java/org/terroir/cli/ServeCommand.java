package org.terroir.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.terroir.store.GraphStore;
import org.terroir.store.OpenGraph;
import org.terroir.trace.TraceApiServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code terroir serve}: the GraphQL trace API over the graph (the embedded store, or the server or
 * cluster of {@code NEO4J_URI}) until stopped.
 */
@Command(name = "serve", header = "Serves the GraphQL trace API over the graph.", mixinStandardHelpOptions = true,
        description = {"Serves the GraphQL trace API over HTTP (POST or GET /graphql; GraphiQL at /graphiql) on the graph:",
            "the embedded Neo4j under --data-dir, or the server or cluster NEO4J_URI names (neo4j:// routes reads to",
            "a cluster's secondaries). Spring properties (terroir.*, server.*, logging.*) may be given as environment",
            "variables or -D system properties. Bearer tokens are verified with terroir.tokens.public-key, by default",
            "<data-dir>/tokens/token.pub.pem when it exists ('terroir tokens'); without a key every caller is public.",
            "verifyLabel uses terroir.trust-list and terroir.trust-roots, by default the demo PKI's under <data-dir>/demo-pki.",
            "Identity reads and recalls are audited, one JSON line each, in the file -Dterroir.audit-log or TERROIR_AUDIT_LOG",
            "names (default <data-dir>/audit.log).",
            "Stop it with Ctrl+C."})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    GraphOptions graph;

    @Mixin
    ApiOptions api;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException, java.io.IOException {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> properties = ApiDefaults.of(graph.dataDir());
        OpenGraph open = GraphStore.open(graph.target());
        Serving serving = Serving.start(open, api, properties, out);
        out.printf("Graph: %s%n", open.description());
        serving.printEndpoints(out);
        out.println("Stop with Ctrl+C (or kill " + ProcessHandle.current().pid() + ").");
        out.flush();
        serving.awaitStop();
        return Terroir.OK;
    }

    /** An API on a graph, both stopped together by the JVM's shutdown (Ctrl+C, kill). */
    static final class Serving {

        private final TraceApiServer server;
        private final CountDownLatch stopped = new CountDownLatch(1);

        private Serving(TraceApiServer server) {
            this.server = server;
        }

        static Serving start(OpenGraph open, ApiOptions api, Map<String, Object> properties, PrintWriter out) {
            TraceApiServer server;
            try {
                server = api.start(open, properties, out);
            } catch (RuntimeException e) {
                open.close();
                throw e;
            }
            Serving serving = new Serving(server);
            open.whenFailed(server::graphFailed);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } finally {
                    open.close();
                    serving.stopped.countDown();
                }
            }, "terroir-serve-stop"));
            return serving;
        }

        URI graphQl() {
            return server.graphQlUri();
        }

        void printEndpoints(PrintWriter out) {
            String base = "http://localhost:" + server.port();
            out.printf("GraphQL API: %s/graphql (POST, or GET for queries)%n", base);
            out.printf("GraphiQL:    %s/graphiql (paste a query there and run it)%n", base);
        }

        void awaitStop() throws InterruptedException {
            stopped.await();
        }
    }
}
