package org.terroir.trace.recall;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;
import org.terroir.trace.trace.BatchTrace;
import reactor.core.publisher.Mono;

/**
 * {@code BatchTrace.recall}: whether a traced batch is under recall, and by which notices. A batch
 * mapping: the batches of one depth of a request are answered by one statement.
 */
@Controller
class RecallStatusField {

    private final Recalls recalls;

    RecallStatusField(Recalls recalls) {
        this.recalls = recalls;
    }

    @BatchMapping(typeName = "BatchTrace")
    Mono<Map<BatchTrace, RecallStatus>> recall(List<BatchTrace> batches) {
        return recalls.byBatchKeys(batches.stream().map(BatchTrace::key).distinct().toList()).map(byKey -> {
            Map<BatchTrace, RecallStatus> result = new LinkedHashMap<>();
            for (BatchTrace batch : batches) {
                List<RecallNotice> notices = byKey.get(batch.key());
                result.put(batch, notices == null ? RecallStatus.NONE : new RecallStatus(notices));
            }
            return result;
        });
    }
}
