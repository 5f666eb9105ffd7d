package org.terroir.trace.trace;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.terroir.trace.neo4j.GraphReader;
import reactor.core.publisher.Mono;

/** Which households contributed how much to batches ({@code trace.contributions}). */
@Component
public class Contributions {

    private final GraphReader graph;

    public Contributions(GraphReader graph) {
        this.graph = graph;
    }

    /** Per batch key, its contributions, largest first; a batch without any has no entry. */
    public Mono<Map<String, List<ProducerContribution>>> byBatchKeys(Collection<String> keys) {
        return graph.perKey(TraceStatements.TRACE_CONTRIBUTIONS, keys, "batch", ProducerContribution::from);
    }
}
