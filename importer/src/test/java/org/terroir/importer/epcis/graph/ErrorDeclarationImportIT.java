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
import org.terroir.store.Schema;
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
        Schema.migrate(driver);
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

        List<String> hops = driver.executableQuery("""
                MATCH (i:Item)<-[:MOVED]-(h:Hop)-[:TO]->(to:Location)
                RETURN i.key + ' ' + to.key + ' ' + (EXISTS { (h)-[:DEPARTED_WITH|ARRIVED_WITH]->(e:Event) WHERE e.errorDeclaredAt IS NULL })
                       AS hop ORDER BY hop""").execute().records().stream().map(r -> r.get("hop").asString()).toList();
        assertThat(hops).as("the wrong serial's hop rests only on the declared event (so journeys leave it out); the corrective event's stands")
                .containsExactly("01/09520001000010/21/1001 414/9520001000024 false", "01/09520001000010/21/1002 414/9520001000024 true");
        assertThat(count("MATCH (h:Hop) RETURN count(h)")).as("both hops are in the graph").isEqualTo(2);

        String declared = driver.executableQuery("MATCH (e:Event)-[:OBSERVED]->(:Item {serial: '1001'}) RETURN e.eventId AS id")
                .execute().records().getFirst().get("id").asString();
        Record event = driver.executableQuery("MATCH (e:Event {eventId: $id}) RETURN e.errorReason AS reason, e.correctiveEventIds AS corrective")
                .withParameters(Map.of("id", declared)).execute().records().getFirst();
        assertThat(event.get("reason").asString()).isEqualTo("incorrect_data");
        assertThat(event.get("corrective").asList())
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
        Schema.migrate(driver);
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

    // What an erroneous event derived: the place of production, the lot, the transformation, the packing.

    /** Halal beef cuts commissioned at the slaughterhouse, lot from the ILMD; {@code %s}: eventID, location, lot, declaration. */
    private static final String COMMISSIONED = """
            {%s"type": "ObjectEvent", "eventTime": "2026-11-19T06:00:00+08:00", "eventTimeZoneOffset": "+08:00",
             "epcList": ["https://id.gs1.org/01/09520001000010/21/2001", "https://id.gs1.org/01/09520001000010/21/2002"],
             "action": "ADD", "bizStep": "commissioning", "disposition": "active",
             "readPoint": {"id": "https://id.gs1.org/414/%s"}, "bizLocation": {"id": "https://id.gs1.org/414/%s"},
             "ilmd": {"cbvmda:lotNumber": "%s"}%s}""";

    /** Beef sausages (lot SG01) made from a lot of cuts; {@code %s}: eventID, input lot, declaration. */
    private static final String TRANSFORMED = """
            {%s"type": "TransformationEvent", "eventTime": "2026-11-22T09:00:00+08:00", "eventTimeZoneOffset": "+08:00",
             "inputQuantityList": [{"epcClass": "https://id.gs1.org/01/09520001000010/10/%s", "quantity": 120, "uom": "KGM"}],
             "outputQuantityList": [{"epcClass": "https://id.gs1.org/01/09520001000034/10/SG01", "quantity": 400, "uom": "KGM"}],
             "bizStep": "commissioning", "readPoint": {"id": "https://id.gs1.org/414/9520001000017"},
             "bizLocation": {"id": "https://id.gs1.org/414/9520001000017"}%s}""";

    /** Cuts 2001 and 2002 packed on (ADD) or taken off (DELETE) a pallet; {@code %s}: eventID, action, SSCC, declaration. */
    private static final String PACKED = """
            {%s"type": "AggregationEvent", "eventTime": "2026-11-20T07:30:00+08:00", "eventTimeZoneOffset": "+08:00",
             "parentID": "https://id.gs1.org/00/%s", "action": "%s", "bizStep": "%s",
             "childEPCs": ["https://id.gs1.org/01/09520001000010/21/2001", "https://id.gs1.org/01/09520001000010/21/2002"],
             "readPoint": {"id": "https://id.gs1.org/414/9520001000017"}%s}""";

    private static final String WUZHONG = "9520001000017";
    private static final String TONGXIN = "9520001000041";
    private static final String RIGHT_PALLET = "095200010000000010";
    private static final String WRONG_PALLET = "095200010000000027";

    private static String id(String eventId) {
        return eventId == null ? "" : "\"eventID\": \"" + eventId + "\", ";
    }

    private static String commissioned(String eventId, String location, String lot, boolean declared) {
        return COMMISSIONED.formatted(id(eventId), location, location, lot, declared ? DECLARATION : "");
    }

    private static String transformed(String eventId, String inputLot, boolean declared) {
        return TRANSFORMED.formatted(id(eventId), inputLot, declared ? DECLARATION : "");
    }

    private static String packed(String eventId, String sscc, boolean added, boolean declared) {
        return PACKED.formatted(id(eventId), sscc, added ? "ADD" : "DELETE", added ? "packing" : "unpacking",
                declared ? DECLARATION : "");
    }

    private List<String> pairs(String cypher) {
        return driver.executableQuery(cypher).execute().records().stream().map(r -> r.get(0).asString()).sorted().toList();
    }

    private List<String> producedAt() {
        return pairs("MATCH (i:Item)-[:PRODUCED_AT]->(l:Location) RETURN i.serial + ' ' + l.key");
    }

    private List<String> lots() {
        return pairs("MATCH (i:Item)-[:OF_BATCH]->(b:Batch) RETURN i.serial + ' ' + b.lot");
    }

    private List<String> madeFrom() {
        return pairs("MATCH (o:Batch)-[:MADE_FROM]->(i:Batch) RETURN o.lot + ' <- ' + i.lot");
    }

    private List<String> packings() {
        return pairs("MATCH (c:Item)-[p:PACKED_IN]->(s:Container) "
                + "RETURN c.serial + ' ' + s.sscc + CASE WHEN p.until IS NULL THEN '' ELSE ' until ' + toString(p.until) END");
    }

    @Test
    void anErroneousCommissioningNoLongerSaysWhereOrInWhichLotTheItemsWereMadeAndItsCorrectionDoes() throws IOException {
        importAll(document("commissioned.jsonld", commissioned(null, TONGXIN, "WZ2611A", false)));
        assertThat(producedAt()).containsExactly("2001 414/" + TONGXIN, "2002 414/" + TONGXIN);
        assertThat(lots()).containsExactly("2001 WZ2611A", "2002 WZ2611A");

        importAll(document("corrected.jsonld", commissioned(null, TONGXIN, "WZ2611A", true),
                commissioned("urn:uuid:404d95fc-9457-4a51-bd6a-0bba133845a8", WUZHONG, "WZ2611B", false)));

        assertThat(producedAt()).containsExactly("2001 414/" + WUZHONG, "2002 414/" + WUZHONG);
        assertThat(lots()).containsExactly("2001 WZ2611B", "2002 WZ2611B");
        assertThat(count("MATCH (:Event)-[:OBSERVED]->(i:Item) RETURN count(i)"))
                .as("both events still name the items: the event queries show what the erroneous one claimed").isEqualTo(4);
    }

    @Test
    void anErroneousTransformationNoLongerMakesItsOutputFromItsInputsAndTheCorrectiveOneDoes() throws IOException {
        importAll(document("made.jsonld", transformed(null, "WZ2611A", false)));
        assertThat(madeFrom()).containsExactly("SG01 <- WZ2611A");

        importAll(document("corrected.jsonld", transformed(null, "WZ2611A", true),
                transformed("urn:uuid:404d95fc-9457-4a51-bd6a-0bba133845a8", "WZ2611B", false)));

        assertThat(madeFrom()).containsExactly("SG01 <- WZ2611B");
    }

    @Test
    void anErroneousPackingIsUndoneAndAnErroneousUnpackingNoLongerEndsOne() throws IOException {
        importAll(document("packed.jsonld", packed(null, WRONG_PALLET, true, false), packed(null, RIGHT_PALLET, true, false),
                packed(null, RIGHT_PALLET, false, false)));
        assertThat(packings()).containsExactly("2001 " + RIGHT_PALLET + " until 2026-11-20T07:30:00+08:00",
                "2001 " + WRONG_PALLET, "2002 " + RIGHT_PALLET + " until 2026-11-20T07:30:00+08:00", "2002 " + WRONG_PALLET);

        importAll(document("corrected.jsonld", packed(null, WRONG_PALLET, true, true), packed(null, RIGHT_PALLET, false, true)));

        assertThat(packings()).containsExactly("2001 " + RIGHT_PALLET, "2002 " + RIGHT_PALLET);
    }

    @Test
    void whatAnotherStandingEventAlsoAssertsStays() throws IOException {
        importAll(document("made.jsonld", transformed("urn:uuid:6a0f2c1e-0001-4000-8000-000000000001", "WZ2611A", false)),
                document("again.jsonld", TRANSFORMED.formatted(id("urn:uuid:6a0f2c1e-0003-4000-8000-000000000003"), "WZ2611A", "")
                        .replace("09:00:00", "09:05:00")));

        importAll(document("declared.jsonld", transformed(null, "WZ2611A", true)));

        assertThat(count("MATCH (e:Event {eventId: 'urn:uuid:6a0f2c1e-0001-4000-8000-000000000001'}) "
                + "WHERE e.errorDeclaredAt IS NOT NULL RETURN count(e)")).isEqualTo(1);
        assertThat(madeFrom()).as("the transformation at 09:05 says so too").containsExactly("SG01 <- WZ2611A");
    }

    @Test
    void aDeclarationThatArrivesFirstDerivesNothingAndItsEventAddsNothingLater() throws IOException {
        importAll(document("declared.jsonld", transformed(null, "WZ2611A", true), commissioned(null, TONGXIN, "WZ2611A", true),
                packed(null, WRONG_PALLET, true, true)));
        importAll(document("late.jsonld", transformed(null, "WZ2611A", false), commissioned(null, TONGXIN, "WZ2611A", false),
                packed(null, WRONG_PALLET, true, false)));

        assertThat(madeFrom()).isEmpty();
        assertThat(producedAt()).isEmpty();
        assertThat(lots()).isEmpty();
        assertThat(packings()).isEmpty();
        assertThat(count("MATCH (e:Event) WHERE e.errorDeclaredAt IS NULL RETURN count(e)")).isZero();
    }

    @Test
    void aGraphImportedBeforeEventsWereRecordedOnWhatTheyDeriveGetsThemFromItsEventsAndDeclarationsThenTakeThemBack()
            throws IOException {
        importAll(document("all.jsonld", commissioned(null, TONGXIN, "WZ2611A", false), transformed(null, "WZ2611A", false),
                packed(null, WRONG_PALLET, true, false), packed(null, RIGHT_PALLET, true, false),
                packed(null, RIGHT_PALLET, false, false)));
        String asserted = "MATCH ()-[r:MADE_FROM|PACKED_IN|PRODUCED_AT|OF_BATCH]->() "
                + "RETURN type(r) + ' [' + reduce(ids = '', id IN r.by | ids + id + ' ') + '] ' + coalesce(r.untilBy, '-')";
        List<String> recorded = pairs(asserted);
        assertThat(recorded).hasSize(10).allSatisfy(r -> assertThat(r).doesNotContain("[]"));
        // As a graph of an earlier version stands: no `by`, and V008 not applied (nor neo4j-migrations' records).
        driver.executableQuery("MATCH ()-[r:MADE_FROM|PACKED_IN|PRODUCED_AT|OF_BATCH]->() REMOVE r.by, r.untilBy").execute();
        driver.executableQuery("MATCH (m:__Neo4jMigration) DETACH DELETE m").execute();

        Schema.migrate(driver);

        assertThat(pairs(asserted)).isEqualTo(recorded);
        importAll(document("corrected.jsonld", commissioned(null, TONGXIN, "WZ2611A", true), transformed(null, "WZ2611A", true),
                packed(null, WRONG_PALLET, true, true), packed(null, RIGHT_PALLET, false, true)));
        assertThat(producedAt()).isEmpty();
        assertThat(lots()).isEmpty();
        assertThat(madeFrom()).isEmpty();
        assertThat(packings()).containsExactly("2001 " + RIGHT_PALLET, "2002 " + RIGHT_PALLET);
    }

    private Map<String, Object> census() {
        return Map.of("nodes", count("MATCH (n) RETURN count(n)"), "relationships", count("MATCH ()-[r]->() RETURN count(r)"),
                "properties", count("MATCH (n) RETURN sum(size(keys(n)))"));
    }
}
