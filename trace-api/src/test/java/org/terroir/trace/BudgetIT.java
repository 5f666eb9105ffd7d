package org.terroir.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.terroir.trace.access.Role;

/**
 * The GraphQL cost budget per client, small here: 2,000 units, refilled at one a second. Every test
 * client comes from the same address, so the tests share one anonymous budget; each token subject
 * has a budget of its own.
 */
class BudgetIT extends DemoApiTestBase {

    @DynamicPropertySource
    static void smallBudget(DynamicPropertyRegistry registry) {
        registry.add("terroir.graphql.budget.capacity", () -> "2000");
        registry.add("terroir.graphql.budget.per-minute", () -> "60");
    }

    /** 25 serials checked in one request, as an enumerating client would: 25 × (1 + key 1 + journey 1 + 5) = 200 units. */
    private static final String SERIALS = "{ " + IntStream.range(0, 25)
            .mapToObj(i -> "s" + i + ": traceItem(gtin: \"09520011001021\", serial: \"LC2601-" + String.format("%04d", i + 1)
                    + "\") { key journey { id } }")
            .collect(Collectors.joining(" ")) + " }";

    private EntityExchangeResult<Map<String, Object>> post(String query, String token) {
        var request = client.post().contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.parseMediaType("application/graphql-response+json"));
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return request.bodyValue(Map.of("query", query)).exchange()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {}).returnResult();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aClientThatSpentItsBudgetGets429WithRetryAfterAndOthersAndTheScanPageDoNot() {
        int answered = 0;
        EntityExchangeResult<Map<String, Object>> refused = null;
        for (int i = 0; i < 20 && refused == null; i++) {
            EntityExchangeResult<Map<String, Object>> result = post(SERIALS, null);
            if (result.getStatus() == HttpStatus.TOO_MANY_REQUESTS) {
                refused = result;
            } else {
                assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
                assertThat(result.getResponseBody()).doesNotContainKey("errors");
                answered++;
            }
        }
        assertThat(answered).as("2,000 units pay for ten requests of 200, not eleven").isEqualTo(10);
        assertThat(refused).isNotNull();
        long retryAfter = Long.parseLong(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).as("about 200 units at one a second").isBetween(150L, 200L);
        assertThat(refused.getResponseBody().get("data")).as("nothing ran").isNull();
        List<Map<String, Object>> errors = (List<Map<String, Object>>) refused.getResponseBody().get("errors");
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat((String) error.get("message")).startsWith("this client has spent its query budget: the query costs 200 units");
            assertThat((Map<String, Object>) error.get("extensions")).containsEntry("classification", "RATE_LIMITED")
                    .containsEntry("retryAfterSeconds", (int) retryAfter).containsEntry("cost", 200);
        });

        // A caller with a token spends the budget of its subject, not of its address.
        EntityExchangeResult<Map<String, Object>> regulator = post(SERIALS, token(Role.REGULATOR, null));
        assertThat(regulator.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(regulator.getResponseBody()).doesNotContainKey("errors");

        // The scan page asks its question for itself (the scan limits count scans): still answered.
        String page = client.get().uri(java.net.URI.create("http://localhost:" + port
                        + "/01/09520011001021/10/LC2601/21/LC2601-0001"))
                .accept(MediaType.TEXT_HTML).header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("Liancheng");
    }
}
