package org.terroir.trace.trace;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
        if (keys.isEmpty()) {
            return Mono.just(Map.of());
        }
        return graph.read(statement, Map.of("keys", keys.stream().distinct().toList()))
                .collect(Collectors.groupingBy(row -> row.get(keyColumn).asString(), LinkedHashMap::new,
                        Collectors.mapping(Hop::from, Collectors.toList())));
    }
}
