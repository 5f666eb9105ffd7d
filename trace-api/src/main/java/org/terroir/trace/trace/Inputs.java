package org.terroir.trace.trace;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.terroir.trace.neo4j.GraphReader;
import reactor.core.publisher.Mono;

/**
 * What batches were made from ({@code trace.inputBatches}: the inputs with their own columns), one
 * statement for any number of batches, one level of transformations deep.
 */
@Component
public class Inputs {

    private final GraphReader graph;

    public Inputs(GraphReader graph) {
        this.graph = graph;
    }

    /** Per batch key, the batches it was made from, by key; a batch made from none has no entry. */
    public Mono<Map<String, List<BatchTrace>>> byBatchKeys(Collection<String> keys) {
        return graph.perKey(TraceStatements.TRACE_INPUT_BATCHES, keys, "madeInto", BatchTrace::from);
    }
}
