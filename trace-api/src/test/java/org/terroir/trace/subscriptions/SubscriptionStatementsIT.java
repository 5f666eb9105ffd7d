package org.terroir.trace.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.terroir.testsupport.StatementExamples.count;
import static org.terroir.testsupport.StatementExamples.row;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.terroir.trace.FeatureStatementExamples;

/**
 * The examples of {@link SubscriptionStatements}, run against a real Neo4j holding the small Liancheng
 * graph and the subscriptions, capture jobs and reports below.
 */
class SubscriptionStatementsIT extends FeatureStatementExamples {

    private static final String OWNER = "enterprise u-1 9520011000024";
    private static final String OTHER = "station u-2 9520001000034";
    private static final String LOT_L1 = "{\"MATCH_anyEPCClass\":[\"urn:epc:class:lgtin:9520001.000001.L1\"]}";

    /**
     * Two named queries of two owners; on lot-l1 the stream s-stream and s-daily, due at 06:00; on hub the
     * stream s-hub and s-late, due at 05:00. Capture jobs in the order they ended: j1 (created before
     * s-stream began), j3 (failed), j2, j5; j4 is running. Reports owed: d1 and d3 (s-stream's, d3 due
     * tomorrow), d2 (s-hub's, failed twice, the longest waiting).
     */
    private static final String SUBSCRIPTIONS = """
            CREATE (lot:NamedQuery {queryName: 'lot-l1', query: '{"MATCH_anyEPCClass":["urn:epc:class:lgtin:9520001.000001.L1"]}',
                                    createdAt: datetime('2026-12-07T06:00:00Z'), owner: 'enterprise u-1 9520011000024',
                                    role: 'enterprise', subject: 'u-1', parties: ['9520011000024']})
            CREATE (hub:NamedQuery {queryName: 'hub', query: '{"EQ_bizLocation":["urn:epc:id:sgln:9520001.00003.0"]}',
                                    createdAt: datetime('2026-12-07T06:10:00Z'), owner: 'station u-2 9520001000034',
                                    role: 'station', subject: 'u-2', parties: ['9520001000034']})
            CREATE (stream:Subscription {id: 's-stream', dest: 'https://coop.example/epcis', secret: 'coop-secret-0123456789',
                                         stream: true, reportIfEmpty: false, createdAt: datetime('2026-12-07T08:00:00Z'),
                                         since: datetime('2026-12-07T08:00:00Z'), owner: 'enterprise u-1 9520011000024',
                                         role: 'enterprise', subject: 'u-1', parties: ['9520011000024']})-[:SUBSCRIBES]->(lot)
            CREATE (:Subscription {id: 's-daily', dest: 'https://coop.example/daily', secret: 'coop-secret-0123456789',
                                   stream: false, schedule: '{"hour":"6"}', reportIfEmpty: true,
                                   nextRunAt: datetime('2026-12-08T06:00:00Z'), createdAt: datetime('2026-12-07T07:00:00Z'),
                                   since: datetime('2026-12-07T07:00:00Z'), owner: 'enterprise u-1 9520011000024',
                                   role: 'enterprise', subject: 'u-1', parties: ['9520011000024']})-[:SUBSCRIBES]->(lot)
            CREATE (hubStream:Subscription {id: 's-hub', dest: 'https://hub.example/epcis', secret: 'hub-secret-0123456789',
                                            stream: true, reportIfEmpty: false, createdAt: datetime('2026-12-07T07:40:00Z'),
                                            since: datetime('2026-12-07T07:40:00Z'), owner: 'station u-2 9520001000034',
                                            role: 'station', subject: 'u-2', parties: ['9520001000034']})-[:SUBSCRIBES]->(hub)
            CREATE (:Subscription {id: 's-late', dest: 'https://hub.example/late', secret: 'hub-secret-0123456789',
                                   stream: false, schedule: '{"hour":"5"}', reportIfEmpty: false,
                                   nextRunAt: datetime('2026-12-08T05:00:00Z'), createdAt: datetime('2026-12-07T07:30:00Z'),
                                   since: datetime('2026-12-07T07:30:00Z'), owner: 'station u-2 9520001000034',
                                   role: 'station', subject: 'u-2', parties: ['9520001000034']})-[:SUBSCRIBES]->(hub)
            CREATE (:CaptureJob {id: 'j1', createdAt: datetime('2026-12-07T07:50:00Z'), running: false, success: true,
                                 errorBehaviour: 'rollback', format: 'jsonld', role: 'enterprise', subject: 'u-1',
                                 parties: ['9520011000024'], events: 3, finishedAt: datetime('2026-12-07T07:50:02Z'), ended: 1})
            CREATE (:CaptureJob {id: 'j3', createdAt: datetime('2026-12-07T09:30:00Z'), running: false, success: false,
                                 errorBehaviour: 'rollback', format: 'xml', role: 'enterprise', subject: 'u-1',
                                 parties: ['9520011000024'], errors: '[{"type":"epcisException:ValidationException"}]',
                                 finishedAt: datetime('2026-12-07T09:30:01Z'), ended: 2})
            CREATE (:CaptureJob {id: 'j2', createdAt: datetime('2026-12-07T09:00:00Z'), running: false, success: true,
                                 errorBehaviour: 'rollback', format: 'jsonld', role: 'station', subject: 'u-2',
                                 parties: ['9520001000034'], events: 1, finishedAt: datetime('2026-12-07T09:31:00Z'), ended: 3})
            CREATE (:CaptureJob {id: 'j5', createdAt: datetime('2026-12-07T09:45:00Z'), running: false, success: true,
                                 errorBehaviour: 'rollback', format: 'jsonld', role: 'enterprise', subject: 'u-1',
                                 parties: ['9520011000024'], events: 2, finishedAt: datetime('2026-12-07T09:45:01Z'), ended: 4})
            CREATE (:CaptureJob {id: 'j4', createdAt: datetime('2026-12-07T10:00:00Z'), running: true, success: true,
                                 errorBehaviour: 'rollback', format: 'jsonld', role: 'enterprise', subject: 'u-1',
                                 parties: ['9520011000024']})
            CREATE (:Sequence {id: 'captureJobsEnded', last: 4})
            CREATE (stream)-[:OWES]->(:Delivery {id: 'd1', body: '{"type":"EPCISQueryDocument"}', attempts: 0,
                                                 createdAt: datetime('2026-12-07T10:00:00Z'), nextAttemptAt: datetime('2026-12-07T10:00:00Z')})
            CREATE (stream)-[:OWES]->(:Delivery {id: 'd3', body: '{"type":"EPCISQueryDocument"}', attempts: 4,
                                                 createdAt: datetime('2026-12-07T09:00:00Z'), nextAttemptAt: datetime('2026-12-08T00:00:00Z'),
                                                 lastError: 'HttpConnectTimeoutException'})
            CREATE (hubStream)-[:OWES]->(:Delivery {id: 'd2', body: '{"type":"EPCISQueryDocument"}', attempts: 2,
                                                    createdAt: datetime('2026-12-07T08:00:00Z'), nextAttemptAt: datetime('2026-12-07T09:00:00Z'),
                                                    lastError: 'answered 503'})
            """;

