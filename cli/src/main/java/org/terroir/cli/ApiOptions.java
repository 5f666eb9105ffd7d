package org.terroir.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.terroir.store.OpenGraph;
import org.terroir.trace.TraceApiServer;
import picocli.CommandLine.Option;

/**
 * The HTTP options of the commands that serve the trace API ({@code serve}, {@code demo}), a picocli
 * mixin, and the start of the API on an opened graph.
 */
final class ApiOptions {

    static final int DEFAULT_PORT = 8080;

    @Option(names = "--port", paramLabel = "PORT",
            description = "HTTP port of the GraphQL API (default: " + DEFAULT_PORT + ", or another free port when it is busy; "
                    + "env TERROIR_PORT). A port given here must be free.")
    Integer port;

    /** Starts the API on the graph, on the port asked for, else on 8080 or any free port when that one is busy. */
    TraceApiServer start(OpenGraph graph, Map<String, Object> properties, PrintWriter out) {
        int chosen;
        if (port != null) {
            chosen = port;
        } else if (System.getenv("TERROIR_PORT") != null) {
            chosen = Integer.parseInt(System.getenv("TERROIR_PORT").strip());
        } else if (free(DEFAULT_PORT)) {
            chosen = DEFAULT_PORT;
        } else {
            out.printf("Port %d is busy; the API takes another free port.%n", DEFAULT_PORT);
            chosen = 0;
        }
        return TraceApiServer.start(graph.driver(), chosen, properties);
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException busy) {
            return false;
        }
    }
}
