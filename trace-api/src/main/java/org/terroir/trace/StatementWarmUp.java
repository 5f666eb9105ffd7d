package org.terroir.trace;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.terroir.model.cypher.Statement;
import org.terroir.trace.neo4j.GraphReader;
import org.terroir.trace.neo4j.RequestTimeout;
import org.terroir.trace.poverty.PovertyStatements;
import org.terroir.trace.recall.RecallStatements;
import org.terroir.trace.scans.ScanStatements;
import org.terroir.trace.trace.TraceStatements;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Has Neo4j plan the statements of the busiest requests — a {@code trace}, a {@code recall}, an item
 * trace and a scan page — while the server starts, before it says it is ready. Planned cold, they
 * took the first trace after a start 4–9 s (up to the request timeout on a slow machine); planned
 * here, the first consumer to scan waits no longer than the next one. Each statement runs once in
 * a read transaction, with parameters of the types the requests pass and values that match
 * nothing, so that the plans Neo4j caches are the ones the requests look up; they find nothing and
 * write nothing. When a statement fails or outlives the request timeout ({@code terroir.graphql.timeout}),
 * typically because the graph is not reachable yet, the rest are not tried: that is logged and the
 * server starts all the same (the first requests plan them, or say what is wrong). Off with
 * {@code terroir.warm-up=false}.
 */
@Component
class StatementWarmUp implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(StatementWarmUp.class);

    /** A value no key, GTIN, pseudonym or GLN in the graph has. */
    private static final String NOTHING = "";

    /** The statements, each with the parameters it is run with (a scan page's link may name no lot, no serial). */
    private static final List<Run> RUNS = List.of(
            keys(TraceStatements.TRACE_BATCHES),
            keys(TraceStatements.TRACE_INPUT_BATCHES),
            keys(TraceStatements.TRACE_CONTRIBUTIONS),
            keys(TraceStatements.TRACE_JOURNEYS),
            keys(RecallStatements.TRACE_RECALLS),
            keys(RecallStatements.TRACE_DOWNSTREAM),
            keys(TraceStatements.TRACE_ITEMS),
            keys(TraceStatements.TRACE_ITEM_JOURNEYS),
            new Run(TraceStatements.PERSONAL_IDENTITIES, Map.of("pseudonyms", List.of(NOTHING))),
            new Run(PovertyStatements.BRANDS_OWNED, Map.of("glns", List.of(NOTHING))),
            link(NOTHING, NOTHING),
            link(NOTHING, null),
            link(null, NOTHING),
            link(null, null));

    private record Run(Statement statement, Map<String, Object> parameters) {
    }

    private final GraphReader reader;
    private final boolean enabled;
    private final Duration timeout;

    @Autowired
    StatementWarmUp(GraphReader reader, WarmUpSettings settings, RequestTimeout timeout) {
        this(reader, settings.warmUp(), timeout);
    }

    StatementWarmUp(GraphReader reader, boolean enabled, RequestTimeout timeout) {
        this.reader = reader;
        this.enabled = enabled;
        this.timeout = timeout.timeout();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        long start = System.nanoTime();
        AtomicReference<String> failed = new AtomicReference<>();
        try {
            // One after another: two at once on two cores made the start no shorter (bench/first-trace).
            Flux.fromIterable(RUNS)
                    .concatMap(run -> Mono.defer(() -> reader.read(run.statement(), run.parameters()).then())
                            .timeout(timeout, Mono.error(() -> new TimeoutException(
                                    "no answer within " + timeout.toMillis() + " ms (terroir.graphql.timeout)")))
                            .doOnError(e -> failed.set(run.statement().name())))
                    .then()
                    .block();
            LOG.info("planned the {} statements of traces, recalls and scan pages in {} ms", RUNS.size(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            // Most likely the graph is not there (yet): the first requests plan them, or say what is wrong.
            LOG.warn("stopped planning the statements of traces, recalls and scan pages at start: {} failed ({})",
                    failed.get(), Exceptions.unwrap(e).getMessage());
        }
    }

    private static Run keys(Statement statement) {
        return new Run(statement, Map.of("keys", List.of(NOTHING)));
    }

    private static Run link(String batch, String item) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("gtin", NOTHING);
        parameters.put("batch", batch);
        parameters.put("item", item);
        return new Run(ScanStatements.RESOLVE_LINK, parameters);
    }
}
