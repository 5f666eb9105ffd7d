package org.terroir.trace.trace;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.terroir.model.cypher.Statement;
import org.terroir.trace.neo4j.GraphReader;
import reactor.core.publisher.Mono;

/**
 * Where batches travelled ({@code trace.journeys}): the hops that moved each batch, its items or
 * the containers they were packed in, in time order; and where serialised items travelled
 * ({@code trace.itemJourneys}): the hops that moved each item or a container it was packed in.
 */
@Component
public class Journeys {

    private final GraphReader graph;

    public Journeys(GraphReader graph) {
        this.graph = graph;
    }

    /** Per batch key, its hops in time order; a batch that never moved has no entry. */
    public Mono<Map<String, List<Hop>>> byBatchKeys(Collection<String> keys) {
        return read(TraceStatements.TRACE_JOURNEYS, "batch", keys);
    }

    /** Per item key, its hops in time order; an item that never moved has no entry. */
    public Mono<Map<String, List<Hop>>> byItemKeys(Collection<String> keys) {
        return read(TraceStatements.TRACE_ITEM_JOURNEYS, "item", keys);
    }

    private Mono<Map<String, List<Hop>>> read(Statement statement, String keyColumn, Collection<String> keys) {
        return graph.perKey(statement, keys, keyColumn, Hop::from);
    }
}
