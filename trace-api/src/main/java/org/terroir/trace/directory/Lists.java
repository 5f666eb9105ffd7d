package org.terroir.trace.directory;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;
import org.terroir.model.cypher.Statement;
import org.terroir.trace.graphql.Page;
import org.terroir.trace.neo4j.GraphReader;
import org.terroir.trace.trace.BatchTrace;
import org.terroir.trace.trace.Batches;
import org.terroir.trace.trace.Brand;
import org.terroir.trace.trace.Location;
import org.terroir.trace.trace.Party;
import org.terroir.trace.trace.Producer;
import org.terroir.trace.trace.Region;
import reactor.core.publisher.Mono;

/**
 * The lists of the API, a keyset page at a time ({@code list.*}, one statement a page, one more
 * for the batches' traces) with the count of the whole list ({@code count.*}) only when asked.
 */
@Component
public class Lists {

    private final GraphReader graph;
    private final Batches batches;

    public Lists(GraphReader graph, Batches batches) {
        this.graph = graph;
        this.batches = batches;
    }

    /** A filter: statement parameters, null for "any". */
    public static Map<String, Object> filter(Object... namesAndValues) {
        Map<String, Object> filter = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            filter.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return filter;
    }

    public Mono<Page<Brand>> brands(int first, Optional<String> after, Map<String, Object> filter) {
        return page(ListStatements.LIST_BRANDS, ListStatements.COUNT_BRANDS, filter, first, after, Brand::from, Brand::id);
    }

    /** Parties of one kind label ({@code filter.kind}: {@code Association}, {@code Cooperative}, …). */
    public Mono<Page<Party>> parties(int first, Optional<String> after, Map<String, Object> filter) {
        return page(ListStatements.LIST_PARTIES, ListStatements.COUNT_PARTIES, filter, first, after, Party::from, Party::gln);
    }

    /** Producer households by pseudonym (filters {@code brand}, {@code region}, {@code cooperative}). */
    public Mono<Page<Producer>> producers(int first, Optional<String> after, Map<String, Object> filter) {
        return page(ListStatements.LIST_PRODUCERS, ListStatements.COUNT_PRODUCERS, filter, first, after, Producer::from, Producer::pseudonym);
    }

    public Mono<Page<Region>> regions(int first, Optional<String> after, Map<String, Object> filter) {
        return page(ListStatements.LIST_REGIONS, ListStatements.COUNT_REGIONS, filter, first, after, Region::from, Region::code);
    }

    public Mono<Page<Location>> locations(int first, Optional<String> after, Map<String, Object> filter) {
        return page(ListStatements.LIST_LOCATIONS, ListStatements.COUNT_LOCATIONS, filter, first, after, Location::from, Location::key);
    }

    /** Batches by key, each with its trace (read by {@code trace.batches} for the page at once). */
    public Mono<Page<BatchTrace>> batches(int first, Optional<String> after, Map<String, Object> filter) {
        return page(ListStatements.LIST_BATCHES, ListStatements.COUNT_BATCHES, filter, first, after, Value::asString, Function.identity())
                .flatMap(keys -> batches.byKeys(keys.getNodes()).collectMap(BatchTrace::key).map(byKey -> keys.map(byKey::get)));
    }

    private <T> Mono<Page<T>> page(Statement list, Statement count, Map<String, Object> filter, int first, Optional<String> after,
                                   Function<Value, T> node, Function<T, String> key) {
        Map<String, Object> parameters = new HashMap<>(filter);
        parameters.put("after", after.orElse(""));
        parameters.put("limit", first + 1);
        return graph.read(list, parameters).map(row -> node.apply(row.get("node"))).collectList().map(rows -> Page.firstOf(rows, first,
                key, after.isPresent(), () -> graph.read(count, filter).next().map(row -> row.get("count").asLong())));
    }
}
