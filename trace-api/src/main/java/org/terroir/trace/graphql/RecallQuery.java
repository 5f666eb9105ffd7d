package org.terroir.trace.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.terroir.model.id.Lgtin;
import org.terroir.trace.provenance.BatchTrace;
import org.terroir.trace.provenance.Batches;
import org.terroir.trace.provenance.Downstream;
import org.terroir.trace.provenance.Downstreams;
import reactor.core.publisher.Mono;

/**
 * {@code Query.recall}: everything downstream of a batch. The downstream is one statement; the
 * recalled batch and the batches reached are loaded only when asked for, each one statement for
 * all the recalls of a request.
 */
@Controller
class RecallQuery {

    private final Downstreams downstreams;
    private final Batches batches;

    RecallQuery(Downstreams downstreams, Batches batches) {
        this.downstreams = downstreams;
        this.batches = batches;
    }

    /** The downstream of the batch, or empty (GraphQL {@code null}) when the graph holds no such batch. */
    @QueryMapping
    Mono<Downstream> recall(@Argument String gtin, @Argument String lot) {
        Lgtin batch = Arguments.batch(gtin, lot);
        return downstreams.byBatchKeys(List.of(batch.key())).next();
    }

    @BatchMapping(typeName = "Downstream", field = "batch")
    Mono<Map<Downstream, BatchTrace>> recalledBatch(List<Downstream> recalls) {
        return batches.byKeys(recalls.stream().map(Downstream::batch).toList())
                .collectMap(BatchTrace::key, Function.identity())
                .map(byKey -> {
                    Map<Downstream, BatchTrace> result = new LinkedHashMap<>();
                    recalls.forEach(r -> result.put(r, byKey.get(r.batch())));
                    return result;
                });
    }

    @BatchMapping(typeName = "DownstreamBatches", field = "nodes")
    Mono<Map<Downstream.Reached<String>, List<BatchTrace>>> reachedBatches(List<Downstream.Reached<String>> reached) {
        return batches.byKeys(reached.stream().flatMap(r -> r.nodes().stream()).toList())
                .collectMap(BatchTrace::key, Function.identity())
                .map(byKey -> {
                    Map<Downstream.Reached<String>, List<BatchTrace>> result = new LinkedHashMap<>();
                    reached.forEach(r -> result.put(r, r.nodes().stream().map(byKey::get)
                            .filter(java.util.Objects::nonNull).toList()));
                    return result;
                });
    }
}
