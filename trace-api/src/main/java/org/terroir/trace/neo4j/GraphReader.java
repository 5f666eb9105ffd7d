package org.terroir.trace.neo4j;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.terroir.model.cypher.Statement;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs the features' statements in read transactions of the
 * driver's reactive sessions, so that nothing blocks a thread while Neo4j answers and a cluster may
 * route the reads to its secondaries. Each call opens a session and closes it when its rows are
 * read. The rows of a transaction are collected before they are emitted, so that a transaction the
 * driver retries cannot emit a row twice. Each transaction carries a timeout
 * ({@code terroir.graphql.timeout}), so that Neo4j itself stops a statement that outlives the request
 * it serves, even when the request's cancellation does not reach it. A request's statements run in
 * its {@link Bulkhead permit}: at most so many requests read at once, the others wait in line.
 */
@Component
public class GraphReader {

    private final Transactions transactions;

    /** A reader whose transactions time out after 10 seconds, with as many at once as callers make. */
    public GraphReader(Driver driver) {
        this(driver, new RequestTimeout(Duration.ofSeconds(10)), Bulkhead.unlimited());
    }

    @Autowired
    public GraphReader(Driver driver, RequestTimeout timeout, Bulkhead bulkhead) {
        this.transactions = new Transactions(Objects.requireNonNull(driver, "driver"), AccessMode.READ, timeout.timeout(),
                Objects.requireNonNull(bulkhead, "bulkhead"));
    }

    /**
     * The rows {@code statement} answers for {@code parameters}, which must name exactly the
     * statement's parameters.
     */
    public Flux<org.neo4j.driver.Record> read(Statement statement, Map<String, Object> parameters) {
        return transactions.run(statement, parameters);
    }

    /**
     * The rows {@code statement} answers for the distinct {@code keys} (its one parameter,
     * {@code $keys}), each made a {@code T}; nothing is read when there are no keys.
     */
    public <T> Flux<T> forKeys(Statement statement, Collection<String> keys, Function<org.neo4j.driver.Record, T> row) {
        if (keys.isEmpty()) {
            return Flux.empty();
        }
        return read(statement, Map.of("keys", keys.stream().distinct().toList())).map(row);
    }

    /**
     * {@link #forKeys} grouped by the key in column {@code keyColumn}, in the order of the rows; a
     * key without rows has no entry.
     */
    public <T> Mono<Map<String, List<T>>> perKey(Statement statement, Collection<String> keys, String keyColumn,
            Function<org.neo4j.driver.Record, T> row) {
        return forKeys(statement, keys, Function.identity())
                .collect(Collectors.groupingBy(record -> record.get(keyColumn).asString(), LinkedHashMap::new,
                        Collectors.mapping(row, Collectors.toList())));
    }
}
