package org.terroir.trace.trace;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import org.terroir.model.id.EpcIdentifier;
import org.terroir.model.id.Lgtin;
import org.terroir.model.id.Sgtin;
import org.terroir.trace.graphql.Arguments;

/**
 * The trace queries: {@code Query.trace} (a batch by GTIN and lot), {@code Query.traceItem} (an
 * item by GTIN and serial) and {@code Query.traceLink} (either, by the GS1 Digital Link on a label).
 * They load through data loaders, so that the batches (the items) of all the trace fields of one
 * request are read by one statement, and reached together: the fields they select are then loaded
 * once for all of them, not once for those that happened to be read first.
 */
@Controller
class TraceQuery {

    TraceQuery(BatchLoaderRegistry registry, Batches batches, Items items) {
        registry.forTypePair(String.class, BatchTrace.class).registerMappedBatchLoader((keys, env) ->
                batches.byKeys(keys).collectMap(BatchTrace::key, Function.identity()));
        registry.forTypePair(String.class, ItemTrace.class).registerMappedBatchLoader((keys, env) ->
                items.byKeys(keys).collectMap(ItemTrace::key, Function.identity()));
    }

    /** The batch, or {@code null} when the graph holds none of that GTIN and lot. */
    @QueryMapping
    CompletableFuture<BatchTrace> trace(@Argument String gtin, @Argument String lot, DataLoader<String, BatchTrace> batches) {
        return batches.load(Arguments.batch(gtin, lot).key());
    }

    /** The item, or {@code null} when the graph holds none of that GTIN and serial. */
    @QueryMapping
    CompletableFuture<ItemTrace> traceItem(@Argument String gtin, @Argument String serial, DataLoader<String, ItemTrace> items) {
        return items.load(Arguments.item(gtin, serial).key());
    }

    /** The batch ({@link BatchTrace}) or item ({@link ItemTrace}) of a Digital Link, or {@code null} when the graph holds none. */
    @QueryMapping
    CompletableFuture<?> traceLink(@Argument String uri, DataLoader<String, BatchTrace> batches,
                                   DataLoader<String, ItemTrace> items) {
        EpcIdentifier id = Arguments.link(uri);
        return switch (id) {
            case Lgtin batch -> batches.load(batch.key());
            case Sgtin item -> items.load(item.key());
            default -> throw new IllegalStateException("Arguments.link gave " + id);
        };
    }
}
