package org.terroir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandLogTest {

    /** The graph options of {@code terroir stats} given {@code args}. */
    private static GraphOptions graphOptions(String... args) {
        CommandLine stats = new CommandLine(new StatsCommand());
        stats.parseArgs(args);
        return (GraphOptions) stats.getCommandSpec().mixins().get("graph").userObject();
    }

    @Test
    void theEmbeddedStoreLogsInItsDataFolderEvenBeforeTheFolderIsMade(@TempDir Path dir) {
        Path dataDir = dir.resolve("not-yet");

        assertThat(CommandLog.fileOf(graphOptions("--data-dir", dataDir.toString()))).isEqualTo(dataDir.resolve("logs/terroir.log"));
        assertThat(dataDir).doesNotExist();
    }

    @Test
    void aServerLogsInTheDataFolderWhenThereIsOne(@TempDir Path dir) throws Exception {
        Path dataDir = Files.createDirectories(dir.resolve("data"));

        assertThat(CommandLog.fileOf(graphOptions("--neo4j-uri", "bolt://localhost:1", "--data-dir", dataDir.toString())))
                .isEqualTo(dataDir.resolve("logs/terroir.log"));
    }

    @Test
    void aServerWithoutADataFolderLogsUnderTheHomeFolderAndMakesNoDataFolder(@TempDir Path dir) {
        Path dataDir = dir.resolve("data");

        assertThat(CommandLog.fileOf(graphOptions("--neo4j-uri", "bolt://localhost:1", "--data-dir", dataDir.toString())))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".terroir", "logs", "terroir.log"));
        assertThat(dataDir).doesNotExist();
    }

    @Test
    void aDriverFailureIsOneLineNamingTheLogFileThatHoldsItsStackTrace(@TempDir Path dir) throws Exception {
        Path dataDir = Files.createDirectories(dir.resolve("data"));
        Path log = dataDir.resolve("logs/terroir.log");

        TerroirTest.Run run = TerroirTest.run("stats", "--neo4j-uri", "bolt://localhost:1", "--data-dir", dataDir.toString());

        assertThat(run.exitCode()).isEqualTo(Terroir.DOMAIN_FAILURE);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("terroir: cannot use Neo4j server bolt://localhost:1: ")
                .endsWith(" (details in " + log + ")");
        assertThat(log).content().contains("ERROR", "the command failed: cannot use Neo4j server bolt://localhost:1",
                "org.terroir.store.GraphUnavailableException", "\tat org.terroir.store.ServerGraph.connect");
        assertThat(System.getProperty(CommandLog.FILE_PROPERTY)).as("the logs go where they went before").isNull();
    }

    @Test
    void aFailureThatSaysAllItKnowsNamesNoLogFileAndWritesNone(@TempDir Path dir) {
        Path dataDir = dir.resolve("data");

        TerroirTest.Run run = TerroirTest.run("import", "--data-dir", dataDir.toString(), dir.resolve("missing.jsonld").toString());

        assertThat(run.exitCode()).isEqualTo(Terroir.USAGE);
        assertThat(run.err().lines()).containsExactly("terroir: no such file: " + dir.resolve("missing.jsonld"));
        assertThat(dataDir.resolve("logs")).doesNotExist();
    }
}
