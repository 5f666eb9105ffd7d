package org.terroir.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What an operator watches: health with Neo4j in it, and Prometheus metrics of the GraphQL requests. */
class OperationsIT extends DemoApiTestBase {

    private WebTestClient actuator() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/actuator").build();
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthIsUpWithNeo4jAndShowsNoDetails() {
        Map<String, Object> health = actuator().get().uri("/health").exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {}).returnResult().getResponseBody();
        assertThat(health).containsEntry("status", "UP");
        Map<String, Object> components = (Map<String, Object>) health.get("components");
        assertThat(components).containsKey("neo4j");
        assertThat((Map<String, Object>) components.get("neo4j")).containsEntry("status", "UP").doesNotContainKey("details");
        actuator().get().uri("/health/readiness").exchange().expectStatus().isOk();
    }

    @Test
    void prometheusCountsGraphQlRequests() {
        graphQl.document("{ trace(gtin: \"09520011001021\", lot: \"LC2601\") { key } }").execute().path("trace.key").hasValue();
        String metrics = actuator().get().uri("/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("graphql_request_seconds_count", "http_server_requests_seconds_count");
        assertThat(metrics).as("no observation of each security filter, authentication and authorization")
                .doesNotContain("spring_security_");
    }

    @Autowired
    private List<GraphQlObservationInstrumentation> observationInstrumentations;

    @Test
    void theGraphQlRequestIsObservedByOneInstrumentationThatLeavesFieldsAlone() {
        assertThat(observationInstrumentations).as("ours, in place of Spring Boot's").singleElement()
                .satisfies(instrumentation -> assertThat(instrumentation.getClass().getName())
                        .isEqualTo("org.terroir.trace.graphql.Observations$RequestObservations"));
    }

    @Test
    void otherActuatorEndpointsAreNotExposed() {
        for (String endpoint : new String[] {"/env", "/beans", "/configprops", "/heapdump", "/loggers"}) {
            actuator().get().uri(endpoint).exchange().expectStatus().isEqualTo(HttpStatus.NOT_FOUND);
        }
    }
}
