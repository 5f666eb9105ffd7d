package org.terroir.trace.graphql;

import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.terroir.model.id.Lgtin;
import org.terroir.trace.provenance.BatchTrace;
import org.terroir.trace.provenance.Batches;
import reactor.core.publisher.Mono;

/** {@code Query.trace}: a batch by GTIN and lot. */
@Controller
class TraceQuery {

    private final Batches batches;

    TraceQuery(Batches batches) {
        this.batches = batches;
    }

    /** The batch, or empty (GraphQL {@code null}) when the graph holds none of that GTIN and lot. */
    @QueryMapping
    Mono<BatchTrace> trace(@Argument String gtin, @Argument String lot) {
        Lgtin batch = Arguments.batch(gtin, lot);
        return batches.byKeys(List.of(batch.key())).next();
    }
}
