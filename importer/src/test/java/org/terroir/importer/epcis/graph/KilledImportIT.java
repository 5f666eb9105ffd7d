package org.terroir.importer.epcis.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.terroir.importer.generate.SyntheticData;
import org.terroir.store.Schema;
import org.terroir.testsupport.GraphDump;
import org.terroir.testsupport.TestNeo4j;

/**
 * Crash safety: an import killed with SIGKILL in the middle of a document, then run again, gives
 * exactly the graph an uninterrupted import gives.
 */
class KilledImportIT {

    private static final int BATCHES = 600;
    private static final long EVENTS = (long) BATCHES * SyntheticData.EVENTS_PER_BATCH;
    /** Transactions the killed process must have committed before it is killed. */
    private static final long KILL_AFTER = 3L * EpcisImport.BATCH;

    private final Driver driver = TestNeo4j.get().driver();

    @Test
    void anImportKilledMidwayAndRunAgainGivesTheGraphOfAnUninterruptedImport(@TempDir Path dir) throws Exception {
        new SyntheticData(BATCHES).write(dir, n -> {});
        Path document = dir.resolve("epcis/batches-00001.jsonld");

        long start = System.nanoTime();
        GraphDump.emptyGraph(driver, Schema::migrate);
        assertThat(new EpcisImport(driver).run(document, n -> {}).events()).isEqualTo(EVENTS);
        long uninterruptedMillis = (System.nanoTime() - start) / 1_000_000;
        Map<String, Long> uninterrupted = GraphDump.census(driver);
        assertThat(uninterrupted).containsEntry("nodes:Event", EVENTS);

        GraphDump.emptyGraph(driver, Schema::migrate);
        long committedWhenKilled = importAndKill(document, dir.resolve("killed-import.log"));
        long eventsAfterKill = GraphDump.events(driver);
        System.out.printf("KilledImportIT: uninterrupted import of %,d events took %,d ms; killed after %,d committed events"
                + " were reported, %,d in the graph%n", EVENTS, uninterruptedMillis, committedWhenKilled, eventsAfterKill);
        assertThat(eventsAfterKill).as("the kill came mid-way").isGreaterThanOrEqualTo(committedWhenKilled).isLessThan(EVENTS);
        assertThat(eventsAfterKill % EpcisImport.BATCH).as("only whole transactions are left").isZero();
        assertThat(GraphDump.census(driver)).isNotEqualTo(uninterrupted);

        start = System.nanoTime();
        assertThat(new EpcisImport(driver).run(document, n -> {}).imported()).isTrue();
        System.out.printf("KilledImportIT: re-run after the kill took %,d ms%n", (System.nanoTime() - start) / 1_000_000);

        assertThat(GraphDump.census(driver)).isEqualTo(uninterrupted);
    }

    /** Runs {@link ImportOneDocument} in its own JVM, kills it with SIGKILL once it has committed {@link #KILL_AFTER} events. */
    private static long importAndKill(Path document, Path stderr) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--sun-misc-unsafe-memory-access=allow", "-cp", System.getProperty("java.class.path"),
                ImportOneDocument.class.getName(), TestNeo4j.get().boltUri().toString(), document.toString())
                .redirectError(stderr.toFile())
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("committed ")) {
                    long committed = Long.parseLong(line.substring("committed ".length()));
                    if (committed >= KILL_AFTER) {
                        process.destroyForcibly();
                        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                        assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
                        return committed;
                    }
                }
            }
        } finally {
            process.destroyForcibly();
        }
        throw new AssertionError("the import process ended before committing " + KILL_AFTER + " events, exit "
                + process.waitFor() + "; see " + stderr);
    }
}
