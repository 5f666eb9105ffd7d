package org.terroir.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.terroir.testsupport.TestNeo4j;

class EmbeddedGraphIT {

    @TempDir
    Path dataDir;

    @Test
    void startsAFileBackedStoreWithTheSchemaAndKeepsDataAcrossRestarts() {
        GraphTarget target = new GraphTarget.Embedded(dataDir, 0);
        try (OpenGraph graph = GraphStore.open(target)) {
            assertThat(graph.schema().applied()).isNotEmpty();
            assertThat(graph.description()).startsWith("embedded store ").contains("Bolt bolt://localhost:");
            assertThat(dataDir.resolve("bolt.port")).exists();
            TestNeo4j.load(graph.driver(), "liancheng-small");
        }
        assertThat(dataDir.resolve("bolt.port")).doesNotExist();

        try (OpenGraph again = GraphStore.open(target)) {
            assertThat(again.schema().applied()).isEmpty();
            assertThat(again.schema().alreadyPresent()).isNotEmpty();
            assertThat(GraphStats.read(again.driver()).nodesPerLabel()).containsEntry("Batch", 2L);
        }
    }

    @Test
    void aSecondOpenReachesTheRunningStoreThroughItsBoltPort() {
        GraphTarget target = new GraphTarget.Embedded(dataDir, 0);
        try (OpenGraph holder = GraphStore.open(target)) {
            TestNeo4j.load(holder.driver(), "liancheng-small");
            try (OpenGraph second = GraphStore.open(target)) {
                assertThat(second.description())
                        .contains("held by process " + ProcessHandle.current().pid())
                        .contains("reached through its Bolt port " + holder.boltUri().replaceAll(".*:", ""));
                assertThat(GraphStats.read(second.driver())).isEqualTo(GraphStats.read(holder.driver()));
            }
        }
    }

    @Test
    void boltRefusesConnectionsWithoutTheStoresPasswordWhileTerroirsOwnOpenStillReachesIt() throws Exception {
        GraphTarget target = new GraphTarget.Embedded(dataDir, 0);
        try (OpenGraph holder = GraphStore.open(target)) {
            TestNeo4j.load(holder.driver(), "liancheng-small");
            String uri = holder.boltUri();
            for (AuthToken intruder : List.of(AuthTokens.none(), AuthTokens.basic("neo4j", "neo4j"),
                    AuthTokens.basic("neo4j", "wrong-password"))) {
                try (Driver driver = GraphDatabase.driver(uri, intruder)) {
                    assertThatThrownBy(() -> driver.executableQuery("MATCH (b:Batch) RETURN count(b)").execute())
                            .as("a Bolt login with %s", intruder).isInstanceOf(AuthenticationException.class);
                }
            }
            // Many failed logins lock nobody out: another terroir process still gets in.
            try (OpenGraph second = GraphStore.open(target)) {
                assertThat(GraphStats.read(second.driver()).nodesPerLabel()).containsEntry("Batch", 2L);
            }
            Properties credentials = new Properties();
            try (var reader = Files.newBufferedReader(StoreCredentials.file(dataDir))) {
                credentials.load(reader);
            }
            try (Driver tool = GraphDatabase.driver(uri, AuthTokens.basic(credentials.getProperty("user"),
                    credentials.getProperty("password")))) {
                assertThat(tool.executableQuery("MATCH (b:Batch) RETURN count(b) AS n").execute().records().getFirst()
                        .get("n").asLong()).as("a Neo4j tool with the credentials file's login").isEqualTo(2L);
            }
        }
    }

    @Test
    void theDataFolderTheStoreFilesAndTheCredentialsAreOwnerOnly() throws Exception {
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        GraphTarget target = new GraphTarget.Embedded(dataDir, 0);
        try (OpenGraph graph = GraphStore.open(target)) {
            assertThat(Files.getPosixFilePermissions(dataDir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(Files.getPosixFilePermissions(StoreCredentials.file(dataDir)))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
        // A store whose files were made readable to all (by an older Terroir, a copy, a umask) is closed at start.
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<Path> storeFiles;
        try (Stream<Path> files = Files.walk(dataDir.resolve("neo4j"))) {
            storeFiles = files.filter(path -> !Files.isSymbolicLink(path)).toList();
        }
        for (Path path : storeFiles) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
        }
        try (OpenGraph again = GraphStore.open(target)) {
            assertThat(Files.getPosixFilePermissions(dataDir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(storeFiles).hasSizeGreaterThan(20).filteredOn(Files::exists)
                    .allSatisfy(path -> assertThat(Files.getPosixFilePermissions(path))
                            .as(path.toString()).allMatch(permission -> permission.name().startsWith("OWNER_")));
        }
    }

    @Test
    void aStoreMadeWithoutALoginGetsThePasswordOfTheCredentialsFile() throws Exception {
        GraphTarget target = new GraphTarget.Embedded(dataDir, 0);
        try (OpenGraph graph = GraphStore.open(target)) {
            TestNeo4j.load(graph.driver(), "liancheng-small");
        }
        // As if the store came from before logins (or its file was lost): new credentials are made and set.
        String before = Files.readString(StoreCredentials.file(dataDir));
        Files.delete(StoreCredentials.file(dataDir));
        try (OpenGraph again = GraphStore.open(target)) {
            assertThat(Files.readString(StoreCredentials.file(dataDir))).isNotEqualTo(before);
            assertThat(GraphStats.read(again.driver()).nodesPerLabel()).containsEntry("Batch", 2L);
            try (OpenGraph second = GraphStore.open(target)) {
                assertThat(GraphStats.read(second.driver()).nodesPerLabel()).containsEntry("Batch", 2L);
            }
        }
    }

    @Test
    void saysTheStoreIsBusyWhenTheHolderCannotBeReached() throws Exception {
        GraphTarget target = new GraphTarget.Embedded(dataDir, 0);
        try (OpenGraph holder = GraphStore.open(target)) {
            Files.writeString(dataDir.resolve("bolt.port"), "1 4242\n");

            assertThatThrownBy(() -> GraphStore.open(target))
                    .isInstanceOf(StoreBusyException.class)
                    .hasMessageContaining("is in use by process 4242")
                    .hasMessageContaining("Bolt port 1 does not answer");
        }
    }
}
