package org.terroir.trace.recall;

import java.util.Collection;
import java.util.Map;
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
        if (keys.isEmpty()) {
            return Flux.empty();
        }
        return graph.read(RecallStatements.TRACE_DOWNSTREAM, Map.of("keys", keys.stream().distinct().toList()))
                .map(Downstream::from);
    }
}
