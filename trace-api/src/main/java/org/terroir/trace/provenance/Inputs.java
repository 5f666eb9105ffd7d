package org.terroir.trace.provenance;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.terroir.model.cypher.Catalogue;
import org.terroir.trace.graph.GraphReader;
import reactor.core.publisher.Mono;

/**
 * What batches were made from ({@code trace.inputs}, then {@code trace.batches} for the inputs):
 * two statements for any number of batches, one level of transformations deep.
 */
@Component
public class Inputs {

    private final GraphReader graph;
    private final Batches batches;

    public Inputs(GraphReader graph, Batches batches) {
        this.graph = graph;
        this.batches = batches;
    }

    private record Pair(String batch, String input) {}

    /** Per batch key, the batches it was made from; a batch made from none has no entry. */
    public Mono<Map<String, List<BatchTrace>>> byBatchKeys(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Mono.just(Map.of());
        }
        return graph.read(Catalogue.TRACE_INPUTS, Map.of("keys", keys.stream().distinct().toList()))
                .map(row -> new Pair(row.get("batch").asString(), row.get("input").asString()))
                .collectList()
                .flatMap(pairs -> batches.byKeys(pairs.stream().map(Pair::input).toList())
                        .collectMap(BatchTrace::key, Function.identity())
                        .map(inputs -> pairs.stream()
                                .filter(pair -> inputs.containsKey(pair.input()))
                                .collect(Collectors.groupingBy(Pair::batch, LinkedHashMap::new,
                                        Collectors.mapping(pair -> Objects.requireNonNull(inputs.get(pair.input())),
                                                Collectors.toList())))));
    }
}
