package org.terroir.cli;

import java.util.concurrent.Callable;
import org.terroir.store.GraphStats;
import org.terroir.store.GraphStore;
import org.terroir.store.OpenGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code terroir stats}: what the graph holds, as JSON. */
@Command(name = "stats", header = "Prints what the graph holds as JSON, per label, type and county.", mixinStandardHelpOptions = true,
        description = {"Prints what the graph holds as JSON: nodes per label, relationships per type, and per county"
                + " the brands, batches and logistics hops."})
final class StatsCommand implements Callable<Integer> {

    @Mixin
    GraphOptions graph;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (OpenGraph open = GraphStore.open(graph.target())) {
            GraphStats.Stats stats = GraphStats.read(open.driver());
            JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
            spec.commandLine().getOut().println(json.writeValueAsString(stats));
        }
        return Terroir.OK;
    }
}
