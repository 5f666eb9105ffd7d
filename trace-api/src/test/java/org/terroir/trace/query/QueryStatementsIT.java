package org.terroir.trace.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.terroir.testsupport.StatementExamples.count;
import static org.terroir.testsupport.StatementExamples.row;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Record;
import org.neo4j.driver.Transaction;
import org.terroir.model.cypher.Statement;
import org.terroir.trace.FeatureStatementExamples;

/**
 * The examples of {@link QueryStatements}, run against a real Neo4j holding the small Liancheng graph
 * and the events below, written as the importer writes them (stored JSON-LD, identifiers, times).
 */
class QueryStatementsIT extends FeatureStatementExamples {

    private static final String FARM = "414/9520001000027";
    private static final String FIELD = "414/9520001000027/254/1";
    private static final String HUB = "414/9520001000034";
    private static final String S1 = "01/09520001000010/21/S1";
    private static final String CASE = "00/095200010000000010";

    /**
     * In time order: q1 (commissioning L1 at the farm, read in its field; job-a), q3 (packing S1 into
     * the case at the hub; job-a) and q5 (inspecting the product at the hub; job-b) at the same instant
     * in other offsets, q2 (shipping S1 from the farm, the hop carried by 9520099000015), q4 (receiving L2
     * at the hub, declared erroneous). q0 is an event an earlier version stored without its JSON-LD.
     */
    private static final String EVENTS = """
            MATCH (b1:Batch {key: '01/09520001000010/10/L1'}), (b2:Batch {key: '01/09520001000010/10/L2'}),
                  (farm:Location {key: '414/9520001000027'}), (hub:Location {key: '414/9520001000034'}), (h1:Hop {id: 'h1'})
            CREATE (field:Location {key: '414/9520001000027/254/1', gln: '9520001000027', extension: '1'})-[:WITHIN]->(farm)
            CREATE (product:Product {gtin: '09520001000010'})
            CREATE (b1)-[:OF_PRODUCT]->(product), (b2)-[:OF_PRODUCT]->(product)
            CREATE (s1:Item {key: '01/09520001000010/21/S1', gtin: '09520001000010', serial: 'S1'})-[:OF_BATCH]->(b1)
            CREATE (case:Container {key: '00/095200010000000010', sscc: '095200010000000010'})
            CREATE (h1)-[:CARRIED_BY]->(:Party:Carrier {gln: '9520099000015', nameEn: 'Express'})
            CREATE (a:CaptureJob {id: 'job-a', createdAt: datetime('2026-01-07T12:30:00Z'), running: false, success: true,
                                  errorBehaviour: 'rollback', format: 'jsonld', role: 'enterprise', subject: 'u-1',
                                  parties: ['9520011000024'], events: 2, finishedAt: datetime('2026-01-07T12:30:01Z'), ended: 1})
            CREATE (b:CaptureJob {id: 'job-b', createdAt: datetime('2026-01-07T12:40:00Z'), running: false, success: true,
                                  errorBehaviour: 'rollback', format: 'jsonld', role: 'station', subject: 'u-2',
                                  parties: ['9520001000034'], events: 1, finishedAt: datetime('2026-01-07T12:40:01Z'), ended: 2})
            CREATE (q0:Event {eventId: 'urn:uuid:q0', type: 'ObjectEvent', action: 'OBSERVE', bizStep: 'inspecting',
                              eventTime: datetime('2026-01-06T09:00:00+08:00'), eventTimeZoneOffset: '+08:00',
                              recordTime: datetime('2026-01-06T01:05:00Z')})-[:OBSERVED]->(b1)
            CREATE (q0)-[:AT]->(farm)
            CREATE (q1:Event {eventId: 'urn:uuid:q1', type: 'ObjectEvent', action: 'ADD', bizStep: 'commissioning',
                              disposition: 'active', eventTime: datetime('2026-01-07T09:00:00+08:00'), eventTimeZoneOffset: '+08:00',
                              recordTime: datetime('2026-01-07T12:30:00Z'), identifiers: ['class 01/09520001000010/10/L1'],
                              epcis: '{"type":"ObjectEvent","eventID":"urn:uuid:q1","action":"ADD","bizStep":"commissioning"}'})
                   -[:OBSERVED {quantity: 120.0, uom: 'KGM'}]->(b1)
            CREATE (q1)-[:AT]->(farm), (q1)-[:READ_AT]->(field), (q1)-[:CAPTURED_IN]->(a)
            CREATE (q3:Event {eventId: 'urn:uuid:q3', type: 'AggregationEvent', action: 'ADD', bizStep: 'packing',
                              disposition: 'in_progress', eventTime: datetime('2026-01-07T12:00:00Z'), eventTimeZoneOffset: '+00:00',
                              recordTime: datetime('2026-01-07T12:30:00Z'),
                              identifiers: ['parent 00/095200010000000010', 'epc 01/09520001000010/21/S1'],
                              epcis: '{"type":"AggregationEvent","eventID":"urn:uuid:q3","action":"ADD","bizStep":"packing"}'})
                   -[:PARENT]->(case)
            CREATE (q3)-[:CHILD]->(s1), (q3)-[:AT]->(hub), (q3)-[:CAPTURED_IN]->(a)
            CREATE (q5:Event {eventId: 'urn:uuid:q5', type: 'ObjectEvent', action: 'OBSERVE', bizStep: 'inspecting',
                              eventTime: datetime('2026-01-07T20:00:00+08:00'), eventTimeZoneOffset: '+08:00',
                              recordTime: datetime('2026-01-07T12:40:00Z'), identifiers: ['class 01/09520001000010'],
                              epcis: '{"type":"ObjectEvent","eventID":"urn:uuid:q5","action":"OBSERVE","bizStep":"inspecting"}'})
                   -[:OBSERVED {quantity: 2.0, uom: 'KGM'}]->(product)
            CREATE (q5)-[:AT]->(hub), (q5)-[:CAPTURED_IN]->(b)
            CREATE (q2:Event {eventId: 'urn:uuid:q2', type: 'ObjectEvent', action: 'OBSERVE', bizStep: 'shipping',
                              disposition: 'in_transit', eventTime: datetime('2026-01-08T04:00:00+08:00'), eventTimeZoneOffset: '+08:00',
                              recordTime: datetime('2026-01-08T00:00:00Z'), identifiers: ['epc 01/09520001000010/21/S1'],
                              epcis: '{"type":"ObjectEvent","eventID":"urn:uuid:q2","action":"OBSERVE","bizStep":"shipping"}'})
                   -[:OBSERVED]->(s1)
            CREATE (q2)-[:READ_AT]->(farm), (h1)-[:DEPARTED_WITH]->(q2)
            CREATE (q4:Event {eventId: 'urn:uuid:q4', type: 'ObjectEvent', action: 'OBSERVE', bizStep: 'receiving',
                              eventTime: datetime('2026-01-08T07:00:00+08:00'), eventTimeZoneOffset: '+08:00',
                              recordTime: datetime('2026-01-08T00:10:00Z'), identifiers: ['class 01/09520001000010/10/L2'],
                              epcis: '{"type":"ObjectEvent","eventID":"urn:uuid:q4","action":"OBSERVE","bizStep":"receiving"}',
                              errorDeclaredAt: datetime('2026-01-09T02:00:00Z'), errorReason: 'incorrect_data',
                              correctiveEventIds: ['urn:uuid:q6']})
                   -[:OBSERVED {quantity: 80.0, uom: 'KGM'}]->(b2)
            CREATE (q4)-[:AT]->(hub)
            """;

