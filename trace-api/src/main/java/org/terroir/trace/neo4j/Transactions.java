package org.terroir.trace.neo4j;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.reactivestreams.ReactiveSession;
import org.neo4j.driver.reactivestreams.ReactiveTransactionCallback;
import org.neo4j.driver.reactivestreams.ReactiveTransactionContext;
import org.terroir.model.cypher.Statement;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One named statement in one managed transaction of a reactive session, read or write, in the
 * {@link Bulkhead permit} of the request it serves: the session opened for it and closed after; the rows collected inside the transaction, so that one
 * the driver retries cannot emit a row twice, and emitted only once it has committed.
 */
final class Transactions {

    private final Driver driver;
    private final SessionConfig session;
    private final TransactionConfig transaction;
    private final AccessMode mode;
    private final Bulkhead bulkhead;

    Transactions(Driver driver, AccessMode mode, Duration timeout, Bulkhead bulkhead) {
        this.driver = driver;
        this.mode = mode;
        this.bulkhead = bulkhead;
        this.session = SessionConfig.builder().withDefaultAccessMode(mode).build();
        // Neo4j counts whole milliseconds; a timeout shorter than one would mean none.
        this.transaction = TransactionConfig.builder()
                .withTimeout(timeout.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : timeout).build();
    }

    Flux<org.neo4j.driver.Record> run(Statement statement, Map<String, Object> parameters) {
        if (!statement.parameters().equals(parameters.keySet())) {
            throw new IllegalArgumentException("statement " + statement.name() + " reads the parameters "
                    + statement.parameters() + ", got " + new TreeSet<>(parameters.keySet()));
        }
        ReactiveTransactionCallback<Mono<List<org.neo4j.driver.Record>>> work = (ReactiveTransactionContext tx) ->
                Mono.from(tx.run(statement.cypher(), parameters)).flatMap(result -> Flux.from(result.records()).collectList());
        return bulkhead.run(Flux.usingWhen(
                Mono.fromSupplier(() -> driver.session(ReactiveSession.class, session)),
                // single(), not Mono.from: Mono.from cancels the transaction's publisher at its first item,
                // before the commit (a write would be rolled back); single() waits for the commit.
                opened -> Flux.<List<org.neo4j.driver.Record>>from(mode == AccessMode.READ
                                ? opened.executeRead(work, transaction) : opened.executeWrite(work, transaction))
                        .single()
                        .flatMapIterable(rows -> rows),
                opened -> Mono.<Void>from(opened.close())), mode == AccessMode.READ);
    }
}
