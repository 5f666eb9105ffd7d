package org.terroir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.terroir.store.Schema;
import org.terroir.testsupport.ExcelCsv;
import org.terroir.testsupport.TestNeo4j;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code terroir import} of a folder against a Neo4j server: valid documents in, invalid ones reported. */
class ImportCommandIT {

    private static final String DOCUMENT = """
            {
              "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
              "type": "EPCISDocument",
              "schemaVersion": "2.0",
              "creationDate": "2025-03-01T08:00:00+08:00",
              "epcisBody": {
                "eventList": [
                  {
                    "type": "ObjectEvent",
                    "eventTime": "2025-03-01T08:00:00+08:00",
                    "eventTimeZoneOffset": "+08:00",
                    "epcList": ["urn:epc:id:sgtin:9520011.001021.%1$s1"],
                    "action": "ADD",
                    "bizStep": "commissioning"
                  },
                  {
                    "type": "ObjectEvent",
                    "eventTime": "2025-03-01T09:00:00+08:00",
                    "eventTimeZoneOffset": "+08:00",
                    "epcList": ["urn:epc:id:sgtin:9520011.001021.%1$s1"],
                    "action": "%2$s",
                    "bizStep": "packing"
                  }
                ]
              }
            }
            """;

    private final Driver driver = TestNeo4j.get().driver();

    @Test
    void importsTheValidDocumentRejectsTheInvalidOneExitsOneAndReportsItsEventIndexAndField(@TempDir Path dir) throws IOException {
        TestNeo4j.get().clear();
        Schema.migrate(driver);
        Path folder = Files.createDirectories(dir.resolve("in"));
        Files.writeString(folder.resolve("good.jsonld"), DOCUMENT.formatted("GOOD", "OBSERVE"));
        Files.writeString(folder.resolve("bad.jsonld"), DOCUMENT.formatted("BAD", "CREATE"));
        Path report = dir.resolve("report.json");
        StringWriter err = new StringWriter();

        int exit = new CommandLine(new ImportCommand()).setErr(new PrintWriter(err)).setOut(new PrintWriter(new StringWriter()))
                .execute("--neo4j-uri", TestNeo4j.get().boltUri().toString(), "--neo4j-password=",
                        "--data-dir", dir.resolve("data").toString(), "--report", report.toString(), folder.toString());

        assertThat(exit).as(err.toString()).isEqualTo(1);
        assertThat(driver.executableQuery("MATCH (e:Event)-[:OBSERVED]->(i:Item) RETURN i.serial AS serial, count(e) AS events")
                .execute().records()).singleElement().satisfies(r -> {
                    assertThat(r.get("serial").asString()).isEqualTo("GOOD1");
                    assertThat(r.get("events").asLong()).isEqualTo(2);
                });
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(report));
        assertThat(json.get("imported").get(folder.resolve("good.jsonld").toString()).asLong()).isEqualTo(2);
        assertThat(json.get("rejected")).singleElement().satisfies(rejection -> {
            assertThat(rejection.get("file").asString()).isEqualTo(folder.resolve("bad.jsonld").toString());
            assertThat(rejection.get("problemCount").asLong()).isEqualTo(1);
            assertThat(rejection.get("problems")).singleElement().extracting(JsonNode::asString).asString()
                    .startsWith("bad.jsonld: event 1 (line ").contains("action: \"CREATE\" is not one of ADD, OBSERVE, DELETE");
        });
    }

    /** What a run of {@code terroir import} printed, and its exit code. */
    private record Run(int exit, String out, String err) {}

    /** Runs {@code terroir import} with {@code args} against the test graph, its data and report in {@code dir}. */
    private static Run run(Path dir, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of("--neo4j-uri", TestNeo4j.get().boltUri().toString(),
                "--neo4j-password=", "--data-dir", dir.resolve("data").toString(), "--report", dir.resolve("report.json").toString()),
                java.util.Arrays.stream(args)).toArray(String[]::new);
        int exit = new CommandLine(new ImportCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(all);
        return new Run(exit, out.toString(), err.toString());
    }

    /** A folder with a region (plain UTF-8) and its household (GBK, as Chinese Excel saves "CSV"). */
    private static Path gbkHousehold(Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("in"));
        ExcelCsv.UTF8.write(folder.resolve("regions.csv"), "code,level,name_zh,name_en",
                "640422100201,village,吉强镇龙王坝村,Longwangba village");
        ExcelCsv.GBK.write(folder.resolve("producers.csv"), ExcelCsv.PRODUCERS_HEADER, "NX-H01,马明,13900000002,true,640422100201");
        return folder;
    }

    @Test
    void importsAGbkProducersFileAndSaysItReadItAsGb18030(@TempDir Path dir) throws IOException {
        TestNeo4j.get().clear();
        Schema.migrate(driver);

        Run run = run(dir, gbkHousehold(dir).toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("  producers.csv: read as GB18030 (GBK), as the file is not UTF-8\n")
                .doesNotContain("regions.csv: read as");
        assertThat(driver.executableQuery("MATCH (i:ProducerIdentity) RETURN i.name AS name").execute().records())
                .singleElement().satisfies(r -> assertThat(r.get("name").asString()).isEqualTo("马明"));
    }

    @Test
    void aGivenEncodingOverridesDetectionAndItsUndecodableCellsAreReportedByFileLineAndColumn(@TempDir Path dir) throws IOException {
        TestNeo4j.get().clear();
        Schema.migrate(driver);

        Run run = run(dir, "--encoding", "UTF-8", gbkHousehold(dir).toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("  producers.csv: read as UTF-8, as given\n").contains("  regions.csv: read as UTF-8, as given\n");
        assertThat(run.err()).contains("\n  producers.csv:2: name: bytes that are not UTF-8 (the encoding given): is the file in another"
                + " encoding? Without --encoding, UTF-8 and GBK are recognised\n");
        assertThat(driver.executableQuery("MATCH (n) WHERE NOT n:__Neo4jMigration RETURN count(n) AS n").execute().records())
                .singleElement().satisfies(r -> assertThat(r.get("n").asLong()).as("nothing written").isZero());
    }
}
