package org.terroir.importer.epcis.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.terroir.importer.epcis.model.Problem;
import org.terroir.importer.masterdata.MasterDataImport;
import org.terroir.model.PseudonymSalt;
import org.terroir.store.Schema;
import org.terroir.testsupport.GraphDump;
import org.terroir.testsupport.TestNeo4j;

/**
 * Who may write which events (the capture interface's parties), against the demo's master data and
 * Liancheng's events in a real Neo4j: each refused document writes nothing and names the event and
 * field; each admitted one is written whole.
 */
class ParticipationIT {

    private static final Path DEMO = Path.of("..", "demo");
    private static final PseudonymSalt SALT = PseudonymSalt.fromBase64("dGVycm9pci10ZXN0LXNhbHQtMzItYnl0ZXMtbG9uZyE=");

    /** China Post EMS (demo), a carrier; it runs the Longyan mail processing centre. */
    private static final Participant EMS = new Participant.Party("9520099000015");
    private static final String LONGYAN_HUB = "https://id.gs1.org/414/9520099100012";
    /** The Beituan cooperative; it runs the collection point and the Xiwei farms. */
    private static final Participant COOPERATIVE = new Participant.Party("9520011000024");
    private static final String COLLECTION_POINT = "https://id.gs1.org/414/9520011100106";
    private static final String XIWEI_FARMS = "https://id.gs1.org/414/9520011100014";
    /** The Liancheng association, owner of the brand of the LC2601 lots; and Zhangjiachuan's. */
    private static final Participant LIANCHENG = new Participant.Party("9520011000017");
    private static final Participant ZHANGJIACHUAN = new Participant.Party("9520021000014");
    /** Xiwei village station, and Beituan township station (both run by the county e-commerce centre). */
    private static final Participant XIWEI_STATION = new Participant.Station("9520090011010");
    private static final String XIWEI_STATION_AT = "https://id.gs1.org/414/9520090011010";
    private static final String BEITUAN_STATION_AT = "https://id.gs1.org/414/9520090012017";
    private static final String PACKED_LOT = "urn:epc:class:lgtin:9520011.000102.LC2601";

    private static final Driver driver = TestNeo4j.get().driver();

    @TempDir
    static Path folder;

    @BeforeAll
    static void demoGraph() throws IOException {
        TestNeo4j.get().clear();
        Schema.migrate(driver);
        try (Stream<Path> csv = Files.list(DEMO.resolve("master-data"))) {
            new MasterDataImport(driver, SALT).run(csv.filter(f -> f.toString().endsWith(".csv")).sorted().toList());
        }
        assertThat(new EpcisImport(driver).run(DEMO.resolve("epcis/liancheng.jsonld"), n -> {}).imported()).isTrue();
    }

    @Test
    void aCarrierCapturesAtItsOwnHub() throws IOException {
        EpcisImport.Outcome outcome = capture(EMS, event("urn:uuid:7c0e3a52-0000-4000-8000-000000000001", "receiving",
                LONGYAN_HUB, PACKED_LOT, ""));

        assertThat(outcome.problems()).isEmpty();
        assertThat(events("urn:uuid:7c0e3a52-0000-4000-8000-000000000001")).isEqualTo(1);
    }

