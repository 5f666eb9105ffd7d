package org.terroir.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.terroir.testsupport.TestNeo4j;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * The official Neo4j server image, where a Docker engine answers. Without one, JUnit reports this
 * class as skipped ("disabledWithoutDocker"); a {@code docker} client alone is not enough.
 */
@Testcontainers(disabledWithoutDocker = true)
class Neo4jContainerIT {

    @Container
    static final Neo4jContainer NEO4J = new Neo4jContainer("neo4j:2026.08.1").withAdminPassword("terroir-test");

    @Test
    void appliesTheSchemaAndAnswersStatsOnTheOfficialServerImage() {
        GraphTarget target = new GraphTarget.Server(URI.create(NEO4J.getBoltUrl()), "neo4j", "terroir-test");
        try (OpenGraph graph = GraphStore.open(target)) {
            assertThat(graph.schema().applied()).isNotEmpty();
            TestNeo4j.load(graph.driver(), "liancheng-small");
            assertThat(GraphStats.read(graph.driver()).counties()).extracting(GraphStats.County::code).containsExactly("350825");
        }
    }
}
