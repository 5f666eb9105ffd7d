package org.terroir.trace.trace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The list fields of {@code BatchTrace}. Each is a batch mapping: all the batches of one depth of
 * a request are answered together, by one or two statements, however many there are.
 */
@Controller
class BatchTraceFields {

    private final Contributions contributions;
    private final Inputs inputs;
    private final Journeys journeys;

    BatchTraceFields(Contributions contributions, Inputs inputs, Journeys journeys) {
        this.contributions = contributions;
        this.inputs = inputs;
        this.journeys = journeys;
    }

    @BatchMapping(typeName = "BatchTrace")
    Mono<Map<BatchTrace, List<ProducerContribution>>> producers(List<BatchTrace> batches) {
        return contributions.byBatchKeys(keys(batches)).map(byKey -> perBatch(batches, byKey));
    }

    @BatchMapping(typeName = "BatchTrace")
    Mono<Map<BatchTrace, List<BatchTrace>>> inputs(List<BatchTrace> batches) {
        return inputs.byBatchKeys(keys(batches)).map(byKey -> perBatch(batches, byKey));
    }

    @BatchMapping(typeName = "BatchTrace")
    Mono<Map<BatchTrace, List<Hop>>> journey(List<BatchTrace> batches) {
        return journeys.byBatchKeys(keys(batches)).map(byKey -> perBatch(batches, byKey));
    }

    private static List<String> keys(List<BatchTrace> batches) {
        return batches.stream().map(BatchTrace::key).distinct().toList();
    }

    /** Every batch with its values, an empty list for a batch that has none (the fields are non-null lists). */
    private static <V> Map<BatchTrace, List<V>> perBatch(List<BatchTrace> batches, Map<String, List<V>> byKey) {
        Map<BatchTrace, List<V>> result = new LinkedHashMap<>();
        for (BatchTrace batch : batches) {
            result.put(batch, byKey.getOrDefault(batch.key(), List.of()));
        }
        return result;
    }
}
