package org.terroir.trace.trace;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.terroir.trace.neo4j.GraphReader;
import reactor.core.publisher.Flux;

/** Which batches exist, and what one statement tells about each ({@code trace.batches}). */
@Component
public class Batches {

    private final GraphReader graph;

    public Batches(GraphReader graph) {
        this.graph = graph;
    }

    /** The batches of {@code keys} that exist, in the order of their keys; keys of no batch are left out. */
    public Flux<BatchTrace> byKeys(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Flux.empty();
        }
        List<String> distinct = keys.stream().distinct().toList();
        return graph.read(TraceStatements.TRACE_BATCHES, Map.of("keys", distinct)).map(BatchTrace::from);
    }
}
