package org.terroir.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terroir.testsupport.TestNeo4j;

/** A Neo4j server reached by URI (here the in-process test server) behaves like the embedded store. */
class ServerGraphIT {

    @BeforeEach
    void emptyServer() {
        TestNeo4j.get().clear();
    }

    @Test
    void statsOnAServerEqualStatsOnTheEmbeddedStoreForTheSameGraph(@TempDir Path dataDir) {
        GraphStats.Stats onServer;
        try (OpenGraph server = GraphStore.open(new GraphTarget.Server(TestNeo4j.get().boltUri(), null, null))) {
            assertThat(server.description()).isEqualTo("Neo4j server " + TestNeo4j.get().boltUri());
            TestNeo4j.load(server.driver(), "liancheng-small");
            onServer = GraphStats.read(server.driver());
        }
        GraphStats.Stats embedded;
        try (OpenGraph local = GraphStore.open(new GraphTarget.Embedded(dataDir, 0))) {
            TestNeo4j.load(local.driver(), "liancheng-small");
            embedded = GraphStats.read(local.driver());
        }

        assertThat(onServer).isEqualTo(embedded);
        assertThat(onServer.counties()).singleElement().satisfies(c -> {
            assertThat(c.code()).isEqualTo("350825");
            assertThat(c.nameEn()).isEqualTo("Liancheng");
            assertThat(c.brands()).isEqualTo(1);
            assertThat(c.batches()).isEqualTo(2);
            assertThat(c.hops()).isEqualTo(1);
        });
    }

    @Test
    void namesTheServerWhenItDoesNotAnswer() {
        assertThatThrownBy(() -> GraphStore.open(new GraphTarget.Server(URI.create("bolt://localhost:1"), null, null)))
                .isInstanceOf(GraphUnavailableException.class)
                .hasMessageStartingWith("cannot use Neo4j server bolt://localhost:1: ");
    }

    @Test
    void rejectsAUriThatIsNotBoltOrNeo4j() {
        assertThatThrownBy(() -> new GraphTarget.Server(URI.create("http://localhost:7474"), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must start with bolt://, neo4j://");
    }
}
