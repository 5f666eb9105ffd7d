package org.terroir.trace.trace;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
        if (keys.isEmpty()) {
            return Mono.just(Map.of());
        }
        return graph.read(TraceStatements.TRACE_CONTRIBUTIONS, Map.of("keys", keys.stream().distinct().toList()))
                .collect(Collectors.groupingBy(row -> row.get("batch").asString(), LinkedHashMap::new,
                        Collectors.mapping(ProducerContribution::from, Collectors.toList())));
    }
}