    /** Named queries of two owners (a regulator's has none), one subscribed to twice, another once, with the reports they owe. */
    private static final String NAMED = """
            CREATE (a:NamedQuery {queryName: 'lot-l1', query: '{"MATCH_anyEPCClass":["urn:epc:class:lgtin:9520001.000001.L1"]}',
                                  createdAt: datetime('2026-12-07T08:00:00Z'), owner: 'enterprise u-1 9520011000024',
                                  role: 'enterprise', subject: 'u-1', parties: ['9520011000024']})
            CREATE (:NamedQuery {queryName: 'at-farm', query: '{"EQ_bizLocation":["urn:epc:id:sgln:9520001.00002.0"]}',
                                 createdAt: datetime('2026-12-07T08:10:00Z'), owner: 'enterprise u-1 9520011000024',
                                 role: 'enterprise', subject: 'u-1', parties: ['9520011000024']})
            CREATE (b:NamedQuery {queryName: 'hub', query: '{"EQ_bizLocation":["urn:epc:id:sgln:9520001.00003.0"]}',
                                  createdAt: datetime('2026-12-07T08:20:00Z'), owner: 'station u-2 9520001000034',
                                  role: 'station', subject: 'u-2', parties: ['9520001000034']})
            CREATE (s1:Subscription {id: 's-1', dest: 'https://receiver.example/epcis', secret: 'sixteen-or-more-chars', stream: true,
                                     createdAt: datetime('2026-12-07T09:00:00Z'), since: datetime('2026-12-07T09:00:00Z'),
                                     owner: 'enterprise u-1 9520011000024', role: 'enterprise'})-[:SUBSCRIBES]->(a)
            CREATE (s1)-[:OWES]->(:Delivery {id: 'd-1', body: '{}', attempts: 0, createdAt: datetime('2026-12-07T10:00:00Z'),
                                             nextAttemptAt: datetime('2026-12-07T10:00:00Z')})
            CREATE (s1)-[:OWES]->(:Delivery {id: 'd-2', body: '{}', attempts: 3, createdAt: datetime('2026-12-07T10:00:00Z'),
                                             nextAttemptAt: datetime('2026-12-07T11:00:00Z')})
            CREATE (:Subscription {id: 's-2', dest: 'https://receiver.example/epcis', secret: 'sixteen-or-more-chars', stream: false,
                                   schedule: '{"hour":"6"}', nextRunAt: datetime('2026-12-08T06:00:00Z'),
                                   createdAt: datetime('2026-12-07T09:10:00Z'), since: datetime('2026-12-07T09:10:00Z'),
                                   owner: 'enterprise u-1 9520011000024', role: 'enterprise'})-[:SUBSCRIBES]->(a)
            CREATE (s3:Subscription {id: 's-3', dest: 'https://hub.example/epcis', secret: 'sixteen-or-more-chars', stream: true,
                                     createdAt: datetime('2026-12-07T09:20:00Z'), since: datetime('2026-12-07T09:20:00Z'),
                                     owner: 'station u-2 9520001000034', role: 'station'})-[:SUBSCRIBES]->(b)
            CREATE (s3)-[:OWES]->(:Delivery {id: 'd-3', body: '{}', attempts: 0, createdAt: datetime('2026-12-07T10:00:00Z'),
                                             nextAttemptAt: datetime('2026-12-07T10:00:00Z')})
            """;

