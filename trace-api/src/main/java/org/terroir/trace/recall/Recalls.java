package org.terroir.trace.recall;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.terroir.trace.neo4j.GraphReader;
import org.terroir.trace.neo4j.GraphWriter;
import reactor.core.publisher.Mono;

/** Recalls marked by regulators ({@code recall.mark}), and those that affect batches ({@code trace.recalls}). */
@Component
public class Recalls {

    private final GraphReader reader;
    private final GraphWriter writer;

    public Recalls(GraphReader reader, GraphWriter writer) {
        this.reader = reader;
        this.writer = writer;
    }

    /** Per batch key, the recalls of the batch and of every batch it was made from, oldest first; unaffected batches have no entry. */
    public Mono<Map<String, List<RecallNotice>>> byBatchKeys(Collection<String> keys) {
        return reader.perKey(RecallStatements.TRACE_RECALLS, keys, "batch", RecallNotice::from);
    }

    /**
     * Marks the batch of {@code key} recalled, recording who ({@code recalledBy}, {@code role}) and
     * now; empty when there is no such batch, and then nothing is written.
     */
    public Mono<RecallNotice> mark(String key, String reason, String recalledBy, String role) {
        Map<String, Object> parameters = Map.of("key", key, "id", UUID.randomUUID().toString(), "reason", reason,
                "recalledAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(), "recalledBy", recalledBy, "role", role);
        return writer.write(RecallStatements.RECALL_MARK, parameters).next().map(RecallNotice::from);
    }
}
