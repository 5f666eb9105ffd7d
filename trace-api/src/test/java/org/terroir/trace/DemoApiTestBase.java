package org.terroir.trace;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the HTTP tests share: the application on a random port, reading the demo data in the test
 * JVM's Neo4j, and clients of its {@code /graphql} endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class DemoApiTestBase {

    @DynamicPropertySource
    static void neo4j(DynamicPropertyRegistry registry) {
        registry.add("spring.neo4j.uri", () -> DemoGraph.boltUri().toString());
    }

    @Value("${local.server.port}")
    protected int port;

    /** A client of {@code /graphql}. */
    protected WebTestClient client;

    /** A GraphQL tester over {@link #client}. */
    protected HttpGraphQlTester graphQl;

    @BeforeEach
    void clients() {
        // A generous timeout: the first deep request of a cold JVM on a 2-core machine can exceed the default 5 s.
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql")
                .responseTimeout(Duration.ofSeconds(30)).build();
        graphQl = HttpGraphQlTester.create(client);
    }
}
