package org.terroir.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.io.ByteUnit;

/**
 * A Neo4j server in a process of its own, for the tests of the server path ({@code NEO4J_URI}):
 * another JVM, reached only through Bolt, as a server or a cluster member would be. {@link #start}
 * launches it from the test's class path; {@link #main} is that process: it starts the server on a
 * free port of localhost, prints its Bolt URI, and runs until its standard input closes or it is
 * stopped.
 */
public final class Neo4jServerProcess implements AutoCloseable {

    private final Process process;
    private final URI boltUri;

    private Neo4jServerProcess(Process process, URI boltUri) {
        this.process = process;
        this.boltUri = boltUri;
    }

    /** Starts a server whose store lives in {@code folder}; returns once it answers on Bolt. */
    public static Neo4jServerProcess start(Path folder) throws IOException {
        Files.createDirectories(folder);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--sun-misc-unsafe-memory-access=allow", "-Xmx768m", "-cp", System.getProperty("java.class.path"),
                Neo4jServerProcess.class.getName(), folder.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder printed = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            printed.append(line).append('\n');
            if (line.startsWith(READY)) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the pipe empty
                        }
                    } catch (IOException gone) {
                        // the process ended
                    }
                }, "neo4j-server-output");
                drain.setDaemon(true);
                drain.start();
                return new Neo4jServerProcess(process, URI.create(line.substring(READY.length()).strip()));
            }
        }
        throw new IOException("the Neo4j server process ended before it answered; it printed:\n" + printed);
    }

    private static final String READY = "bolt: ";

    /** {@code bolt://localhost:PORT}; {@code neo4j://localhost:PORT} reaches it with routing. */
    public URI boltUri() {
        return boltUri;
    }

    /** The same server as a routing driver sees it ({@code neo4j://}). */
    public URI routingUri() {
        return URI.create("neo4j://" + boltUri.getAuthority());
    }

    /** Stops the server (SIGTERM) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** The server process: {@code Neo4jServerProcess FOLDER}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: Neo4jServerProcess FOLDER");
        }
        Neo4j server = Neo4jBuilders.newInProcessBuilder(Path.of(args[0]))
                .withDisabledServer()
                .withConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(256))
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, Duration.ZERO)
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "neo4j-server-stop"));
        System.out.println(READY + server.boltURI());
        System.out.flush();
        while (System.in.read() >= 0) {
            // until the test's end of the pipe closes
        }
        System.exit(0);
    }
}
