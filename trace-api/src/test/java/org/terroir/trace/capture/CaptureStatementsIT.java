package org.terroir.trace.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.terroir.testsupport.StatementExamples.count;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.terroir.trace.FeatureStatementExamples;

/** The examples of {@link CaptureStatements}, run against a real Neo4j. */
class CaptureStatementsIT extends FeatureStatementExamples {

    private static final String JOBS = """
            CREATE (:CaptureJob {id: 'a', createdAt: datetime('2026-12-07T08:00:00Z'), running: false, success: true,
                                 errorBehaviour: 'rollback', format: 'jsonld', role: 'regulator', subject: 'inspector',
                                 parties: [], events: 3, finishedAt: datetime('2026-12-07T08:00:02Z')})
            CREATE (:CaptureJob {id: 'b', createdAt: datetime('2026-12-07T09:00:00Z'), running: true, success: true,
                                 errorBehaviour: 'rollback', format: 'xml', role: 'regulator', subject: 'other', parties: []})
            CREATE (:CaptureJob {id: 'c', createdAt: datetime('2026-12-07T09:00:00Z'), running: false, success: false,
                                 errorBehaviour: 'rollback', format: 'jsonld', role: 'regulator', subject: 'inspector',
                                 parties: [], errors: '[{"type":"epcisException:ValidationException"}]'})
            """;

    CaptureStatementsIT() {
        super(CaptureStatements.class);
        example(CaptureStatements.CAPTURE_CREATE, Map.of("id", "j-1", "createdAt", "2026-12-07T10:15:30.123456789Z",
                "errorBehaviour", "rollback", "format", "jsonld", "role", "regulator", "subject", "inspector",
                "parties", List.of()), (rows, tx) -> {
                    assertThat(rows).singleElement().satisfies(row -> assertThat(row.get("id").asString()).isEqualTo("j-1"));
                    assertThat(count(tx, "MATCH (j:CaptureJob {id: 'j-1', running: true, success: true}) "
                            + "WHERE toString(j.createdAt) = '2026-12-07T10:15:30.123456789Z' RETURN count(j)")).isEqualTo(1);
                });
        Map<String, Object> finish = new HashMap<>(Map.of("id", "b", "success", false, "events", 2L));
        finish.put("errors", "[]");
        example(CaptureStatements.CAPTURE_FINISH, JOBS, finish, (rows, tx) -> {
            assertThat(rows).hasSize(1);
            assertThat(count(tx, "MATCH (j:CaptureJob {id: 'b', running: false, success: false, events: 2}) "
                    + "WHERE j.finishedAt IS NOT NULL RETURN count(j)")).isEqualTo(1);
        });
        example(CaptureStatements.CAPTURE_JOB, JOBS, Map.of("id", "a"), (rows, tx) -> assertThat(rows).singleElement()
                .satisfies(row -> {
                    CaptureJob job = CaptureJob.from(row.get("job"));
                    assertThat(job).isEqualTo(new CaptureJob("a", "2026-12-07T08:00:00Z", "2026-12-07T08:00:02Z", false, true,
                            "rollback", 3L, List.of(), "inspector"));
                }));
        Map<String, Object> page = new HashMap<>(Map.of("subject", "inspector", "limit", 10));
        page.put("beforeAt", null);
        page.put("beforeId", null);
        example(CaptureStatements.CAPTURE_JOBS, JOBS, page, (rows, tx) -> {
            assertThat(rows).extracting(row -> CaptureJob.from(row.get("job")).captureID()).as("newest first, its own")
                    .containsExactly("c", "a");
            assertThat(CaptureJob.from(rows.getFirst().get("job")).errors())
                    .containsExactly(Map.of("type", "epcisException:ValidationException"));
            Map<String, Object> next = new HashMap<>(Map.of("limit", 10, "beforeAt", "2026-12-07T09:00Z", "beforeId", "c"));
            next.put("subject", null);
            assertThat(tx.run(CaptureStatements.CAPTURE_JOBS.cypher(), next).list())
                    .extracting(row -> row.get("job").get("id").asString()).as("everyone's, after c").containsExactly("b", "a");
        });
        example(CaptureStatements.CAPTURE_EVENTS, JOBS + """
                WITH 1 AS one MATCH (a:CaptureJob {id: 'a'})
                CREATE (:Event {eventId: 'urn:uuid:e2'})-[:CAPTURED_IN]->(a), (:Event {eventId: 'urn:uuid:e1'})-[:CAPTURED_IN]->(a)
                CREATE (:Event {eventId: 'urn:uuid:e3'})""", Map.of("id", "a"), (rows, tx) -> assertThat(rows)
                .extracting(row -> row.get("eventId").asString()).containsExactly("urn:uuid:e1", "urn:uuid:e2"));
        example(CaptureStatements.CAPTURE_RUNNING, JOBS, Map.of(), (rows, tx) -> assertThat(rows)
                .extracting(row -> row.get("id").asString() + " " + row.get("format").asString() + " " + row.get("createdAt").asString()
                        + " " + row.get("role").asString() + " " + row.get("parties").asList())
                .containsExactly("b xml 2026-12-07T09:00:00Z regulator []"));
    }
}
