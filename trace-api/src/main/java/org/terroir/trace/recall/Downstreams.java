package org.terroir.trace.recall;

import java.util.Collection;
import org.springframework.stereotype.Component;
import org.terroir.trace.neo4j.GraphReader;
import reactor.core.publisher.Flux;

/** What a recall of batches reaches downstream ({@code trace.downstream}), for many batches in one statement. */
@Component
public class Downstreams {

    private final GraphReader graph;

    public Downstreams(GraphReader graph) {
        this.graph = graph;
    }

    /** The downstream of each batch of {@code keys} that exists, in key order. */
    public Flux<Downstream> byBatchKeys(Collection<String> keys) {
        return graph.forKeys(RecallStatements.TRACE_DOWNSTREAM, keys, Downstream::from);
    }
}
