package org.terroir.trace.trace;

import java.util.Collection;
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
        return graph.forKeys(TraceStatements.TRACE_BATCHES, keys, BatchTrace::from);
    }
}