    private static final String OWNER = "enterprise u-1 9520011000024";
    private static final String OTHER = "station u-2 9520001000034";

    /** The parameters every event statement reads besides its way in, as a regulator asks: all null but the given. */
    private static final Set<String> FILTERS = Set.of("types", "actions", "bizSteps", "dispositions", "geEventTime", "ltEventTime",
            "geRecordTime", "ltRecordTime", "eventIds", "readPoints", "bizLocations", "withinReadPoints", "withinBizLocations",
            "matches", "errorDeclared", "geErrorDeclarationTime", "ltErrorDeclarationTime", "errorReasons", "correctiveEventIds",
            "afterTime", "afterId", "brandOwners", "carriers", "operators", "station", "limit");
    /** The parameters of the ways in. */
    private static final Set<String> WAYS_IN = Set.of("objects", "locations", "jobs", "start");

    QueryStatementsIT() {
        super(QueryStatements.class);
        example(QueryStatements.BY_ID, EVENTS, query("eventIds", List.of("urn:uuid:q4", "urn:uuid:q0", "urn:uuid:none", "urn:uuid:q1")),
                (rows, tx) -> {
                    assertThat(rows).extracting(r -> r.get("eventId").asString())
                            .as("in time order; q0 has no stored form, none is not in the graph").containsExactly("urn:uuid:q1", "urn:uuid:q4");
                    Record q1 = rows.getFirst();
                    assertThat(q1.keys()).containsExactly("eventId", "eventTime", "recordTime", "epcis", "errorDeclaredAt",
                            "errorReason", "correctiveEventIds");
                    assertThat(q1.get("eventTime").asOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2026-01-07T09:00:00+08:00"));
                    assertThat(q1.get("recordTime").asOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2026-01-07T12:30:00Z"));
                    assertThat(q1.get("epcis").asString()).startsWith("{\"type\":\"ObjectEvent\",\"eventID\":\"urn:uuid:q1\"");
                    assertThat(q1.get("errorDeclaredAt").isNull()).isTrue();
                    Record q4 = rows.get(1);
                    assertThat(q4.get("errorDeclaredAt").asOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2026-01-09T02:00:00Z"));
                    assertThat(q4.get("errorReason").asString()).isEqualTo("incorrect_data");
                    assertThat(q4.get("correctiveEventIds").asList()).containsExactly("urn:uuid:q6");
                    assertThat(ids(tx, QueryStatements.BY_ID, query("eventIds", List.of("urn:uuid:q4", "urn:uuid:q1"),
                            "errorDeclared", false))).as("EXISTS_errorDeclaration=false").containsExactly("urn:uuid:q1");
                    assertThat(ids(tx, QueryStatements.BY_ID, query("eventIds", List.of("urn:uuid:q4", "urn:uuid:q1"),
                            "station", "9520001000034")))
                            .as("the station's staff: what happened at the hub, not at the farm").containsExactly("urn:uuid:q4");
                });
        example(QueryStatements.OF_OBJECTS, EVENTS, query("objects", List.of(S1),
                "matches", List.of(List.of("epc " + S1, "parent " + S1, "input " + S1, "output " + S1))), (rows, tx) -> {
                    assertThat(rows).extracting(r -> r.get("eventId").asString())
                            .as("MATCH_anyEPC: packed as a child, then shipped").containsExactly("urn:uuid:q3", "urn:uuid:q2");
                    assertThat(ids(tx, QueryStatements.OF_OBJECTS, query("objects", List.of(S1),
                            "matches", List.of(List.of("epc " + S1)), "actions", List.of("ADD"))))
                            .as("EQ_action=ADD").containsExactly("urn:uuid:q3");
                    assertThat(ids(tx, QueryStatements.OF_OBJECTS, query("objects", List.of(CASE),
                            "matches", List.of(List.of("epc " + CASE))))).as("MATCH_epc: the case was a parent only").isEmpty();
                    assertThat(ids(tx, QueryStatements.OF_OBJECTS, query("objects", List.of(CASE),
                            "matches", List.of(List.of("parent " + CASE))))).as("MATCH_parentID").containsExactly("urn:uuid:q3");
                    assertThat(ids(tx, QueryStatements.OF_OBJECTS, query("objects", List.of("01/09520001000010"),
                            "matches", List.of(List.of("class 01/09520001000010")))))
                            .as("MATCH_epcClass of the GTIN: the event of the product's class, not those of its lots")
                            .containsExactly("urn:uuid:q5");
                    assertThat(ids(tx, QueryStatements.OF_OBJECTS, query("objects", List.of(S1),
                            "matches", List.of(List.of("epc " + S1)), "carriers", List.of("9520099000015"))))
                            .as("the carrier of h1: the shipping its hop was recorded with").containsExactly("urn:uuid:q2");
                });
        example(QueryStatements.AT_LOCATIONS, EVENTS, query("locations", List.of(FARM), "bizLocations", List.of(FARM)), (rows, tx) -> {
            assertThat(rows).extracting(r -> r.get("eventId").asString())
                    .as("EQ_bizLocation: q2 was only read at the farm, q0 has no stored form").containsExactly("urn:uuid:q1");
            assertThat(ids(tx, QueryStatements.AT_LOCATIONS, query("locations", List.of(FARM), "readPoints", List.of(FARM))))
                    .as("EQ_readPoint: q1 was read in the field, not at the farm").containsExactly("urn:uuid:q2");
            assertThat(ids(tx, QueryStatements.AT_LOCATIONS, query("locations", List.of(HUB), "bizLocations", List.of(HUB),
                    "ltRecordTime", "2026-01-08T00:00:00Z"))).as("LT_recordTime").containsExactly("urn:uuid:q3", "urn:uuid:q5");
        });
        example(QueryStatements.OF_JOBS, EVENTS, query("jobs", List.of("job-a")), (rows, tx) -> {
            assertThat(rows).extracting(r -> r.get("eventId").asString()).as("what job-a wrote, not job-b's q5")
                    .containsExactly("urn:uuid:q1", "urn:uuid:q3");
            assertThat(ids(tx, QueryStatements.OF_JOBS, query("jobs", List.of("job-a", "job-b"),
                    "afterTime", "2026-01-07T09:00:00+08:00", "afterId", "urn:uuid:q1", "limit", 1)))
                    .as("the page of one after q1").containsExactly("urn:uuid:q3");
        });
        String start = "0001-01-01T00:00:00Z";
        example(QueryStatements.IN_TIME, EVENTS, query("start", start), (rows, tx) -> {
            assertThat(rows).extracting(r -> r.get("eventId").asString())
                    .as("in time order whatever the offsets, the same instant by id; not q0")
                    .containsExactly("urn:uuid:q1", "urn:uuid:q3", "urn:uuid:q5", "urn:uuid:q2", "urn:uuid:q4");
            assertThat(ids(tx, QueryStatements.IN_TIME, query("start", "2026-01-07T12:00:00Z",
                    "afterTime", "2026-01-07T12:00:00Z", "afterId", "urn:uuid:q3")))
                    .as("the page after q3: q5 happened at the same instant, written in another offset")
                    .containsExactly("urn:uuid:q5", "urn:uuid:q2", "urn:uuid:q4");
            assertThat(ids(tx, QueryStatements.IN_TIME, query("start", "2026-01-07T12:00:00Z",
                    "afterTime", "2026-01-07T20:00:00+08:00", "afterId", "urn:uuid:q5", "limit", 1)))
                    .as("the page of one after q5").containsExactly("urn:uuid:q2");
            assertThat(ids(tx, QueryStatements.IN_TIME, query("start", "2026-01-07T12:00:00Z", "geEventTime", "2026-01-07T12:00:00Z",
                    "ltEventTime", "2026-01-07T23:00:00Z"))).as("[GE_eventTime, LT_eventTime)")
                    .containsExactly("urn:uuid:q3", "urn:uuid:q5", "urn:uuid:q2");
            assertThat(ids(tx, QueryStatements.IN_TIME, query("start", start, "station", "9520001000034")))
                    .as("the station's staff do not see what happened at the farm")
                    .containsExactly("urn:uuid:q3", "urn:uuid:q5", "urn:uuid:q4");
            assertThat(ids(tx, QueryStatements.IN_TIME, query("start", start, "carriers", List.of("9520099000022"))))
                    .as("a carrier that carried none of it").isEmpty();
            assertThat(ids(tx, QueryStatements.IN_TIME, query("start", start, "types", List.of("AggregationEvent"))))
                    .containsExactly("urn:uuid:q3");
            assertThat(ids(tx, QueryStatements.IN_TIME, query("start", start, "bizSteps", List.of("inspecting", "shipping"))))
                    .containsExactly("urn:uuid:q5", "urn:uuid:q2");
            assertThat(ids(tx, QueryStatements.IN_TIME, query("start", start, "dispositions", List.of("in_transit"))))
                    .containsExactly("urn:uuid:q2");
            assertThat(ids(tx, QueryStatements.IN_TIME, query("start", start, "geRecordTime", "2026-01-07T12:40:00Z")))
                    .containsExactly("urn:uuid:q5", "urn:uuid:q2", "urn:uuid:q4");
            assertThat(ids(tx, QueryStatements.IN_TIME, query("start", start, "withinReadPoints", List.of(FARM))))
                    .as("WD_readPoint: read at the farm or in its field").containsExactly("urn:uuid:q1", "urn:uuid:q2");
            assertThat(ids(tx, QueryStatements.IN_TIME, query("start", start, "withinBizLocations", List.of(FIELD))))
                    .as("WD_bizLocation: nothing happened in the field").isEmpty();
            assertThat(ids(tx, QueryStatements.IN_TIME, query("start", start, "matches",
                    List.of(List.of("epc 01/09520001000010/")))))
                    .as("MATCH_epc of a pattern: the serials of the GTIN, not its classes").containsExactly("urn:uuid:q3", "urn:uuid:q2");
            assertThat(ids(tx, QueryStatements.IN_TIME, query("start", start, "matches",
                    List.of(List.of("epc " + S1), List.of("parent " + CASE)))))
                    .as("two MATCH_ parameters must both hold").containsExactly("urn:uuid:q3");
            assertThat(ids(tx, QueryStatements.IN_TIME, query("start", start, "errorDeclared", true,
                    "geErrorDeclarationTime", "2026-01-09T00:00:00Z", "ltErrorDeclarationTime", "2026-01-10T00:00:00Z",
                    "errorReasons", List.of("incorrect_data"), "correctiveEventIds", List.of("urn:uuid:q6"))))
                    .containsExactly("urn:uuid:q4");
            assertThat(ids(tx, QueryStatements.IN_TIME, query("start", start, "errorReasons", List.of("did_not_occur")))).isEmpty();
        });
        example(QueryStatements.EPCS, EVENTS, Map.of("after", "", "limit", 10), (rows, tx) -> {
            assertThat(rows).extracting(r -> r.get("key").asString()).as("batches, items and containers, not products")
                    .containsExactly(CASE, "01/09520001000010/10/L1", "01/09520001000010/10/L2", S1);
            assertThat(tx.run(QueryStatements.EPCS.cypher(), Map.of("after", "01/09520001000010/10/L1", "limit", 2)).list())
                    .extracting(r -> r.get("key").asString()).containsExactly("01/09520001000010/10/L2", S1);
        });
        example(QueryStatements.BIZ_LOCATIONS, EVENTS, Map.of("after", "", "limit", 10), (rows, tx) -> {
            assertThat(rows).extracting(r -> r.get("key").asString()).as("not the field, where q1 was only read")
                    .containsExactly(FARM, HUB);
            assertThat(tx.run(QueryStatements.BIZ_LOCATIONS.cypher(), Map.of("after", FARM, "limit", 10)).list())
                    .extracting(r -> r.get("key").asString()).containsExactly(HUB);
        });
        example(QueryStatements.READ_POINTS, EVENTS, Map.of("after", "", "limit", 10), (rows, tx) -> {
            assertThat(rows).extracting(r -> r.get("key").asString()).as("not the hub, where nothing was read")
                    .containsExactly(FARM, FIELD);
            assertThat(tx.run(QueryStatements.READ_POINTS.cypher(), Map.of("after", "", "limit", 1)).list())
                    .extracting(r -> r.get("key").asString()).containsExactly(FARM);
        });
        String definition = "{\"MATCH_anyEPCClass\":[\"urn:epc:class:lgtin:9520001.000001.L1\"]}";
        example(QueryStatements.NAMED_CREATE, NAMED, row("name", "lot-l2", "query", definition, "createdAt", "2026-12-07T11:00:00.123Z",
                "owner", OWNER, "role", "enterprise", "subject", "u-1", "parties", List.of("9520011000024")), (rows, tx) -> {
                    assertThat(rows).singleElement().satisfies(r -> assertThat(r.get("created").asBoolean()).isTrue());
                    assertThat(count(tx, """
                            MATCH (q:NamedQuery {queryName: 'lot-l2', owner: 'enterprise u-1 9520011000024', role: 'enterprise',
                                                 subject: 'u-1', parties: ['9520011000024']})
                            WHERE q.createdAt = datetime('2026-12-07T11:00:00.123Z') AND q.query CONTAINS 'L1'
                            RETURN count(q)""")).isEqualTo(1);
                    assertThat(tx.run(QueryStatements.NAMED_CREATE.cypher(), row("name", "lot-l2", "query", "{\"EQ_bizStep\":[\"shipping\"]}",
                            "createdAt", "2026-12-07T11:00:01Z", "owner", OTHER, "role", "station", "subject", "u-2",
                            "parties", List.of("9520001000034"))).single().get("created").asBoolean())
                            .as("the name is taken").isFalse();
                    assertThat(count(tx, "MATCH (q:NamedQuery {queryName: 'lot-l2', owner: 'enterprise u-1 9520011000024'}) "
                            + "WHERE q.query CONTAINS 'L1' RETURN count(q)")).as("left as it was").isEqualTo(1);
                    assertThat(count(tx, "MATCH (q:NamedQuery {queryName: 'lot-l2'}) RETURN count(q)")).isEqualTo(1);
                });
        example(QueryStatements.NAMED_GET, NAMED, row("name", "lot-l1", "owner", OWNER), (rows, tx) -> {
            assertThat(rows).singleElement().satisfies(r -> {
                assertThat(r.get("name").asString()).isEqualTo("lot-l1");
                assertThat(r.get("query").asString()).isEqualTo(definition);
            });
            assertThat(tx.run(QueryStatements.NAMED_GET.cypher(), row("name", "lot-l1", "owner", OTHER)).list())
                    .as("another's query is not found").isEmpty();
            assertThat(tx.run(QueryStatements.NAMED_GET.cypher(), row("name", "lot-l1", "owner", null)).list())
                    .as("a regulator's look").hasSize(1);
        });
        example(QueryStatements.NAMED_LIST, NAMED, row("after", "", "owner", OWNER, "limit", 10), (rows, tx) -> {
            assertThat(rows).extracting(r -> r.get("name").asString()).as("its own, in name order").containsExactly("at-farm", "lot-l1");
            assertThat(rows.getFirst().get("query").asString()).contains("EQ_bizLocation");
            assertThat(tx.run(QueryStatements.NAMED_LIST.cypher(), row("after", "at-farm", "owner", null, "limit", 1)).list())
                    .extracting(r -> r.get("name").asString()).as("everyone's, the page of one after at-farm").containsExactly("hub");
        });
        example(QueryStatements.NAMED_DELETE, NAMED, row("name", "lot-l1", "owner", OWNER), (rows, tx) -> {
            assertThat(rows).singleElement().satisfies(r -> assertThat(r.get("deleted").asBoolean()).isTrue());
            assertThat(count(tx, "MATCH (q:NamedQuery {queryName: 'lot-l1'}) RETURN count(q)")).isZero();
            assertThat(tx.run("MATCH (s:Subscription) RETURN s.id AS id").list(r -> r.get("id").asString()))
                    .as("its subscriptions gone, another query's left").containsExactly("s-3");
            assertThat(tx.run("MATCH (d:Delivery) RETURN d.id AS id").list(r -> r.get("id").asString()))
                    .as("and the reports they owed").containsExactly("d-3");
            assertThat(tx.run(QueryStatements.NAMED_DELETE.cypher(), row("name", "hub", "owner", OWNER)).single()
                    .get("deleted").asBoolean()).as("another's").isFalse();
            assertThat(count(tx, "MATCH (:Delivery {id: 'd-3'})<-[:OWES]-(:Subscription)-[:SUBSCRIBES]->(:NamedQuery {queryName: 'hub'}) "
                    + "RETURN count(*)")).as("left whole").isEqualTo(1);
            assertThat(tx.run(QueryStatements.NAMED_DELETE.cypher(), row("name", "none", "owner", null)).single()
                    .get("deleted").asBoolean()).as("no such query").isFalse();
        });
    }

    /** The parameters of an event statement: every filter null but those given ({@code matches} none), a page of 10. */
    private static Map<String, Object> query(Object... keysAndValues) {
        Map<String, Object> parameters = new HashMap<>();
        FILTERS.forEach(f -> parameters.put(f, null));
        parameters.put("matches", List.of());
        parameters.put("limit", 10);
        Map<String, Object> given = row(keysAndValues);
        given.keySet().forEach(k -> {
            if (!FILTERS.contains(k) && !WAYS_IN.contains(k)) {
                throw new IllegalArgumentException("not a parameter of the event statements: " + k);
            }
        });
        parameters.putAll(given);
        return parameters;
    }

    private static List<String> ids(Transaction tx, Statement statement, Map<String, Object> parameters) {
        return tx.run(statement.cypher(), parameters).list(r -> r.get("eventId").asString());
    }
}
