package org.terroir.trace.capture;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A capture job as the REST binding shows it ({@code CaptureJob} of its OpenAPI): while
 * {@code running} the document is being captured; then {@code success} says whether all its events
 * were captured ({@code true}) or none ({@code false}, with {@code errors}: RFC 7807 problems naming
 * the event, line and field).
 *
 * @param captureID             the job's id, in its {@code Location} {@code /capture/{captureID}}
 * @param createdAt             when the document was received (ISO 8601)
 * @param finishedAt            when the job ended; null while it runs
 * @param captureErrorBehaviour {@code rollback}: all or nothing
 * @param events                how many events the document held, once known
 * @param subject               the token subject that handed the document in (not shown)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaptureJob(String captureID, String createdAt, String finishedAt, boolean running, boolean success,
                         String captureErrorBehaviour, Long events, List<Map<String, Object>> errors,
                         @JsonIgnore String subject) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public CaptureJob {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** The job a {@code job} column of {@link CaptureStatements} holds. */
    static CaptureJob from(Value job) {
        String errors = job.get("errors").isNull() ? null : job.get("errors").asString();
        return new CaptureJob(job.get("id").asString(), time(job.get("createdAt")),
                job.get("finishedAt").isNull() ? null : time(job.get("finishedAt")),
                job.get("running").asBoolean(), job.get("success").asBoolean(), job.get("errorBehaviour").asString(),
                job.get("events").isNull() ? null : job.get("events").asLong(),
                errors == null ? List.of() : JSON.readValue(errors, new TypeReference<List<Map<String, Object>>>() {}),
                job.get("subject").isNull() ? null : job.get("subject").asString());
    }

    /** A time as RFC 3339 wants it: in UTC, seconds always written. */
    private static String time(Value text) {
        return Instant.parse(text.asString()).toString();
    }

    /** The problems as the graph keeps them: a JSON array. */
    static String errorsJson(List<Map<String, Object>> errors) {
        return JSON.writeValueAsString(errors);
    }
}
