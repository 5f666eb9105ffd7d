package org.terroir.importer.epcis.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.terroir.model.cypher.Catalogue;
import org.terroir.model.schema.Migrations;
import org.terroir.testsupport.TestNeo4j;

/**
 * Error declarations into a real Neo4j: an event that repeats another with an
 * {@code errorDeclaration} (the same GS1 event hash, which leaves the declaration out) marks that
 * event erroneous, with the declaration's time, reason and corrective events; it never becomes a
 * second, unmarked copy, whatever the order the two arrive in, in one document or two, under the
 * event's id or one of its own. The shapes are those of GS1's ErrorDeclarationAndCorrectiveEvent
 * example: the erroneous event, its declaration, and the corrective event that replaces it.
 */
class ErrorDeclarationImportIT {

    @TempDir
    Path dir;

    private final Driver driver = TestNeo4j.get().driver();

    @BeforeEach
    void emptyGraph() {
        TestNeo4j.get().clear();
        Migrations.shipped().apply(driver);
    }

    /** A Ningxia beef lot shipped from the Wuzhong slaughterhouse: the wrong lot, as it turned out. */
    private static final String SHIPPED = """
            {%s"type": "ObjectEvent", "eventTime": "2026-11-20T08:10:00+08:00", "eventTimeZoneOffset": "+08:00",
             "epcList": ["https://id.gs1.org/01/09520001000010/21/1001"], "action": "OBSERVE", "bizStep": "shipping",
             "readPoint": {"id": "https://id.gs1.org/414/9520001000017"},
             "destinationList": [{"type": "location", "destination": "https://id.gs1.org/414/9520001000024"}]%s}""";

    private static final String DECLARATION = """
            , "errorDeclaration": {"declarationTime": "2026-11-21T10:00:00+08:00", "reason": "incorrect_data",
               "correctiveEventIDs": ["urn:uuid:404d95fc-9457-4a51-bd6a-0bba133845a8"]}""";

    /** The corrective event: the right serial. */
    private static final String CORRECTIVE = """
            {"eventID": "urn:uuid:404d95fc-9457-4a51-bd6a-0bba133845a8", "type": "ObjectEvent",
             "eventTime": "2026-11-20T08:10:00+08:00", "eventTimeZoneOffset": "+08:00",
             "epcList": ["https://id.gs1.org/01/09520001000010/21/1002"], "action": "OBSERVE", "bizStep": "shipping",
             "readPoint": {"id": "https://id.gs1.org/414/9520001000017"},
             "destinationList": [{"type": "location", "destination": "https://id.gs1.org/414/9520001000024"}]}""";

    private static String shipped(String eventId, boolean declared) {
        return SHIPPED.formatted(eventId == null ? "" : "\"eventID\": \"" + eventId + "\", ", declared ? DECLARATION : "");
    }

    private Path document(String name, String... events) throws IOException {
        return Files.writeString(dir.resolve(name), """
                {"@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"],
                 "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-11-21T10:00:00+08:00",
                 "epcisBody": {"eventList": [%s]}}""".formatted(String.join(",\n", events)));
    }

    private void importAll(Path... documents) {
        EpcisImport events = new EpcisImport(driver);
        for (Path document : documents) {
            assertThat(events.run(document, n -> {}).imported()).as(document.toString()).isTrue();
        }
    }

    /** The events that observed serial 1001: id, and the declaration's time, reason and corrective ids. */
    private List<String> shippedEvents() {
        return driver.executableQuery("""
                        MATCH (e:Event)-[:OBSERVED]->(:Item {key: '01/09520001000010/21/1001'})
                        RETURN e.eventId AS id, toString(e.errorDeclaredAt) AS at, e.errorReason AS reason,
                               e.correctiveEventIds AS corrective
                        ORDER BY id""").execute().records().stream()
                .map(ErrorDeclarationImportIT::describe).toList();
    }

    private static String describe(Record r) {
        return (r.get("at").isNull() ? "unmarked" : "declared " + r.get("at").asString() + " " + r.get("reason").asString()
                + " " + r.get("corrective").asList());
    }

    private long count(String cypher) {
        return driver.executableQuery(cypher).execute().records().getFirst().get(0).asLong();
    }

    private static final String MARKED = "declared 2026-11-21T02:00:00Z incorrect_data [urn:uuid:404d95fc-9457-4a51-bd6a-0bba133845a8]";

