package org.terroir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terroir.importer.epcis.graph.EpcisImport;
import org.terroir.importer.generate.SyntheticData;
import org.terroir.store.GraphStore;
import org.terroir.store.GraphTarget;
import org.terroir.store.OpenGraph;

/**
 * {@code terroir import} as a user runs it, in its own JVM, into an embedded store another process
 * holds ({@link HoldStore}, as {@code terroir serve} does), killed with SIGKILL mid-import: the
 * driver loses its connection and retries, and the user still sees one line.
 */
class InterruptedImportIT {

    private static final int BATCHES = 2_000;
    private static final long EVENTS = (long) BATCHES * SyntheticData.EVENTS_PER_BATCH;
    private static final Pattern HOW_FAR = Pattern.compile("after ([\\d,]+) of ([\\d,]+) events of ");

    @Test
    void anImportWhoseGraphGoesAwayEndsWithOneLineLeavesTheDetailsInTheLogFileAndCompletesWhenRunAgain(@TempDir Path dir)
            throws Exception {
        Path in = dir.resolve("in");
        new SyntheticData(BATCHES).write(in, n -> {});
        Path data = dir.resolve("data");
        Path logFile = data.resolve("logs").resolve("terroir.log");
        Path out = dir.resolve("import.out");
        Path err = dir.resolve("import.err");

        Process holder = java(HoldStore.class, data.toString()).redirectError(dir.resolve("holder.err").toFile()).start();
        Process importing = null;
        try {
            String bolt = holding(holder, dir.resolve("holder.err"));
            importing = java(Terroir.class, "import", "--data-dir", data.toString(), "--report", dir.resolve("report.json").toString(),
                    in.toString()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            try (OpenGraph reached = GraphStore.open(new GraphTarget.Embedded(data, 0))) {
                while (events(reached) < EpcisImport.BATCH) {
                    assertThat(importing.isAlive()).as("the import is still running; it printed:%n%s%s",
                            Files.readString(out), Files.readString(err)).isTrue();
                    Thread.sleep(100);
                }
            }
            holder.destroyForcibly();
            assertThat(holder.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(importing.waitFor(5, TimeUnit.MINUTES)).as("the import gave up").isTrue();
            List<String> printedOut = Files.readAllLines(out);
            List<String> printedErr = Files.readAllLines(err);
            assertThat(importing.exitValue()).as(String.join("\n", printedErr)).isEqualTo(Terroir.DOMAIN_FAILURE);
            assertThat(printedErr).as("what the import printed on standard error").singleElement().asString()
                    .startsWith("terroir: the import was interrupted: the graph at " + bolt + " stopped answering after ")
                    .contains(" of %,d events of %s were written".formatted(EVENTS, in.resolve("epcis/batches-00001.jsonld")),
                            "running the same import again once the graph answers completes it")
                    .endsWith(" (details in " + logFile + ")");
            List<String> printed = new ArrayList<>(printedOut);
            printed.addAll(printedErr);
            assertThat(printed).as("nothing but Terroir's own lines").noneMatch(line -> line.contains("\tat ")
                    || line.contains("WARN") || line.contains("Exception") || line.contains("retried"));
            assertThat(printedOut).first().asString().startsWith("Importing ");
            assertThat(logFile).content().contains("Transaction failed and will be retried",
                    "org.neo4j.driver.exceptions.ServiceUnavailableException", "\tat org.neo4j.driver.",
                    "ERROR", "the command failed: the import was interrupted");

            Matcher howFar = HOW_FAR.matcher(printedErr.getFirst());
            assertThat(howFar.find()).isTrue();
            long written = Long.parseLong(howFar.group(1).replace(",", ""));
            assertThat(written).as("written before the graph went away").isLessThan(EVENTS);
            try (OpenGraph again = GraphStore.open(new GraphTarget.Embedded(data, 0))) {
                assertThat(events(again)).as("events kept").isGreaterThanOrEqualTo(written).isLessThan(EVENTS);

                TerroirTest.Run rerun = TerroirTest.run("import", "--data-dir", data.toString(),
                        "--report", dir.resolve("report.json").toString(), in.toString());

                assertThat(rerun.exitCode()).as(rerun.err()).isZero();
                assertThat(events(again)).as("events after the import was run again").isEqualTo(EVENTS);
            }
        } finally {
            holder.destroyForcibly();
            if (importing != null) {
                importing.destroyForcibly();
            }
        }
    }

    /** The class {@code main} run with {@code args} in a JVM of its own, on this test's class path. */
    private static ProcessBuilder java(Class<?> main, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED", "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    /** Waits for {@link HoldStore} to say it holds the store; its Bolt URI. */
    private static String holding(Process holder, Path stderr) throws IOException {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            String line = lines.readLine();
            assertThat(line).as("the holder's first line; its errors: %s", stderr).startsWith("holding bolt://localhost:");
            return line.substring("holding ".length());
        }
    }

    private static long events(OpenGraph graph) {
        return graph.driver().executableQuery("MATCH (e:Event) RETURN count(e) AS c").execute().records().getFirst().get("c").asLong();
    }
}
