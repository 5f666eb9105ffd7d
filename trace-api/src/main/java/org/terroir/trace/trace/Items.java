package org.terroir.trace.trace;

import java.util.Collection;
import java.util.List;
import java.util.Map;
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
        if (keys.isEmpty()) {
            return Flux.empty();
        }
        List<String> distinct = keys.stream().distinct().toList();
        return graph.read(TraceStatements.TRACE_ITEMS, Map.of("keys", distinct)).map(ItemTrace::from);
    }
}