    @Test
    void aCarrierCannotCaptureAtAnotherPartysLocationEvenNamingItselfInTheLists() throws IOException {
        Map<String, Long> before = GraphDump.census(driver);

        EpcisImport.Outcome outcome = capture(EMS, event("urn:uuid:7c0e3a52-0000-4000-8000-000000000002", "shipping",
                COLLECTION_POINT, PACKED_LOT, """
                , "destinationList": [{"type": "possessing_party", "destination": "https://id.gs1.org/417/9520099000015"}]"""));

        assertThat(outcome.imported()).isFalse();
        assertThat(outcome.problems()).extracting(Problem::eventIndex, Problem::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "bizLocation"), org.assertj.core.groups.Tuple.tuple(0, "readPoint"));
        assertThat(outcome.problems().getFirst().reason()).contains("414/9520011100106", "party 9520011000024",
                "party 9520099000015");
        assertThat(GraphDump.census(driver)).as("nothing written").isEqualTo(before);
    }

    @Test
    void oneForeignEventRejectsTheWholeDocument() throws IOException {
        Map<String, Long> before = GraphDump.census(driver);
        String own = event("urn:uuid:7c0e3a52-0000-4000-8000-000000000003", "receiving", LONGYAN_HUB, PACKED_LOT, "");
        String foreign = event("urn:uuid:7c0e3a52-0000-4000-8000-000000000004", "receiving", XIWEI_STATION_AT, PACKED_LOT, "");

        EpcisImport.Outcome outcome = capture(EMS, own + ",\n" + foreign);

        assertThat(outcome.problems()).extracting(Problem::eventIndex).containsOnly(1);
        assertThat(GraphDump.census(driver)).isEqualTo(before);
    }

    @Test
    void aCooperativeCommissionsAtItsFarmsAndAWrongPartyIsToldItTakesNoPart() throws IOException {
        String commissioning = """
                {"type": "ObjectEvent", "eventID": "urn:uuid:7c0e3a52-0000-4000-8000-000000000005",
                 "eventTime": "2026-02-01T08:00:00+08:00", "eventTimeZoneOffset": "+08:00", "action": "ADD",
                 "bizStep": "commissioning", "readPoint": {"id": "%s"}, "bizLocation": {"id": "%s"},
                 "quantityList": [{"epcClass": "urn:epc:class:lgtin:9520011.000101.LC2602R", "quantity": 100, "uom": "KGM"}]}"""
                .formatted(XIWEI_FARMS, XIWEI_FARMS);
        assertThat(capture(EMS, commissioning).problems()).extracting(Problem::field).containsExactly("bizLocation", "readPoint");

        assertThat(capture(COOPERATIVE, commissioning).problems()).isEmpty();
        assertThat(count("MATCH (:Batch {key: '01/09520011001014/10/LC2602R'})-[:PRODUCED_AT]->(:Location {key: '414/9520011100014'}) "
                + "RETURN count(*)")).isEqualTo(1);
    }

    @Test
    void whereNoPartyRunsThePlaceTheObjectsDecide() throws IOException {
        // An inspection with no location: the association of the lot's brand takes part, another does not.
        String inspection = """
                {"type": "ObjectEvent", "eventID": "%s", "eventTime": "2026-02-02T08:00:00+08:00",
                 "eventTimeZoneOffset": "+08:00", "action": "OBSERVE", "bizStep": "inspecting",
                 "quantityList": [{"epcClass": "%s", "quantity": 1, "uom": "KGM"}]}""";

        EpcisImport.Outcome other = capture(ZHANGJIACHUAN, inspection.formatted("urn:uuid:7c0e3a52-0000-4000-8000-000000000006", PACKED_LOT));
        assertThat(other.problems()).extracting(Problem::field).containsExactly("event");
        assertThat(other.problems().getFirst().reason()).contains("party 9520021000014 takes no part");

        assertThat(capture(LIANCHENG, inspection.formatted("urn:uuid:7c0e3a52-0000-4000-8000-000000000007", PACKED_LOT))
                .problems()).isEmpty();
        // The cooperative: the lot was produced at its workshop (transformation output, PRODUCED_AT).
        assertThat(capture(COOPERATIVE, inspection.formatted("urn:uuid:7c0e3a52-0000-4000-8000-000000000008", PACKED_LOT))
                .problems()).isEmpty();
    }

    @Test
    void aStationsStaffCaptureAtTheirStationOnly() throws IOException {
        assertThat(capture(XIWEI_STATION, event("urn:uuid:7c0e3a52-0000-4000-8000-000000000009", "shipping",
                XIWEI_STATION_AT, PACKED_LOT, """
                , "destinationList": [{"type": "location", "destination": "%s"}]""".formatted(BEITUAN_STATION_AT))).problems())
                .isEmpty();

        EpcisImport.Outcome there = capture(XIWEI_STATION, event("urn:uuid:7c0e3a52-0000-4000-8000-000000000010", "receiving",
                BEITUAN_STATION_AT, PACKED_LOT, ""));
        assertThat(there.problems()).extracting(Problem::field).containsExactly("bizLocation", "readPoint");
        assertThat(there.problems().getFirst().reason()).contains("is not station 9520090011010");
    }

    @Test
    void masterDataOfAnotherPartyIsNotChangedButNewOrOwnOrUnchangedIsTaken() throws IOException {
        Map<String, Long> before = GraphDump.census(driver);
        String header = """
                , "epcisHeader": {"epcisMasterData": {"vocabularyList": [
                   {"type": "urn:epcglobal:epcis:vtype:BusinessLocation", "vocabularyElementList": [
                     {"id": "%s", "attributes": [{"id": "urn:epcglobal:cbv:mda#name", "attribute": "%s"}]}]}]}}""";
        String event = event("urn:uuid:7c0e3a52-0000-4000-8000-000000000011", "receiving", LONGYAN_HUB, PACKED_LOT, "");

        EpcisImport.Outcome hijack = capture(EMS, event, header.formatted(COLLECTION_POINT, "EMS depot"));
        assertThat(hijack.problems()).extracting(Problem::field).containsExactly("masterData.location[414/9520011100106]");
        assertThat(hijack.problems().getFirst().reason()).contains("party 9520011000024");
        assertThat(GraphDump.census(driver)).isEqualTo(before);

        assertThat(capture(EMS, event, header.formatted(LONGYAN_HUB, "Longyan hub")).problems()).as("its own").isEmpty();
        assertThat(capture(EMS, event, header.formatted("https://id.gs1.org/414/9520099100999", "a new depot")).problems())
                .as("new").isEmpty();
        assertThat(capture(EMS, event, header.formatted("https://id.gs1.org/414/9520099100999", "a new depot")).problems())
                .as("the same again").isEmpty();
        assertThat(count("MATCH (l:Location {key: '414/9520011100106'}) WHERE l.nameEn = 'EMS depot' RETURN count(l)")).isZero();
    }

    @Test
    void aCaptureJobIsRecordedOnTheEventsItWrote() throws IOException {
        driver.executableQuery("CREATE (:CaptureJob {id: 'job-1', role: 'logistics', parties: ['9520099000015']})").execute();
        Path file = document(event("urn:uuid:7c0e3a52-0000-4000-8000-000000000012", "receiving", LONGYAN_HUB, PACKED_LOT, ""), "");

        EpcisImport.Outcome outcome = new EpcisImport(driver).run(file,
                new EpcisImport.Origin("capture/job-1", java.time.Instant.parse("2026-12-07T10:00:00Z"), "job-1", EMS, 0), n -> {});

        assertThat(outcome.problems()).isEmpty();
        assertThat(count("""
                MATCH (:Event {eventId: 'urn:uuid:7c0e3a52-0000-4000-8000-000000000012', document: 'capture/job-1'})
                      -[:CAPTURED_IN]->(:CaptureJob {id: 'job-1'}) RETURN count(*)""")).isEqualTo(1);
    }

    @Test
    void aDocumentOfMoreEventsThanItsOriginTakesIsRefusedWhole() throws IOException {
        Map<String, Long> before = GraphDump.census(driver);
        Path file = document(event("urn:uuid:7c0e3a52-0000-4000-8000-000000000013", "receiving", LONGYAN_HUB, PACKED_LOT, "")
                + ",\n" + event("urn:uuid:7c0e3a52-0000-4000-8000-000000000014", "receiving", LONGYAN_HUB, PACKED_LOT, ""), "");

        EpcisImport.Outcome outcome = new EpcisImport(driver).run(file,
                new EpcisImport.Origin("capture/test", null, null, Participant.ANYONE, 1), n -> {});

        assertThat(outcome.tooManyEvents()).isTrue();
        assertThat(outcome.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("epcisBody.eventList");
            assertThat(problem.reason()).contains("holds 2 events, more than the 1");
        });
        assertThat(GraphDump.census(driver)).isEqualTo(before);
    }

    private static String event(String id, String bizStep, String where, String lot, String more) {
        return """
                {"type": "ObjectEvent", "eventID": "%s", "eventTime": "2026-02-03T08:00:00+08:00",
                 "eventTimeZoneOffset": "+08:00", "action": "OBSERVE", "bizStep": "%s",
                 "readPoint": {"id": "%s"}, "bizLocation": {"id": "%s"},
                 "quantityList": [{"epcClass": "%s", "quantity": 10, "uom": "KGM"}]%s}""".formatted(id, bizStep, where, where, lot, more);
    }

    private static EpcisImport.Outcome capture(Participant participant, String events) throws IOException {
        return capture(participant, events, "");
    }

    private static EpcisImport.Outcome capture(Participant participant, String events, String header) throws IOException {
        Path file = document(events, header);
        return new EpcisImport(driver).run(file, new EpcisImport.Origin("capture/test", null, null, participant, 0), n -> {});
    }

    private static Path document(String events, String header) throws IOException {
        return Files.writeString(Files.createTempFile(folder, "capture", ".jsonld"), """
                {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
                 "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-02-03T09:00:00+08:00",
                 "epcisBody": {"eventList": [%s]}%s}""".formatted(events, header));
    }

    private static long events(String id) {
        return count("MATCH (e:Event {eventId: '" + id + "'}) RETURN count(e)");
    }

    private static long count(String cypher) {
        return driver.executableQuery(cypher).execute().records().getFirst().get(0).asLong();
    }

    @Test
    void everyStatementIsChecked() {
        assertThat(Participation.all()).extracting(s -> s.name()).containsExactlyInAnyOrder("participation.events",
                "participation.locations", "participation.parties", "participation.products", "participation.within");
        assertThat(List.of(Participant.ANYONE.describe(), EMS.describe(), XIWEI_STATION.describe()))
                .containsExactly("anyone", "party 9520099000015", "station 9520090011010");
    }
}
