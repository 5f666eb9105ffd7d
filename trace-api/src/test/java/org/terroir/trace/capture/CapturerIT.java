package org.terroir.trace.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.springframework.util.unit.DataSize;
import org.terroir.store.Schema;
import org.terroir.testsupport.TestNeo4j;

/**
 * A server that stopped with capture jobs running takes them up when it starts again: a job whose
 * document is still there is captured; one whose document is gone fails, saying so. Nothing is lost
 * silently.
 */
class CapturerIT {

    private final Driver driver = TestNeo4j.get().driver();

    private void runningJob(String id, String format) {
        driver.executableQuery("""
                CREATE (:CaptureJob {id: $id, createdAt: datetime('2026-12-07T10:00:00Z'), running: true, success: true,
                                     errorBehaviour: 'rollback', format: $format, role: 'regulator', subject: 'inspector',
                                     parties: []})""").withParameters(Map.of("id", id, "format", format)).execute();
    }

    private Value job(String id) {
        return driver.executableQuery(CaptureStatements.CAPTURE_JOB.cypher()).withParameters(Map.of("id", id)).execute()
                .records().getFirst().get("job");
    }

    @Test
    void theJobsAStoppedServerLeftRunningAreTakenUpAtTheNextStart(@TempDir Path spool) throws Exception {
        Schema.migrate(driver);
        String kept = UUID.randomUUID().toString();
        String lost = UUID.randomUUID().toString();
        String eventId = "urn:uuid:" + UUID.randomUUID();
        runningJob(kept, "jsonld");
        runningJob(lost, "xml");
        Files.writeString(spool.resolve(kept + ".jsonld"), """
                {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"], "type": "EPCISDocument",
                 "schemaVersion": "2.0", "creationDate": "2030-01-03T08:00:00+08:00",
                 "epcisBody": {"eventList": [{"type": "ObjectEvent", "eventID": "%s", "eventTime": "2030-01-03T08:00:00+08:00",
                   "eventTimeZoneOffset": "+08:00", "action": "OBSERVE", "epcList": ["urn:epc:id:sgtin:9520999.000001.CAP-3"],
                   "readPoint": {"id": "urn:epc:id:sgln:9520999.00001.0"}}]}}""".formatted(eventId));

        Capturer capturer = new Capturer(driver, new CaptureSettings(spool, DataSize.ofMegabytes(1), 1, 1_000));
        capturer.start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !job(kept).get("running").asBoolean()
                    && !job(lost).get("running").asBoolean());
        } finally {
            capturer.stop();
        }

        CaptureJob captured = CaptureJob.from(job(kept));
        assertThat(captured.success()).as(captured.toString()).isTrue();
        assertThat(captured.events()).isOne();
        assertThat(driver.executableQuery("MATCH (e:Event {eventId: $id}) RETURN e.document AS document")
                .withParameters(Map.of("id", eventId)).execute().records())
                .singleElement().satisfies(row -> assertThat(row.get("document").asString()).isEqualTo("capture/" + kept));
        assertThat(spool.resolve(kept + ".jsonld")).doesNotExist();

        CaptureJob gone = CaptureJob.from(job(lost));
        assertThat(gone.success()).isFalse();
        assertThat(gone.errors()).singleElement().satisfies(error -> {
            assertThat(error).containsEntry("type", "epcisException:ImplementationException");
            assertThat(error.get("detail").toString()).contains("no longer has it; send it again");
        });
    }
}
