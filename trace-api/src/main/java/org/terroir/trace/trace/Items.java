package org.terroir.trace.trace;

import java.util.Collection;
import org.springframework.stereotype.Component;
import org.terroir.trace.neo4j.GraphReader;
import reactor.core.publisher.Flux;

/** Which serialised items exist, and the batch each belongs to ({@code trace.items}). */
@Component
public class Items {

    private final GraphReader graph;

    public Items(GraphReader graph) {
        this.graph = graph;
    }

    /** The items of {@code keys} that exist, in the order of their keys; keys of no item are left out. */
    public Flux<ItemTrace> byKeys(Collection<String> keys) {
        return graph.forKeys(TraceStatements.TRACE_ITEMS, keys, ItemTrace::from);
    }
}
