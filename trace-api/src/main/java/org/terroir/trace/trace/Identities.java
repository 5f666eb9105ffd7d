package org.terroir.trace.trace;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.terroir.trace.neo4j.GraphReader;
import reactor.core.publisher.Mono;

/**
 * The personal data of households ({@code personal.identities}). Callers check who may read it before
 * they ask: this class does not.
 */
@Component
public class Identities {

    private final GraphReader graph;

    public Identities(GraphReader graph) {
        this.graph = graph;
    }

    /** Per pseudonym, the household's personal data; a household without any has no entry. */
    public Mono<Map<String, HouseholdIdentity>> byPseudonyms(Collection<String> pseudonyms) {
        if (pseudonyms.isEmpty()) {
            return Mono.just(Map.of());
        }
        return graph.read(TraceStatements.PERSONAL_IDENTITIES, Map.of("pseudonyms", pseudonyms.stream().distinct().toList()))
                .collect(Collectors.toMap(row -> row.get("pseudonym").asString(), row -> new HouseholdIdentity(
                        row.get("pseudonym").asString(), row.get("name").asString(null), row.get("phone").asString(null),
                        Optional.ofNullable(row.get("idNumber").asString(null)))));
    }
}
