package org.terroir.trace.graph;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.reactivestreams.ReactiveSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.terroir.model.cypher.Statement;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs statements of the {@link org.terroir.model.cypher.Catalogue} in read transactions of the
 * driver's reactive sessions, so that nothing blocks a thread while Neo4j answers and a cluster may
 * route the reads to its secondaries. Each call opens a session and closes it when its rows are
 * read. The rows of a transaction are collected before they are emitted, so that a transaction the
 * driver retries cannot emit a row twice. Each transaction carries a timeout
 * ({@code terroir.graphql.timeout}), so that Neo4j itself stops a statement that outlives the request
 * it serves, even when the request's cancellation does not reach it.
 */
@Component
public class GraphReader {

    private static final SessionConfig READ = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build();

    private final Driver driver;
    private final TransactionConfig transactions;

    /** A reader whose transactions time out after 10 seconds. */
    public GraphReader(Driver driver) {
        this(driver, Duration.ofSeconds(10));
    }

    @Autowired
    public GraphReader(Driver driver, @Value("${terroir.graphql.timeout:10s}") Duration timeout) {
        this.driver = Objects.requireNonNull(driver, "driver");
        // Neo4j counts whole milliseconds; a timeout shorter than one would mean none.
        this.transactions = TransactionConfig.builder().withTimeout(timeout.compareTo(Duration.ofMillis(1)) < 0
                ? Duration.ofMillis(1) : timeout).build();
    }

    /**
     * The rows {@code statement} answers for {@code parameters}, which must name exactly the
     * statement's parameters.
     */
    public Flux<org.neo4j.driver.Record> read(Statement statement, Map<String, Object> parameters) {
        if (!statement.parameters().equals(parameters.keySet())) {
            throw new IllegalArgumentException("statement " + statement.name() + " reads the parameters "
                    + statement.parameters() + ", got " + new java.util.TreeSet<>(parameters.keySet()));
        }
        return Flux.usingWhen(
                Mono.fromSupplier(() -> driver.session(ReactiveSession.class, READ)),
                session -> Mono.<List<org.neo4j.driver.Record>>from(session.executeRead(tx ->
                                Mono.from(tx.run(statement.cypher(), parameters))
                                        .flatMap(result -> Flux.from(result.records()).collectList()), transactions))
                        .flatMapIterable(rows -> rows),
                session -> Mono.<Void>from(session.close()));
    }
}
