package org.terroir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terroir.store.GraphStore;
import org.terroir.store.GraphTarget;
import org.terroir.store.OpenGraph;
import org.terroir.testsupport.TestNeo4j;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StatsCommandIT {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void statsThroughNeo4jUriAndOnTheEmbeddedStoreGiveTheSameJson(@TempDir Path dataDir) {
        TestNeo4j.get().clear();
        TestNeo4j.load(TestNeo4j.get().driver(), "liancheng-small");
        try (OpenGraph embedded = GraphStore.open(new GraphTarget.Embedded(dataDir, 0))) {
            TestNeo4j.load(embedded.driver(), "liancheng-small");
        }

        TerroirTest.Run server = TerroirTest.run("stats", "--neo4j-uri", TestNeo4j.get().boltUri().toString());
        TerroirTest.Run local = TerroirTest.run("stats", "--data-dir", dataDir.toString(), "--bolt-port", "0");

        assertThat(server.exitCode()).as(server.err()).isZero();
        assertThat(local.exitCode()).as(local.err()).isZero();
        JsonNode stats = json.readTree(server.out());
        assertThat(stats.get("nodesPerLabel").get("Batch").asLong()).isEqualTo(2);
        assertThat(stats.get("relationshipsPerType").get("PART_OF").asLong()).isEqualTo(2);
        JsonNode county = stats.get("counties").get(0);
        assertThat(county.get("code").asString()).isEqualTo("350825");
        assertThat(county.get("nameZh").asString()).isEqualTo("连城县");
        assertThat(county.get("batches").asLong()).isEqualTo(2);
        assertThat(json.readTree(local.out())).isEqualTo(stats);
    }

    @Test
    void demoOnceAppliesTheSchemaToAnEmptyStoreAndReportsIt(@TempDir Path dataDir) {
        TerroirTest.Run run = TerroirTest.run("demo", "--once", "--data-dir", dataDir.toString(), "--bolt-port", "0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Graph: embedded store " + dataDir, "Schema: version V002 (2 migration(s) applied now",
                "The graph holds no provenance data yet.");
        assertThat(dataDir.resolve("neo4j")).isDirectory();
    }
}
