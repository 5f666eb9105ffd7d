package org.terroir.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.terroir.trace.neo4j.Bulkhead;

/**
 * One permit at the graph and room for one in line: while the test holds the permit, a query the limits
 * refuse, a health check and a metrics scrape are answered at once; a trace waits in line and gets
 * its answer when the permit is given back; a trace finding the line full is refused at once, naming
 * the limit, and a scanned link gets 503.
 */
@TestPropertySource(properties = {"terroir.graph.max-concurrent-requests=1", "terroir.graph.max-waiting-requests=1"})
class BulkheadIT extends DemoApiTestBase {

    private static final String TRACE = "{ trace(gtin: \"09520011001021\", lot: \"LC2601\") { key inputs { key } } }";

    @Autowired
    Bulkhead bulkhead;

    private Bulkhead.Permit held;

    private void holdTheOnlyPermit() {
        held = bulkhead.permit();
        held.take().block(Duration.ofSeconds(5));
        assertThat(bulkhead.taken()).isEqualTo(1);
    }

    @AfterEach
    void giveItBack() {
        if (held != null) {
            held.leave();
        }
    }

    private Map<String, Object> post(String query) {
        return client.post().contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", query)).exchange()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {}).returnResult().getResponseBody();
    }

    private WebTestClient server() {
        return DemoGraph.client(port, "");
    }

    @Test
    @SuppressWarnings("unchecked")
    void whileEveryPermitIsTakenRefusalsHealthAndMetricsAreAnsweredAtOnce() {
        holdTheOnlyPermit();
        String bomb = "{ trace(gtin: \"09520011001021\", lot: \"LC2601\") { " + "inputs { ".repeat(14) + "key" + " }".repeat(14) + " } }";
        List<Map<String, Object>> errors = (List<Map<String, Object>>) post(bomb).get("errors");
        assertThat((String) errors.getFirst().get("message")).startsWith("query depth 16 exceeds the limit 12");

        server().get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody().returnResult();
        String metrics = server().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("terroir_graph_requests_active 1.0", "terroir_graph_requests_waiting 0.0");
        assertThat(bulkhead.waiting()).as("none of them stood in line").isZero();
    }

    @Test
    void everyStatementOfARequestRunsInItsPermitNestedAndBatchLoadedOnesToo() {
        long before = bulkhead.readsOutsideRequests();
        graphQl.document("{ trace(gtin: \"09520011001021\", lot: \"LC2601\") { key producers { pseudonym } "
                        + "journey { to { nameEn } } inputs { key producers { pseudonym } inputs { key } } recall { recalled } } "
                        + "recall(gtin: \"09520011001014\", lot: \"LC2601R\") { batches { nodes { key journey { id } } } } "
                        + "traceItem(gtin: \"09520011001021\", serial: \"LC2601-0001\") { journey { id } batch { key } } }")
                .execute().path("trace.inputs[0].producers").entityList(Object.class).hasSizeGreaterThan(0);
        assertThat(bulkhead.readsOutsideRequests()).as("reads that ran in no request's permit").isEqualTo(before);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTraceWaitsForThePermitAndOneFindingTheLineFullIsRefusedAtOnce() throws Exception {
        holdTheOnlyPermit();
        CompletableFuture<Map<String, Object>> waiting = CompletableFuture.supplyAsync(() -> post(TRACE));
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (bulkhead.waiting() < 1 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(bulkhead.waiting()).as("the trace stands in line").isEqualTo(1);

        Map<String, Object> refused = post(TRACE);
        assertThat((Map<String, Object>) refused.get("data")).as("a field error: the trace is null").containsEntry("trace", null);
        assertThat((List<Map<String, Object>>) refused.get("errors")).singleElement().satisfies(error -> {
            assertThat((String) error.get("message")).startsWith("the server is busy: 1 requests are using the graph and 1 are waiting");
            assertThat((Map<String, Object>) error.get("extensions"))
                    .containsEntry("classification", "INTERNAL_ERROR")
                    .containsEntry("limit", "terroir.graph.max-waiting-requests");
        });
        server().get().uri("/01/09520011001021/10/LC2601").header(HttpHeaders.ACCEPT, "text/html")
                .exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE).expectBody().returnResult();
        assertThat(waiting).as("still waiting while the permit is held").isNotDone();

        held.leave();
        held = null;
        Map<String, Object> answered = waiting.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(answered).doesNotContainKey("errors");
        assertThat(((Map<String, Object>) ((Map<String, Object>) answered.get("data")).get("trace")).get("key"))
                .isEqualTo("01/09520011001021/10/LC2601");
        long given = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (bulkhead.taken() > 0 && System.nanoTime() < given) {
            Thread.sleep(10);   // the permit is given back once the answer is written, just after the client reads it
        }
        assertThat(bulkhead.taken()).as("every permit given back once answered").isZero();
        assertThat(bulkhead.waiting()).isZero();
    }
}
