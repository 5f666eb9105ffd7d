package org.terroir.importer.epcis.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.terroir.testsupport.StatementExamples.count;
import static org.terroir.testsupport.StatementExamples.row;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.terroir.model.cypher.Statement;
import org.terroir.store.Schema;
import org.terroir.testsupport.StatementExamples;
import org.terroir.testsupport.TestNeo4j;

/**
 * Runs every statement of {@link EpcisStatements} against a real Neo4j holding a small graph
 * ({@code liancheng-small}) and checks what it writes or answers, each in its own transaction,
 * rolled back. A statement added without an example here fails the test "every statement has an
 * example".
 */
class EpcisStatementsIT {

    private static final Driver driver = TestNeo4j.get().driver();
    private static final StatementExamples<Statement> EXAMPLES =
            new StatementExamples<>(Statement::name, Statement::cypher, Statement::parameters);

    static {
        java.time.OffsetDateTime t0 = java.time.OffsetDateTime.parse("2026-01-07T20:00:00+08:00");
        EXAMPLES.example(EpcisStatements.EPCIS_EXISTING_EVENTS, "CREATE (:Event {eventId: 'urn:uuid:e1'})",
                Map.of("ids", List.of("urn:uuid:e1", "urn:uuid:e2")),
                (rows, tx) -> assertThat(rows.getFirst().get("found").asList()).containsExactly("urn:uuid:e1"));
        EXAMPLES.example(EpcisStatements.EPCIS_EXISTING_HASHES, """
                CREATE (:Event {eventId: 'urn:uuid:e1', hash: 'ni:///sha-256;01?ver=CBV2.0'}),
                       (:Event {eventId: 'urn:uuid:e3', hash: 'ni:///sha-256;03?ver=CBV2.0', errorDeclaredAt: datetime()})""",
                Map.of("hashes", List.of("ni:///sha-256;01?ver=CBV2.0", "ni:///sha-256;02?ver=CBV2.0", "ni:///sha-256;03?ver=CBV2.0")),
                (rows, tx) -> {
                    assertThat(rows.getFirst().get("found").asList()).containsExactlyInAnyOrder("ni:///sha-256;01?ver=CBV2.0",
                            "ni:///sha-256;03?ver=CBV2.0");
                    assertThat(rows.getFirst().get("declared").asList()).containsExactly("ni:///sha-256;03?ver=CBV2.0");
                });
        EXAMPLES.example(EpcisStatements.EPCIS_DECLARE_ERRORS, """
                CREATE (:Event {eventId: 'urn:uuid:e1', hash: 'ni:///sha-256;01?ver=CBV2.0'}),
                       (:Event {eventId: 'urn:uuid:e2', hash: 'ni:///sha-256;02?ver=CBV2.0'}),
                       (:Event {eventId: 'urn:uuid:e3', hash: 'ni:///sha-256;03?ver=CBV2.0'})""",
                Map.of("rows", List.of(
                        // a declaration under the event's own id, and one under an id of its own naming the event by hash
                        row("eventId", "urn:uuid:e1", "hash", "ni:///sha-256;01?ver=CBV2.0", "errorDeclaredAt", t0,
                                "errorReason", "incorrect_data", "correctiveEventIds", List.of("urn:uuid:c1")),
                        row("eventId", "urn:uuid:d2", "hash", "ni:///sha-256;02?ver=CBV2.0", "errorDeclaredAt", t0,
                                "errorReason", null, "correctiveEventIds", List.of()))),
                (rows, tx) -> {
                    assertThat(tx.run("""
                            MATCH (e:Event) WHERE e.errorDeclaredAt IS NOT NULL
                            RETURN e.eventId AS id, e.errorReason AS reason, e.correctiveEventIds AS corrective ORDER BY id""")
                            .list(r -> r.get("id").asString() + " " + r.get("reason") + " " + r.get("corrective").asList()))
                            .containsExactly("urn:uuid:e1 \"incorrect_data\" [urn:uuid:c1]", "urn:uuid:e2 NULL []");
                    assertThat(count(tx, "MATCH (e:Event {eventId: 'urn:uuid:d2'}) RETURN count(e)")).as("no copy").isZero();
                });
        EXAMPLES.example(EpcisStatements.EPCIS_EVENTS, "CREATE (:CaptureJob {id: 'job-1'}), (:CaptureJob {id: 'job-2'})",
                Map.of("job", "job-1", "rows", List.of(row("eventId", "urn:uuid:e1", "type", "ObjectEvent",
                        "action", "OBSERVE", "bizStep", "shipping", "disposition", "in_transit", "eventTime", t0,
                        "eventTimeZoneOffset", "+08:00", "recordTime", null, "hash", "ni:///sha-256;00?ver=CBV2.0",
                        "bizTransactions", List.of(), "certificationInfo", List.of(), "extensions", null, "document", "d.jsonld",
                        "readPoint", List.of("414/9520001000027"), "bizLocation", List.of(),
                        "parties", List.of(row("gln", "9520099000015", "role", "source", "type", "possessing_party"))))),
                (rows, tx) -> {
                    assertThat(count(tx, """
                            MATCH (:Location {kind: 'farm'})<-[:READ_AT]-(e:Event {eventId: 'urn:uuid:e1', bizStep: 'shipping'})
                                  -[:INVOLVES {role: 'source', type: 'possessing_party'}]->(:Party {gln: '9520099000015'})
                            RETURN count(e)""")).isEqualTo(1);
                    assertThat(tx.run("MATCH (e:Event) RETURN e.eventTime AS t").single().get("t").asOffsetDateTime()).isEqualTo(t0);
                    assertThat(tx.run("MATCH (e:Event)-[:CAPTURED_IN]->(j:CaptureJob) RETURN e.eventId + ' ' + j.id AS link")
                            .list(r -> r.get("link").asString())).as("its job's, once").containsExactly("urn:uuid:e1 job-1");
                });
        EXAMPLES.example(EpcisStatements.EPCIS_OBJECTS, "CREATE (:Event {eventId: 'urn:uuid:e1'})",
                Map.of("rows", List.of(
                        row("eventId", "urn:uuid:e1", "label", "Batch", "rel", "OUTPUT", "key", "01/09520001000010/10/P1",
                                "gtin", "09520001000010", "lot", "P1", "serial", null, "sscc", null, "quantity", 500.0, "uom", null,
                                "batchKey", List.of(), "producedAt", List.of("414/9520001000027")),
                        row("eventId", "urn:uuid:e1", "label", "Item", "rel", "OBSERVED", "key", "01/09520001000010/21/S1",
                                "gtin", "09520001000010", "lot", "P1", "serial", "S1", "sscc", null, "quantity", null, "uom", null,
                                "batchKey", List.of("01/09520001000010/10/P1"), "producedAt", List.of()),
                        row("eventId", "urn:uuid:e1", "label", "Container", "rel", "PARENT", "key", "00/095200010000000010",
                                "gtin", null, "lot", null, "serial", null, "sscc", "095200010000000010", "quantity", null, "uom", null,
                                "batchKey", List.of(), "producedAt", List.of()))),
                (rows, tx) -> {
                    assertThat(count(tx, """
                            MATCH (e:Event {eventId: 'urn:uuid:e1'})-[o:OUTPUT]->(b:Batch {key: '01/09520001000010/10/P1'})
                                  -[:PRODUCED_AT]->(:Location {kind: 'farm'})
                            MATCH (b)-[:OF_PRODUCT]->(:Product {gtin: '09520001000010'})
                            MATCH (e)-[:OBSERVED]->(:Item {serial: 'S1'})-[:OF_BATCH]->(b)
                            MATCH (e)-[:PARENT]->(:Container {sscc: '095200010000000010'})
                            RETURN sum(o.quantity)""")).isEqualTo(500);
                    assertThat(tx.run("MATCH ()-[r:PRODUCED_AT|OF_BATCH]->() RETURN collect(r.by) AS by").single().get("by")
                            .asList(v -> v.asList())).as("the place of production and the lot record their event")
                            .containsExactly(List.of("urn:uuid:e1"), List.of("urn:uuid:e1"));
                });
        EXAMPLES.example(EpcisStatements.EPCIS_MADE_FROM, "CREATE (:Batch {key: '01/09520001000010/10/P1'})",
                Map.of("rows", List.of(row("output", "01/09520001000010/10/P1", "input", "01/09520001000010/10/L1", "eventId", "urn:uuid:t1"),
                        row("output", "01/09520001000010/10/P1", "input", "01/09520001000010/10/L1", "eventId", "urn:uuid:t2"),
                        row("output", "01/09520001000010/10/P1", "input", "01/09520001000010/10/L1", "eventId", "urn:uuid:t1"))),
                (rows, tx) -> assertThat(tx.run("""
                        MATCH (:Batch {key: '01/09520001000010/10/P1'})-[m:MADE_FROM]->(:Batch {lot: 'L1'}) RETURN m.by AS by""")
                        .single().get("by").asList()).as("one relationship, each asserting event once")
                        .containsExactly("urn:uuid:t1", "urn:uuid:t2"));
        EXAMPLES.example(EpcisStatements.EPCIS_PACKED_IN,
                "CREATE (:Container {key: '00/095200010000000010'}), (:Item {key: '01/09520001000010/21/S1'})",
                Map.of("rows", List.of(
                        row("parent", "00/095200010000000010", "child", "01/09520001000010/21/S1", "added", true, "eventTime", t0,
                                "eventId", "urn:uuid:a1"),
                        row("parent", "00/095200010000000010", "child", "01/09520001000010/21/S1", "added", false,
                                "eventTime", t0.plusHours(2), "eventId", "urn:uuid:a2"))),
                (rows, tx) -> {
                    Record packed = tx.run("""
                            MATCH (:Item)-[r:PACKED_IN]->(:Container) RETURN r.since AS since, r.until AS until, r.by AS by, r.untilBy AS untilBy""")
                            .single();
                    assertThat(packed.get("since").asOffsetDateTime()).isEqualTo(t0);
                    assertThat(packed.get("until").asOffsetDateTime()).isEqualTo(t0.plusHours(2));
                    assertThat(packed.get("by").asList()).containsExactly("urn:uuid:a1");
                    assertThat(packed.get("untilBy").asString()).isEqualTo("urn:uuid:a2");
                });
        EXAMPLES.example(EpcisStatements.EPCIS_HOPS, "CREATE (:Event {eventId: 'urn:uuid:e1'})",
                Map.of("rows", List.of(row("eventId", "urn:uuid:e1", "id", "hop-1",
                        "from", "414/9520001000027", "to", "414/9520001000034", "moved", List.of("01/09520001000010/10/L1"),
                        "carrier", List.of("9520099000015"), "departed", t0, "arrived", null))),
                (rows, tx) -> {
                    assertThat(count(tx, """
                            MATCH (:Location {kind: 'farm'})<-[:FROM]-(h:Hop {id: 'hop-1'})-[:TO]->(:Location {kind: 'carrier_hub'})
                            MATCH (h)-[:MOVED]->(:Batch {lot: 'L1'})
                            MATCH (h)-[:DEPARTED_WITH]->(:Event {eventId: 'urn:uuid:e1'})
                            MATCH (h)-[:CARRIED_BY]->(:Party {gln: '9520099000015'})
                            WHERE h.arrived IS NULL
                            RETURN count(h)""")).isEqualTo(1);
                    assertThat(count(tx, "MATCH (h:Hop)-[:FROM]->() RETURN count(h)")).isEqualTo(2);
                });
        EXAMPLES.example(EpcisStatements.MASTER_EPCIS_LOCATIONS, "MATCH (l:Location {key: '414/9520001000027'}) SET l.nameZh = '站'",
                Map.of("rows", List.of(row("key", "414/9520001000027", "gln", "9520001000027", "extension", null,
                        "nameZh", null, "nameEn", "Xiwei village station", "latitude", 25.81, "longitude", 116.79,
                        "masterData", "{\"urn:epcglobal:cbv:mda#name\":\"Xiwei village station\"}"))),
                (rows, tx) -> assertThat(tx.run("""
                        MATCH (l:Location {key: '414/9520001000027'})
                        RETURN l.kind AS kind, l.nameZh AS zh, l.nameEn AS en, l.latitude AS lat, l.masterData AS md""").single().asMap())
                        .as("what the element says replaces, what it does not stays").containsEntry("kind", "farm")
                        .containsEntry("zh", "站").containsEntry("en", "Xiwei village station").containsEntry("lat", 25.81)
                        .containsEntry("md", "{\"urn:epcglobal:cbv:mda#name\":\"Xiwei village station\"}"));
        EXAMPLES.example(EpcisStatements.MASTER_EPCIS_WITHIN, Map.of("rows", List.of(row("child", "414/9520001000027/254/1", "parent", "414/9520001000027"))),
                (rows, tx) -> assertThat(count(tx, """
                        MATCH (:Location {key: '414/9520001000027/254/1'})-[:WITHIN]->(:Location {kind: 'farm'})
                        RETURN count(*)""")).isEqualTo(1));
        EXAMPLES.example(EpcisStatements.EPCIS_BACKFILL, """
                CREATE (:Event {eventId: 'urn:uuid:old'}), (:Event {eventId: 'urn:uuid:new', epcis: '{"type": "ObjectEvent"}',
                                                               identifiers: ['epc 01/1']})""",
                Map.of("rows", List.of(row("eventId", "urn:uuid:old", "epcis", "{}", "identifiers", List.of("epc k")),
                        row("eventId", "urn:uuid:new", "epcis", "{}", "identifiers", List.of("epc k")))),
                (rows, tx) -> assertThat(tx.run("MATCH (e:Event) RETURN e.eventId AS id, e.epcis AS epcis ORDER BY id")
                        .list(r -> r.get("id").asString() + " " + r.get("epcis").asString()))
                        .as("what lacked it gets it; what has it keeps it").containsExactly("urn:uuid:new {\"type\": \"ObjectEvent\"}",
                                "urn:uuid:old {}"));
        EXAMPLES.example(EpcisStatements.MASTER_EPCIS_PARTIES, Map.of("rows", List.of(row("gln", "9520011000024", "nameZh", "合作社", "nameEn", null,
                        "masterData", "{}"))),
                (rows, tx) -> assertThat(count(tx, "MATCH (p:Party {gln: '9520011000024', nameZh: '合作社'}) RETURN count(p)")).isEqualTo(1));
        EXAMPLES.example(EpcisStatements.MASTER_EPCIS_PRODUCTS, Map.of("rows", List.of(row("gtin", "09520001000010", "nameZh", "地瓜干", "nameEn", null,
                        "masterData", "{}"))),
                (rows, tx) -> assertThat(count(tx, """
                        MATCH (p:Product {gtin: '09520001000010', nameZh: '地瓜干'}) RETURN count(p)""")).isEqualTo(1));
    }

    @TestFactory
    List<DynamicTest> everyStatementRunsAgainstNeo4j() {
        return EXAMPLES.tests(driver, Schema::migrate, EpcisStatements.all());
    }
}
