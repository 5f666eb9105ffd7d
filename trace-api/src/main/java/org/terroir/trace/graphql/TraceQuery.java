package org.terroir.trace.graphql;

import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.terroir.model.id.EpcIdentifier;
import org.terroir.model.id.Lgtin;
import org.terroir.model.id.Sgtin;
import org.terroir.trace.provenance.BatchTrace;
import org.terroir.trace.provenance.Batches;
import org.terroir.trace.provenance.ItemTrace;
import org.terroir.trace.provenance.Items;
import reactor.core.publisher.Mono;

/**
 * The trace queries: {@code Query.trace} (a batch by GTIN and lot), {@code Query.traceItem} (an
 * item by GTIN and serial) and {@code Query.traceLink} (either, by the GS1 Digital Link on a label).
 */
@Controller
class TraceQuery {

    private final Batches batches;
    private final Items items;

    TraceQuery(Batches batches, Items items) {
        this.batches = batches;
        this.items = items;
    }

    /** The batch, or empty (GraphQL {@code null}) when the graph holds none of that GTIN and lot. */
    @QueryMapping
    Mono<BatchTrace> trace(@Argument String gtin, @Argument String lot) {
        return batch(Arguments.batch(gtin, lot));
    }

    /** The item, or empty when the graph holds none of that GTIN and serial. */
    @QueryMapping
    Mono<ItemTrace> traceItem(@Argument String gtin, @Argument String serial) {
        return item(Arguments.item(gtin, serial));
    }

    /** The batch ({@link BatchTrace}) or item ({@link ItemTrace}) of a Digital Link, or empty when the graph holds none. */
    @QueryMapping
    Mono<?> traceLink(@Argument String uri) {
        EpcIdentifier id = Arguments.link(uri);
        return switch (id) {
            case Lgtin batch -> batch(batch);
            case Sgtin item -> item(item);
            default -> throw new IllegalStateException("Arguments.link gave " + id);
        };
    }

    private Mono<BatchTrace> batch(Lgtin batch) {
        return batches.byKeys(List.of(batch.key())).next();
    }

    private Mono<ItemTrace> item(Sgtin item) {
        return items.byKeys(List.of(item.key())).next();
    }
}
