package org.terroir.trace.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.terroir.testsupport.StatementExamples.row;

import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.terroir.trace.FeatureStatementExamples;

/**
 * The examples of {@link EventStatements}, run against a real Neo4j holding the small Liancheng graph.
 */
class EventStatementsIT extends FeatureStatementExamples {

    EventStatementsIT() {
        super(EventStatements.class);
        String l1 = "01/09520001000010/10/L1";
        String events = """
                MATCH (b1:Batch {key: '01/09520001000010/10/L1'}), (b2:Batch {key: '01/09520001000010/10/L2'}),
                      (brand:Brand {id: 'liancheng-dried-sweet-potato'}), (h1:Hop {id: 'h1'}),
                      (farm:Location {key: '414/9520001000027'}), (hub:Location {key: '414/9520001000034'})
                CREATE (b1)-[:OF_PRODUCT]->(:Product {gtin: '09520001000010'})-[:OF_BRAND]->(brand)
                CREATE (brand)-[:OWNED_BY]->(:Party:Association {gln: '9520011000017'})
                CREATE (carrier:Party:Carrier {gln: '9520099000015', nameEn: 'Express'})
                CREATE (h1)-[:CARRIED_BY]->(carrier)
                CREATE (e1:Event {eventId: 'urn:uuid:e1', type: 'ObjectEvent', action: 'ADD', bizStep: 'commissioning',
                        eventTime: datetime('2026-01-07T09:00:00+08:00')})-[:OBSERVED]->(b1)
                CREATE (e1)-[:AT]->(farm)
                CREATE (e2:Event {eventId: 'urn:uuid:e2', type: 'ObjectEvent', action: 'OBSERVE', bizStep: 'shipping',
                        eventTime: datetime('2026-01-08T04:00:00+08:00')})-[:OBSERVED]->(b1)
                CREATE (e2)-[:READ_AT]->(farm)
                CREATE (e2)-[:INVOLVES {role: 'source', type: 'owning_party'}]->(carrier)
                CREATE (h1)-[:DEPARTED_WITH]->(e2)
                CREATE (:Event {eventId: 'urn:uuid:e3', type: 'ObjectEvent', action: 'OBSERVE', bizStep: 'receiving',
                        eventTime: datetime('2026-01-08T07:00:00+08:00')})-[:OBSERVED]->(b2)
                CREATE (i:Item {key: '01/09520001000010/21/S1'})-[:OF_BATCH]->(b1)
                CREATE (i)-[:PACKED_IN]->(c:Container {key: '00/095200010000000010'})
                CREATE (e4:Event {eventId: 'urn:uuid:e4', type: 'AggregationEvent', action: 'ADD', bizStep: 'packing',
                        eventTime: datetime('2026-01-07T12:00:00Z')})-[:PARENT]->(c)
                CREATE (e4)-[:CHILD]->(i)
                CREATE (e4)-[:AT]->(hub)
                """;
        example(EventStatements.EVENTS_OF_OBJECT, events, eventQuery("object", l1), (rows, tx) -> {
            assertThat(rows).extracting(r -> r.get("eventId").asString()).containsExactly("urn:uuid:e1", "urn:uuid:e2");
            assertThat(rows.getFirst().keys()).containsExactly("eventId", "eventTime");
            assertThat(rows.getFirst().get("eventTime").asOffsetDateTime())
                    .isEqualTo(java.time.OffsetDateTime.parse("2026-01-07T09:00:00+08:00"));
            assertThat(tx.run(EventStatements.EVENTS_OF_OBJECT.cypher(), eventQuery("object", l1, "bizStep", "shipping")).list())
                    .extracting(r -> r.get("eventId").asString()).containsExactly("urn:uuid:e2");
            assertThat(tx.run(EventStatements.EVENTS_OF_OBJECT.cypher(), eventQuery("object", l1,
                    "afterTime", "2026-01-07T09:00:00+08:00", "afterId", "urn:uuid:e1")).list())
                    .as("the page after e1").extracting(r -> r.get("eventId").asString()).containsExactly("urn:uuid:e2");
            assertThat(tx.run(EventStatements.EVENTS_OF_OBJECT.cypher(), eventQuery("object", "00/095200010000000010")).list())
                    .as("a container's events").extracting(r -> r.get("eventId").asString()).containsExactly("urn:uuid:e4");
            assertThat(tx.run(EventStatements.EVENTS_OF_OBJECT.cypher(), eventQuery("object", l1, "carriers", List.of("9520099000015"))).list())
                    .as("what the carrier of h1 sees").extracting(r -> r.get("eventId").asString()).containsExactly("urn:uuid:e2");
            assertThat(tx.run(EventStatements.EVENTS_OF_OBJECT.cypher(), eventQuery("object", l1, "carriers", List.of("9520099000022"))).list())
                    .as("another carrier").isEmpty();
            tx.run("""
                    MATCH (farm:Location {key: '414/9520001000027'})
                    CREATE (farm)-[:OPERATED_BY]->(:Party:Cooperative {gln: '9520011000024'})""").consume();
            assertThat(tx.run(EventStatements.EVENTS_OF_OBJECT.cypher(), eventQuery("object", l1, "operators", List.of("9520011000024"))).list())
                    .as("the cooperative that runs the farm: what happened there").extracting(r -> r.get("eventId").asString())
                    .containsExactly("urn:uuid:e1", "urn:uuid:e2");
            tx.run("""
                    MATCH (b1:Batch {key: '01/09520001000010/10/L1'}), (farm:Location {key: '414/9520001000027'})
                    CREATE (b1)-[:PRODUCED_AT]->(farm)""").consume();
            assertThat(tx.run(EventStatements.EVENTS_OF_OBJECT.cypher(), eventQuery("object", "00/095200010000000010",
                    "operators", List.of("9520011000024"))).list())
                    .as("and about what was produced there, at others' places too").extracting(r -> r.get("eventId").asString())
                    .containsExactly("urn:uuid:e4");
            assertThat(tx.run(EventStatements.EVENTS_OF_OBJECT.cypher(), eventQuery("object", l1, "operators", List.of("9520011000031"))).list())
                    .as("another enterprise").isEmpty();
            assertThat(tx.run(EventStatements.EVENTS_OF_OBJECT.cypher(), eventQuery("object", "00/095200010000000010",
                    "station", "9520001000034")).list())
                    .as("the staff of the station at the hub's GLN").extracting(r -> r.get("eventId").asString()).containsExactly("urn:uuid:e4");
            assertThat(tx.run(EventStatements.EVENTS_OF_OBJECT.cypher(), eventQuery("object", l1, "station", "9520001000034")).list())
                    .as("nothing happened there to L1").isEmpty();
        });
        example(EventStatements.EVENTS_BY_ID, events + """
                SET e2.errorDeclaredAt = datetime('2026-01-09T10:00:00+08:00'), e2.errorReason = 'incorrect_data',
                    e2.correctiveEventIds = ['urn:uuid:c2']""",
                Map.of("ids", List.of("urn:uuid:e2", "urn:uuid:none", "urn:uuid:e1")), (rows, tx) -> {
            assertThat(rows).extracting(r -> r.get("eventId").asString()).containsExactly("urn:uuid:e2", "urn:uuid:e1");
            assertThat(rows.getFirst().get("errorDeclaration").get("reason").asString()).isEqualTo("incorrect_data");
            assertThat(rows.getFirst().get("errorDeclaration").get("correctiveEventIds").asList()).containsExactly("urn:uuid:c2");
            assertThat(rows.get(1).get("errorDeclaration").isNull()).isTrue();
            Record e1 = rows.get(1);
            assertThat(e1.get("type").asString()).isEqualTo("ObjectEvent");
            assertThat(e1.get("action").asString()).isEqualTo("ADD");
            assertThat(e1.get("bizStep").asString()).isEqualTo("commissioning");
            assertThat(e1.get("bizLocation").get("kind").asString()).isEqualTo("farm");
            assertThat(e1.get("bizLocation").get("region").get("code").asString()).isEqualTo("350825100201");
            assertThat(e1.get("readPoint").isNull()).isTrue();
            assertThat(e1.get("objectCount").asLong()).isEqualTo(1);
            assertThat(e1.get("objects").asList(v -> v.get("role").asString() + " " + v.get("kind").asString() + " "
                    + v.get("key").asString())).containsExactly("OBSERVED Batch " + l1);
            Record e2 = rows.getFirst();
            assertThat(e2.get("readPoint").get("key").asString()).isEqualTo("414/9520001000027");
            assertThat(e2.get("parties").asList(v -> v.get("role").asString() + " " + v.get("type").asString() + " "
                    + v.get("party").get("kind").asString())).containsExactly("source owning_party Carrier");
        });
        example(EventStatements.EVENTS_AT_LOCATION, events, eventQuery("location", "414/9520001000027", "until", "2026-01-08T04:00:00+08:00"),
                (rows, tx) -> assertThat(rows).extracting(r -> r.get("eventId").asString())
                        .as("e2 was read at the farm but at the window's end").containsExactly("urn:uuid:e1"));
        example(EventStatements.EVENTS_IN_TIME, events, eventQuery("start", "0001-01-01T00:00:00Z"), (rows, tx) -> {
            assertThat(rows).extracting(r -> r.get("eventId").asString())
                    .as("in time order, whatever their offsets")
                    .containsExactly("urn:uuid:e1", "urn:uuid:e4", "urn:uuid:e2", "urn:uuid:e3");
            assertThat(tx.run(EventStatements.EVENTS_IN_TIME.cypher(), eventQuery("start", "0001-01-01T00:00:00Z",
                    "brandOwners", List.of("9520011000017"))).list())
                    .as("the association sees its brand's lot, and the case its item was packed in; not L2")
                    .extracting(r -> r.get("eventId").asString()).containsExactly("urn:uuid:e1", "urn:uuid:e4", "urn:uuid:e2");
            assertThat(tx.run(EventStatements.EVENTS_IN_TIME.cypher(), eventQuery("start", "2026-01-07T00:00:00+08:00",
                    "type", "AggregationEvent", "location", "414/9520001000034")).list())
                    .extracting(r -> r.get("eventId").asString()).containsExactly("urn:uuid:e4");
        });
        String carried = events + """
                CREATE (h2:Hop {id: 'h2', departed: datetime('2026-01-09T10:00:00+08:00')})-[:CARRIED_BY]->(carrier)
                CREATE (h2)-[:MOVED]->(c)
                CREATE (h2)-[:MOVED]->(b2)
                CREATE (:Hop {id: 'h3', departed: datetime('2026-01-09T11:00:00+08:00')})
                       -[:CARRIED_BY]->(:Party:Carrier {gln: '9520099000022'})
                """;
        example(EventStatements.HOPS_CARRIED, carried, row("carrier", "9520099000015", "start", "0001-01-01T00:00:00Z", "until", null,
                "afterTime", null, "afterId", null, "limit", 10), (rows, tx) -> {
                    assertThat(rows).extracting(r -> r.get("id").asString()).containsExactly("h1", "h2");
                    assertThat(rows.getFirst().get("departed").asOffsetDateTime())
                            .isEqualTo(java.time.OffsetDateTime.parse("2026-01-08T04:00:00+08:00"));
                    assertThat(tx.run(EventStatements.HOPS_CARRIED.cypher(), row("carrier", "9520099000015",
                            "start", "2026-01-08T04:00:00+08:00", "until", "2026-01-10T00:00:00+08:00",
                            "afterTime", "2026-01-08T04:00:00+08:00", "afterId", "h1", "limit", 10)).list())
                            .as("the page after h1").extracting(r -> r.get("id").asString()).containsExactly("h2");
                });
        example(EventStatements.HOPS_BY_ID, carried, Map.of("ids", List.of("h2", "h1")), (rows, tx) -> {
            assertThat(rows).extracting(r -> r.get("id").asString()).containsExactly("h2", "h1");
            Record h1 = rows.get(1);
            assertThat(h1.get("from").get("kind").asString()).isEqualTo("farm");
            assertThat(h1.get("carrier").get("gln").asString()).isEqualTo("9520099000015");
            assertThat(h1.get("moved").asList(v -> v.get("kind").asString() + " " + v.get("key").asString()))
                    .containsExactly("Batch " + l1);
            assertThat(rows.getFirst().get("movedCount").asLong()).isEqualTo(2);
            assertThat(rows.getFirst().get("moved").asList(v -> v.get("kind").asString()))
                    .containsExactly("Container", "Batch");
        });
    }

    /** The parameters of an event query: every filter null but those given, the first page of 10. */
    private static Map<String, Object> eventQuery(Object... keysAndValues) {
        Map<String, Object> parameters = row("bizStep", null, "type", null, "location", null, "from", null, "until", null,
                "afterTime", null, "afterId", null, "brandOwners", null, "carriers", null, "operators", null, "station", null, "limit", 10);
        parameters.putAll(row(keysAndValues));
        return parameters;
    }
}
