package org.terroir.trace.trace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The fields of {@code ItemTrace} read from the graph: its batch and its journey, each a batch
 * mapping that answers all the items of a request with one statement.
 */
@Controller
record ItemTraceFields(Batches batches, Journeys journeys) {

    /** Each item's batch; an item without a recorded batch (or whose batch is missing) is left out, i.e. {@code null}. */
    @BatchMapping(typeName = "ItemTrace")
    Mono<Map<ItemTrace, BatchTrace>> batch(List<ItemTrace> items) {
        List<String> keys = items.stream().map(ItemTrace::batchKey).filter(Objects::nonNull).distinct().toList();
        return batches.byKeys(keys).collectMap(BatchTrace::key, Function.identity()).map(byKey -> {
            Map<ItemTrace, BatchTrace> result = new LinkedHashMap<>();
            for (ItemTrace item : items) {
                BatchTrace batch = item.batchKey() == null ? null : byKey.get(item.batchKey());
                if (batch != null) {
                    result.put(item, batch);
                }
            }
            return result;
        });
    }

    /** Each item's hops, an empty list for an item that never moved on its own or in a container. */
    @BatchMapping(typeName = "ItemTrace")
    Mono<Map<ItemTrace, List<Hop>>> journey(List<ItemTrace> items) {
        return journeys.byItemKeys(items.stream().map(ItemTrace::key).distinct().toList()).map(byKey -> {
            Map<ItemTrace, List<Hop>> result = new LinkedHashMap<>();
            for (ItemTrace item : items) {
                result.put(item, byKey.getOrDefault(item.key(), List.of()));
            }
            return result;
        });
    }
}
