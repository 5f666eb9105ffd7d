package org.terroir.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
