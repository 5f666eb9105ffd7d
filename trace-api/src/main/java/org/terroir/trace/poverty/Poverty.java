package org.terroir.trace.poverty;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.terroir.trace.neo4j.GraphReader;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Poverty-alleviation figures ({@code poverty.figures}) and who owns which brands ({@code brands.owned}). */
@Component
public class Poverty {

    private final GraphReader graph;

    public Poverty(GraphReader graph) {
        this.graph = graph;
    }

    /** The figures of {@code brands} (null: every brand) for households living in {@code region} (null: anywhere). */
    public Flux<PovertyFigures> figures(List<String> brands, String region) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("brands", brands);
        parameters.put("region", region);
        return graph.read(PovertyStatements.POVERTY_FIGURES, parameters).map(PovertyFigures::from);
    }

    /** The ids of the brands the associations of {@code glns} own. */
    public Mono<List<String>> brandsOwnedBy(Collection<String> glns) {
        return graph.read(PovertyStatements.BRANDS_OWNED, Map.of("glns", List.copyOf(glns))).map(row -> row.get("brand").asString())
                .collectList();
    }
}