    SubscriptionStatementsIT() {
        super(SubscriptionStatements.class);
        example(SubscriptionStatements.SUBSCRIBE, SUBSCRIPTIONS, row("query", "lot-l1", "owner", OWNER, "id", "s-new",
                "dest", "https://coop.example/new", "secret", "coop-secret-0123456789", "stream", false, "schedule", "{\"hour\":\"6\"}",
                "reportIfEmpty", true, "nextRunAt", "2026-12-08T06:00:00Z", "createdAt", "2026-12-07T11:00:00.123Z",
                "since", "2026-12-01T00:00:00Z", "role", "enterprise", "subject", "u-1", "parties", List.of("9520011000024")),
                (rows, tx) -> {
                    assertThat(rows).singleElement().satisfies(r -> assertThat(r.get("id").asString()).isEqualTo("s-new"));
                    assertThat(count(tx, """
                            MATCH (s:Subscription {id: 's-new', dest: 'https://coop.example/new', stream: false, schedule: '{"hour":"6"}',
                                                   reportIfEmpty: true, owner: 'enterprise u-1 9520011000024', role: 'enterprise',
                                                   subject: 'u-1', parties: ['9520011000024']})
                                  -[:SUBSCRIBES]->(:NamedQuery {queryName: 'lot-l1'})
                            WHERE s.nextRunAt = datetime('2026-12-08T06:00:00Z') AND s.since = datetime('2026-12-01T00:00:00Z')
                              AND s.createdAt = datetime('2026-12-07T11:00:00.123Z')
                            RETURN count(s)""")).isEqualTo(1);
                    assertThat(tx.run(SubscriptionStatements.SUBSCRIBE.cypher(), row("query", "lot-l1", "owner", OTHER, "id", "s-x",
                            "dest", "https://hub.example/x", "secret", "hub-secret-0123456789", "stream", true, "schedule", null,
                            "reportIfEmpty", false, "nextRunAt", null, "createdAt", "2026-12-07T11:00:00Z", "since", "2026-12-07T11:00:00Z",
                            "role", "station", "subject", "u-2", "parties", List.of("9520001000034"))).list())
                            .as("another's query: no row").isEmpty();
                    assertThat(count(tx, "MATCH (s:Subscription {id: 's-x'}) RETURN count(s)")).as("nothing written").isZero();
                    assertThat(tx.run(SubscriptionStatements.SUBSCRIBE.cypher(), row("query", "hub", "owner", null, "id", "s-regulator",
                            "dest", "https://regulator.example/epcis", "secret", "regulator-secret-0123", "stream", true, "schedule", null,
                            "reportIfEmpty", false, "nextRunAt", null, "createdAt", "2026-12-07T11:00:00Z", "since", "2026-12-07T11:00:00Z",
                            "role", "regulator", "subject", "inspector", "parties", List.of())).list())
                            .as("a regulator subscribes to anyone's").hasSize(1);
                    assertThat(count(tx, "MATCH (s:Subscription {id: 's-regulator', stream: true})-[:SUBSCRIBES]->(:NamedQuery {queryName: 'hub'}) "
                            + "WHERE s.nextRunAt IS NULL AND s.schedule IS NULL AND s.owner IS NULL RETURN count(s)"))
                            .as("a stream has no next run").isEqualTo(1);
                });
        example(SubscriptionStatements.SUBSCRIPTIONS, SUBSCRIPTIONS, row("query", "lot-l1", "owner", null, "id", null), (rows, tx) -> {
            assertThat(rows).extracting(r -> r.get("subscription").get("id").asString()).as("oldest first, not hub's")
                    .containsExactly("s-daily", "s-stream");
            Map<String, Object> daily = rows.getFirst().get("subscription").asMap();
            assertThat(daily).as("never the secret").doesNotContainKey("secret")
                    .containsEntry("dest", "https://coop.example/daily").containsEntry("stream", false)
                    .containsEntry("schedule", "{\"hour\":\"6\"}").containsEntry("reportIfEmpty", true);
            assertThat(rows.getFirst().get("subscription").get("since").asOffsetDateTime())
                    .isEqualTo(OffsetDateTime.parse("2026-12-07T07:00:00Z"));
            assertThat(rows.get(1).get("subscription").get("schedule").isNull()).isTrue();
            assertThat(tx.run(SubscriptionStatements.SUBSCRIPTIONS.cypher(), row("query", "lot-l1", "owner", OWNER, "id", "s-stream")).list())
                    .extracting(r -> r.get("subscription").get("id").asString()).containsExactly("s-stream");
            assertThat(tx.run(SubscriptionStatements.SUBSCRIPTIONS.cypher(), row("query", "lot-l1", "owner", OTHER, "id", null)).list())
                    .as("another's subscriptions are not listed").isEmpty();
        });
        example(SubscriptionStatements.UNSUBSCRIBE, SUBSCRIPTIONS, row("id", "s-stream", "query", "lot-l1", "owner", OWNER), (rows, tx) -> {
            assertThat(rows).singleElement().satisfies(r -> assertThat(r.get("deleted").asBoolean()).isTrue());
            assertThat(count(tx, "MATCH (s:Subscription {id: 's-stream'}) RETURN count(s)")).isZero();
            assertThat(tx.run("MATCH (d:Delivery) RETURN d.id AS id").list(r -> r.get("id").asString()))
                    .as("what it owed gone, not s-hub's").containsExactly("d2");
            assertThat(tx.run(SubscriptionStatements.UNSUBSCRIBE.cypher(), row("id", "s-daily", "query", "lot-l1", "owner", OTHER))
                    .single().get("deleted").asBoolean()).as("another's").isFalse();
            assertThat(tx.run(SubscriptionStatements.UNSUBSCRIBE.cypher(), row("id", "s-hub", "query", "lot-l1", "owner", null))
                    .single().get("deleted").asBoolean()).as("not a subscription of that query").isFalse();
            assertThat(count(tx, "MATCH (s:Subscription) WHERE s.id IN ['s-daily', 's-hub'] RETURN count(s)")).isEqualTo(2);
        });
        example(SubscriptionStatements.STREAMS, SUBSCRIPTIONS, Map.of(), (rows, tx) -> {
            assertThat(rows).extracting(r -> r.get("id").asString() + " " + r.get("query").asString())
                    .as("not the scheduled ones").containsExactlyInAnyOrder("s-stream lot-l1", "s-hub hub");
            Record stream = rows.stream().filter(r -> r.get("id").asString().equals("s-stream")).findFirst().orElseThrow();
            assertThat(stream.get("definition").asString()).isEqualTo(LOT_L1);
            assertThat(stream.get("role").asString() + " " + stream.get("subject").asString() + " " + stream.get("parties").asList())
                    .as("the view its reports are made with").isEqualTo("enterprise u-1 [9520011000024]");
        });
        example(SubscriptionStatements.SCHEDULED_DUE, SUBSCRIPTIONS, Map.of("now", "2026-12-08T06:00:00Z", "limit", 10), (rows, tx) -> {
            assertThat(rows).extracting(r -> r.get("id").asString()).as("the longest due first").containsExactly("s-late", "s-daily");
            Record daily = rows.stream().filter(r -> r.get("id").asString().equals("s-daily")).findFirst().orElseThrow();
            assertThat(daily.get("query").asString()).isEqualTo("lot-l1");
            assertThat(daily.get("definition").asString()).isEqualTo(LOT_L1);
            assertThat(daily.get("role").asString()).isEqualTo("enterprise");
            assertThat(daily.get("schedule").asString()).isEqualTo("{\"hour\":\"6\"}");
            assertThat(daily.get("reportIfEmpty").asBoolean()).isTrue();
            assertThat(daily.get("due").asOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2026-12-08T06:00:00Z"));
            assertThat(tx.run(SubscriptionStatements.SCHEDULED_DUE.cypher(), Map.of("now", "2026-12-08T06:00:00Z", "limit", 1)).list())
                    .extracting(r -> r.get("id").asString()).as("the longest due").containsExactly("s-late");
            assertThat(tx.run(SubscriptionStatements.SCHEDULED_DUE.cypher(), Map.of("now", "2026-12-08T04:59:59Z", "limit", 10)).list())
                    .as("none due yet").isEmpty();
        });
        example(SubscriptionStatements.RAN, SUBSCRIPTIONS, row("id", "s-daily", "due", "2026-12-08T06:00:00Z", "next", "2026-12-09T06:00:00Z",
                "now", "2026-12-08T06:00:02Z", "jobs", List.of("j1", "j3", "j2", "j5"),
                "reports", List.of(Map.of("id", "r-1", "body", "{\"type\":\"EPCISQueryDocument\"}"))), (rows, tx) -> {
                    assertThat(rows).singleElement().satisfies(r -> assertThat(r.get("ran").asLong()).isEqualTo(1));
                    assertThat(count(tx, """
                            MATCH (s:Subscription {id: 's-daily', matchedTo: 4})
                            WHERE s.nextRunAt = datetime('2026-12-09T06:00:00Z') AND s.lastRunAt = datetime('2026-12-08T06:00:02Z')
                            RETURN count(s)""")).as("its next run, and the last job it matched").isEqualTo(1);
                    assertThat(tx.run("MATCH (:Subscription {id: 's-daily'})-[r:REPORTED]->(j:CaptureJob) "
                            + "WHERE r.at = datetime('2026-12-08T06:00:02Z') AND r.reports = 1 RETURN j.id AS id ORDER BY id")
                            .list(r -> r.get("id").asString())).containsExactly("j1", "j2", "j3", "j5");
                    assertThat(count(tx, """
                            MATCH (:Subscription {id: 's-daily'})-[:OWES]->(d:Delivery {id: 'r-1', body: '{"type":"EPCISQueryDocument"}', attempts: 0})
                            WHERE d.nextAttemptAt = datetime('2026-12-08T06:00:02Z') AND d.createdAt = d.nextAttemptAt
                            RETURN count(d)""")).as("owed at once").isEqualTo(1);
                    assertThat(tx.run(SubscriptionStatements.RAN.cypher(), row("id", "s-daily", "due", "2026-12-08T06:00:00Z",
                            "next", "2026-12-09T06:00:00Z", "now", "2026-12-08T06:00:03Z", "jobs", List.of("j1"),
                            "reports", List.of(Map.of("id", "r-2", "body", "{}")))).single().get("ran").asLong())
                            .as("another server ran that run first").isZero();
                    assertThat(count(tx, "MATCH (s:Subscription {id: 's-daily'}) WHERE s.lastRunAt = datetime('2026-12-08T06:00:02Z') "
                            + "RETURN count(s)")).as("left as the first run left it").isEqualTo(1);
                    assertThat(count(tx, "MATCH (:Subscription {id: 's-daily'})-[:OWES]->(d:Delivery) RETURN count(d)")).isEqualTo(1);
                });
        example(SubscriptionStatements.UNMATCHED_JOBS, SUBSCRIPTIONS, Map.of("id", "s-stream", "limit", 10), (rows, tx) -> {
            assertThat(rows).extracting(r -> r.get("job").asString() + " " + r.get("success").asBoolean() + " " + r.get("ended").asLong())
                    .as("in the order they ended; not j1, created before it began, nor j4, running")
                    .containsExactly("j3 false 2", "j2 true 3", "j5 true 4");
            assertThat(tx.run(SubscriptionStatements.UNMATCHED_JOBS.cypher(), Map.of("id", "s-stream", "limit", 1)).list())
                    .extracting(r -> r.get("job").asString()).containsExactly("j3");
            tx.run("""
                    MATCH (s:Subscription {id: 's-stream'}), (j5:CaptureJob {id: 'j5'})
                    SET s.matchedTo = 2
                    CREATE (s)-[:REPORTED {at: datetime('2026-12-07T10:00:00Z'), reports: 1}]->(j5)""").consume();
            assertThat(tx.run(SubscriptionStatements.UNMATCHED_JOBS.cypher(), Map.of("id", "s-stream", "limit", 10)).list())
                    .extracting(r -> r.get("job").asString()).as("past the last it matched, not those it reported").containsExactly("j2");
        });
        example(SubscriptionStatements.MATCHED, SUBSCRIPTIONS, Map.of("id", "s-stream", "job", "j2", "now", "2026-12-07T10:00:05Z",
                "reports", List.of(Map.of("id", "r-2", "body", "{\"n\":1}"), Map.of("id", "r-3", "body", "{\"n\":2}"))), (rows, tx) -> {
                    assertThat(rows).singleElement().satisfies(r -> assertThat(r.get("owed").asLong()).isEqualTo(2));
                    assertThat(count(tx, "MATCH (s:Subscription {id: 's-stream', matchedTo: 3})-[r:REPORTED {reports: 2}]->(:CaptureJob {id: 'j2'}) "
                            + "WHERE r.at = datetime('2026-12-07T10:00:05Z') RETURN count(r)")).isEqualTo(1);
                    assertThat(tx.run("""
                            MATCH (:Subscription {id: 's-stream'})-[:OWES]->(d:Delivery {attempts: 0})
                            WHERE d.nextAttemptAt = datetime('2026-12-07T10:00:05Z') RETURN d.id + ' ' + d.body AS d ORDER BY d""")
                            .list(r -> r.get("d").asString())).containsExactly("r-2 {\"n\":1}", "r-3 {\"n\":2}");
                    assertThat(tx.run(SubscriptionStatements.MATCHED.cypher(), Map.of("id", "s-stream", "job", "j2",
                            "now", "2026-12-07T10:00:06Z", "reports", List.of(Map.of("id", "r-4", "body", "{}")))).single().get("owed").asLong())
                            .as("another server matched it first").isZero();
                    assertThat(count(tx, "MATCH (d:Delivery {id: 'r-4'}) RETURN count(d)")).as("nothing owed twice").isZero();
                    assertThat(count(tx, "MATCH (:Subscription {id: 's-stream'})-[r:REPORTED]->(:CaptureJob {id: 'j2'}) "
                            + "WHERE r.at = datetime('2026-12-07T10:00:05Z') RETURN count(r)")).isEqualTo(1);
                    assertThat(tx.run(SubscriptionStatements.MATCHED.cypher(), Map.of("id", "s-stream", "job", "j3",
                            "now", "2026-12-07T10:00:07Z", "reports", List.of())).single().get("owed").asLong())
                            .as("a failed job owes nothing").isZero();
                    assertThat(count(tx, "MATCH (s:Subscription {id: 's-stream', matchedTo: 3})-[:REPORTED {reports: 0}]->(:CaptureJob {id: 'j3'}) "
                            + "RETURN count(s)")).as("matched, and the last it matched stays j2's").isEqualTo(1);
                });
        example(SubscriptionStatements.OWE, SUBSCRIPTIONS, Map.of("id", "s-daily", "now", "2026-12-08T06:00:01Z",
                "reports", List.of(Map.of("id", "r-5", "body", "{\"n\":1}"), Map.of("id", "r-6", "body", "{\"n\":2}"))), (rows, tx) -> {
                    assertThat(rows).singleElement().satisfies(r -> assertThat(r.get("owed").asLong()).isEqualTo(2));
                    assertThat(tx.run("""
                            MATCH (:Subscription {id: 's-daily'})-[:OWES]->(d:Delivery {attempts: 0})
                            WHERE d.nextAttemptAt = datetime('2026-12-08T06:00:01Z') RETURN d.id AS id ORDER BY id""")
                            .list(r -> r.get("id").asString())).containsExactly("r-5", "r-6");
                    assertThat(tx.run(SubscriptionStatements.OWE.cypher(), Map.of("id", "s-none", "now", "2026-12-08T06:00:01Z",
                            "reports", List.of(Map.of("id", "r-7", "body", "{}")))).single().get("owed").asLong())
                            .as("no such subscription").isZero();
                    assertThat(count(tx, "MATCH (d:Delivery {id: 'r-7'}) RETURN count(d)")).isZero();
                });
        example(SubscriptionStatements.DUE, SUBSCRIPTIONS, Map.of("now", "2026-12-07T12:00:00Z", "limit", 10), (rows, tx) -> {
            assertThat(rows).extracting(r -> r.get("id").asString()).as("d3 is due tomorrow; the longest waiting first")
                    .containsExactly("d2", "d1");
            Record d2 = rows.stream().filter(r -> r.get("id").asString().equals("d2")).findFirst().orElseThrow();
            assertThat(d2.get("attempts").asLong()).isEqualTo(2);
            assertThat(d2.get("body").asString()).isEqualTo("{\"type\":\"EPCISQueryDocument\"}");
            assertThat(d2.get("subscription").asString() + " " + d2.get("dest").asString() + " " + d2.get("secret").asString())
                    .isEqualTo("s-hub https://hub.example/epcis hub-secret-0123456789");
            assertThat(tx.run(SubscriptionStatements.DUE.cypher(), Map.of("now", "2026-12-07T12:00:00Z", "limit", 1)).list())
                    .extracting(r -> r.get("id").asString()).as("the longest waiting").containsExactly("d2");
        });
        example(SubscriptionStatements.DELIVERED, SUBSCRIPTIONS, Map.of("id", "d1", "now", "2026-12-07T10:00:03Z"), (rows, tx) -> {
            assertThat(rows).isEmpty();
            assertThat(count(tx, "MATCH (d:Delivery {id: 'd1'}) RETURN count(d)")).as("out of the outbox").isZero();
            assertThat(count(tx, "MATCH (s:Subscription {id: 's-stream'})-[:OWES]->(:Delivery {id: 'd3'}) "
                    + "WHERE s.lastNotifiedAt = datetime('2026-12-07T10:00:03Z') RETURN count(s)"))
                    .as("its subscription notified then; its other report still owed").isEqualTo(1);
            assertThat(count(tx, "MATCH (s:Subscription {id: 's-hub'}) WHERE s.lastNotifiedAt IS NULL RETURN count(s)")).isEqualTo(1);
        });
        example(SubscriptionStatements.FAILED, SUBSCRIPTIONS, Map.of("id", "d2", "next", "2026-12-07T13:00:00Z", "error", "answered 502"),
                (rows, tx) -> {
                    assertThat(rows).isEmpty();
                    assertThat(count(tx, "MATCH (d:Delivery {id: 'd2', attempts: 3, lastError: 'answered 502'}) "
                            + "WHERE d.nextAttemptAt = datetime('2026-12-07T13:00:00Z') RETURN count(d)")).isEqualTo(1);
                    assertThat(count(tx, "MATCH (d:Delivery {id: 'd1', attempts: 0}) WHERE d.lastError IS NULL RETURN count(d)"))
                            .as("the others as they were").isEqualTo(1);
                });
    }
}