    @Test
    void aDeclarationInALaterDocumentMarksTheEventItRepeatsAndTheCorrectiveEventStandsBesideIt() throws IOException {
        importAll(document("shipped.jsonld", shipped(null, false)),
                document("declared.jsonld", shipped(null, true), CORRECTIVE));

        assertThat(shippedEvents()).containsExactly(MARKED);
        assertThat(count("MATCH (e:Event {eventId: 'urn:uuid:404d95fc-9457-4a51-bd6a-0bba133845a8'}) "
                + "WHERE e.errorDeclaredAt IS NULL RETURN count(e)")).isEqualTo(1);
        assertThat(count("MATCH (e:Event) RETURN count(e)")).isEqualTo(2);
    }

    @Test
    void theErroneousShipmentIsNoPartOfAJourneyAndTheEventsSayWhatTheDeclarationSaid() throws IOException {
        importAll(document("shipped.jsonld", shipped(null, false)),
                document("declared.jsonld", shipped(null, true), CORRECTIVE));

        List<String> journeys = driver.executableQuery(Catalogue.TRACE_ITEM_JOURNEYS.cypher())
                .withParameters(Map.of("keys", List.of("01/09520001000010/21/1001", "01/09520001000010/21/1002")))
                .execute().records().stream().map(r -> r.get("item").asString() + " " + r.get("to").get("key").asString()).toList();
        assertThat(journeys).as("the wrong serial's hop is left out; the corrective event's stands")
                .containsExactly("01/09520001000010/21/1002 414/9520001000024");
        assertThat(count("MATCH (h:Hop) RETURN count(h)")).as("both hops are in the graph").isEqualTo(2);

        String declared = driver.executableQuery("MATCH (e:Event)-[:OBSERVED]->(:Item {serial: '1001'}) RETURN e.eventId AS id")
                .execute().records().getFirst().get("id").asString();
        Record event = driver.executableQuery(Catalogue.EVENTS_BY_ID.cypher()).withParameters(Map.of("ids", List.of(declared)))
                .execute().records().getFirst();
        assertThat(event.get("errorDeclaration").get("reason").asString()).isEqualTo("incorrect_data");
        assertThat(event.get("errorDeclaration").get("correctiveEventIds").asList())
                .containsExactly("urn:uuid:404d95fc-9457-4a51-bd6a-0bba133845a8");
    }

    @Test
    void aDeclarationUnderAnEventIdOfItsOwnMarksTheEventByItsHashAndMakesNoCopy() throws IOException {
        importAll(document("shipped.jsonld", shipped("urn:uuid:6a0f2c1e-0001-4000-8000-000000000001", false)),
                document("declared.jsonld", shipped("urn:uuid:6a0f2c1e-0002-4000-8000-000000000002", true)));

        assertThat(shippedEvents()).containsExactly(MARKED);
        assertThat(count("MATCH (e:Event {eventId: 'urn:uuid:6a0f2c1e-0001-4000-8000-000000000001'}) RETURN count(e)"))
                .as("the event keeps its id").isEqualTo(1);
    }

    @Test
    void aDeclarationThatArrivesBeforeItsEventStandsForItAndTheEventIsNotWrittenAgain() throws IOException {
        importAll(document("declared.jsonld", shipped("urn:uuid:6a0f2c1e-0002-4000-8000-000000000002", true)),
                document("shipped.jsonld", shipped("urn:uuid:6a0f2c1e-0001-4000-8000-000000000001", false)));

        assertThat(shippedEvents()).containsExactly(MARKED);
    }

    @Test
    void anEventAndItsDeclarationInOneDocumentAreOneMarkedEventInEitherOrder() throws IOException {
        importAll(document("both.jsonld", shipped(null, false), shipped(null, true)));
        assertThat(shippedEvents()).containsExactly(MARKED);

        TestNeo4j.get().clear();
        Migrations.shipped().apply(driver);
        importAll(document("reversed.jsonld", shipped(null, true), shipped(null, false)));
        assertThat(shippedEvents()).containsExactly(MARKED);
    }

    @Test
    void importingTheDocumentsAgainChangesNothing() throws IOException {
        Path shipped = document("shipped.jsonld", shipped(null, false));
        Path declared = document("declared.jsonld", shipped("urn:uuid:6a0f2c1e-0002-4000-8000-000000000002", true), CORRECTIVE);
        importAll(shipped, declared);
        Map<String, Object> before = census();

        importAll(declared, shipped, declared);

        assertThat(census()).isEqualTo(before);
        assertThat(shippedEvents()).containsExactly(MARKED);
    }

    private Map<String, Object> census() {
        return Map.of("nodes", count("MATCH (n) RETURN count(n)"), "relationships", count("MATCH ()-[r]->() RETURN count(r)"),
                "properties", count("MATCH (n) RETURN sum(size(keys(n)))"));
    }
}
