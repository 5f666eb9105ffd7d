package org.terroir.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.terroir.store.GraphOptions;
import org.terroir.store.GraphStats;
import org.terroir.store.GraphStore;
import org.terroir.store.OpenGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code terroir demo}: opens the graph (the embedded store by default) with the schema applied,
 * reports what it holds, and keeps it open for other commands until stopped.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the platform on the demo graph: starts the graph with the schema applied and reports what it holds.",
            "",
            "The graph is an embedded Neo4j under --data-dir unless NEO4J_URI names a server. It keeps running so that",
            "other terroir commands and Neo4j tools reach it through Bolt; stop it with Ctrl+C."})
final class DemoCommand implements Callable<Integer> {

    @Mixin
    GraphOptions graph;

    @Option(names = "--once", description = "Report and exit instead of keeping the graph running.")
    boolean once;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        OpenGraph open = GraphStore.open(graph.target());
        CountDownLatch stopped = new CountDownLatch(1);
        Thread stopper = new Thread(() -> {
            open.close();
            stopped.countDown();
        }, "terroir-demo-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            report(open, out);
            if (once) {
                return Terroir.OK;
            }
            out.println("Serving the graph at " + open.boltUri() + " (no authentication, localhost only).");
            out.println("Try './terroir stats' in another terminal. Stop with Ctrl+C (or kill " + ProcessHandle.current().pid() + ").");
            out.flush();
            stopped.await();
            return Terroir.OK;
        } finally {
            if (once) {
                Runtime.getRuntime().removeShutdownHook(stopper);
                open.close();
            }
        }
    }

    private static void report(OpenGraph open, PrintWriter out) {
        var schema = open.schema();
        out.printf("Graph: %s%n", open.description());
        out.printf("Schema: version V%03d (%d migration(s) applied now, %d already present)%n",
                schema.schemaVersion(), schema.applied().size(), schema.alreadyPresent().size());
        GraphStats.Stats stats = GraphStats.read(open.driver());
        long nodes = stats.nodesPerLabel().entrySet().stream()
                .filter(e -> !e.getKey().equals("SchemaMigration"))
                .mapToLong(Map.Entry::getValue).sum();
        if (nodes == 0) {
            out.println("The graph holds no provenance data yet.");
        } else {
            out.printf("The graph holds %d nodes.%n", nodes);
            for (GraphStats.County county : stats.counties()) {
                out.printf("  %s %s (%s): %d brands, %d batches, %d hops%n", county.code(),
                        county.nameEn(), county.nameZh(), county.brands(), county.batches(), county.hops());
            }
        }
        out.flush();
    }
}
