package org.terroir.importer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.terroir.model.schema.Migrations;
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
        Migrations.shipped().apply(driver);
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
}
