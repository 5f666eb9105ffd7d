package org.terroir.trace.recall;

import graphql.GraphQLContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import org.terroir.trace.access.Caller;
import org.terroir.trace.access.Role;
import org.terroir.trace.graphql.Arguments;
import org.terroir.trace.graphql.ForbiddenFieldException;
import org.terroir.trace.trace.BatchTrace;
import org.terroir.trace.trace.Batches;
import reactor.core.publisher.Mono;

/**
 * {@code Query.recall}: everything downstream of a batch. The downstreams of all the recalls of a
 * request are one statement (a data loader); the recalled batches and the batches reached are loaded
 * only when asked for, each one statement for all the recalls of the request.
 */
@Controller
class RecallQuery {

    private final Batches batches;

    RecallQuery(BatchLoaderRegistry registry, Downstreams downstreams, Batches batches) {
        this.batches = batches;
        registry.forTypePair(String.class, Downstream.class).registerMappedBatchLoader((keys, env) ->
                downstreams.byBatchKeys(keys).collectMap(Downstream::batch, Function.identity()));
    }

    /** The downstream of the batch, or {@code null} when the graph holds no such batch. */
    @QueryMapping
    CompletableFuture<Downstream> recall(@Argument String gtin, @Argument String lot, DataLoader<String, Downstream> downstreams) {
        return downstreams.load(Arguments.batch(gtin, lot).key());
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

    /** The serials reached, for anyone but the public: see the schema. */
    @SchemaMapping(typeName = "DownstreamItems", field = "nodes")
    List<Downstream.Item> reachedItems(Downstream.Reached<Downstream.Item> items, GraphQLContext context) {
        if (Caller.of(context).role() == Role.PUBLIC) {
            throw new ForbiddenFieldException("DownstreamItems.nodes: a lot's serials are listed to regulators, associations"
                    + " and carriers, not in the public view (totalCount is public)");
        }
        return items.nodes();
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
