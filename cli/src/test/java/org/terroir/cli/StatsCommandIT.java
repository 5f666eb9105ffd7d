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
    void demoOnceAppliesTheSchemaImportsTheDemoDataAndReportsEveryRegion(@TempDir Path dataDir) {
        TerroirTest.Run run = TerroirTest.run("demo", "--once", "--data-dir", dataDir.toString(), "--bolt-port", "0",
                "--demo-data", "../demo");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Graph: embedded store " + dataDir, "Schema: version V015 (15 migration(s) applied now",
                "Importing the demo master data", "Per county:", "Liancheng County 连城县",
                "Zhangjiachuan Hui Autonomous County", "Yongjing County", "Jizhou District", "Beiliu City");
        assertThat(dataDir.resolve("neo4j")).isDirectory();
        assertThat(dataDir.resolve("pseudonym.salt")).isRegularFile();

        TerroirTest.Run again = TerroirTest.run("demo", "--once", "--data-dir", dataDir.toString(), "--bolt-port", "0",
                "--demo-data", "../demo");
        assertThat(again.out()).doesNotContain("Importing").contains("0 migration(s) applied now", "Liancheng County");
    }

    @Test
    void importReportsEveryProblemAndWritesNothing(@TempDir Path dir) throws Exception {
        TestNeo4j.get().clear();
        java.nio.file.Files.writeString(dir.resolve("products.csv"),
                "gtin,brand_id,name_zh,name_en\n09520011001029,liancheng-dried-sweet-potato,连城地瓜干,Dried\n"
                        + "09520011001021,liancheng-dried-sweet-potato,连城地瓜干,Dried\n");

        Path report = dir.resolve("report.json");
        TerroirTest.Run run = TerroirTest.run("import", "--neo4j-uri", TestNeo4j.get().boltUri().toString(),
                "--data-dir", dir.toString(), "--report", report.toString(), dir.toString());

        assertThat(run.exitCode()).isEqualTo(Terroir.DOMAIN_FAILURE);
        assertThat(run.err().lines()).containsExactly(
                "terroir: rejected, nothing of it written: 1 master-data file(s): 2 problem(s)",
                "  products.csv:2: gtin: GTIN \"09520011001029\": check digit is 9, expected 1 (GS1 mod-10)",
                "  products.csv:3: brand_id: brand \"liancheng-dried-sweet-potato\" is neither in these files nor in the graph",
                "terroir: report written to " + report);
        assertThat(java.nio.file.Files.readString(report)).contains("\"problemCount\" : 2", "products.csv:3: brand_id");
        assertThat(TestNeo4j.get().driver().executableQuery("MATCH (p:Product) RETURN count(p) AS n").execute()
                .records().getFirst().get("n").asLong()).isZero();
    }

    @Test
    void importOfAFileThatIsNeitherCsvNorEpcisIsAUsageError(@TempDir Path dir) throws Exception {
        Path notes = java.nio.file.Files.writeString(dir.resolve("notes.txt"), "hello");

        TerroirTest.Run run = TerroirTest.run("import", "--neo4j-uri", TestNeo4j.get().boltUri().toString(), notes.toString());

        assertThat(run.exitCode()).isEqualTo(Terroir.USAGE);
        assertThat(run.err()).startsWith("terroir: " + notes + " is neither a CSV file nor an EPCIS document");
    }

    @Test
    void importOfAMissingPathIsAUsageError() {
        TerroirTest.Run run = TerroirTest.run("import", "--neo4j-uri", TestNeo4j.get().boltUri().toString(), "no/such/dir");

        assertThat(run.exitCode()).isEqualTo(Terroir.USAGE);
        assertThat(run.err()).isEqualTo("terroir: no such file: no/such/dir\n");
    }
}
