package org.terroir.cli;

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
import org.terroir.importer.epcis.graph.EpcisImport;
import org.terroir.store.Schema;
import org.terroir.testsupport.TestNeo4j;

/** The commissioning events 'labels issue' writes go into the graph: the serials are Items of the lot's Batch, produced at the site. */
class LabelsCommissioningIT {

    private final Driver driver = TestNeo4j.get().driver();

    @TempDir
    Path dir;

    @BeforeEach
    void emptyGraph() {
        TestNeo4j.get().clear();
        Schema.migrate(driver);
    }

    @Test
    void issuedSerialsBecomeItemsOfTheLotProducedAtTheSite() throws IOException {
        Path pki = LabelCommandsTest.demoPki(Files.createDirectories(dir.resolve("pki")), "ed25519");
        Path folder = LabelCommandsTest.issue(pki, dir.resolve("labels"), "--serials", "SN001..SN025",
                "--location", "9520001000010");

        EpcisImport.Outcome outcome = new EpcisImport(driver).run(folder.resolve("commissioning.jsonld"), n -> {});

        assertThat(outcome.imported()).as(outcome.problems().toString()).isTrue();
        assertThat(outcome.events()).isEqualTo(1);
        List<String> serials = driver.executableQuery("""
                        MATCH (i:Item)-[:OF_BATCH]->(:Batch {key: $batch})
                        RETURN i.serial AS serial ORDER BY serial""")
                .withParameters(Map.of("batch", "01/09520001000010/10/L1")).execute().records().stream()
                .map(r -> r.get("serial").asString()).toList();
        assertThat(serials).hasSize(25).startsWith("SN001", "SN002").endsWith("SN025");
        long producedAt = driver.executableQuery("""
                        MATCH (:Batch {key: $batch})<-[:OF_BATCH]-(:Item)-[:PRODUCED_AT]->(:Location {key: '414/9520001000010'})
                        RETURN count(*) AS n""")
                .withParameters(Map.of("batch", "01/09520001000010/10/L1")).execute().records().getFirst().get("n").asLong();
        assertThat(producedAt).as("items produced at the --location").isEqualTo(25);
        long commissioned = driver.executableQuery("""
                        MATCH (e:Event {bizStep: 'commissioning', action: 'ADD'})-[:OBSERVED]->(:Item)
                        RETURN count(*) AS n""").execute().records().getFirst().get("n").asLong();
        assertThat(commissioned).isEqualTo(25);
    }
}
