package org.terroir.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/** Abusive queries are refused before they run, each with an error naming the limit; normal ones pass. */
class LimitsIT extends DemoApiTestBase {

    private static final String TRACE = "trace(gtin: \"09520011001021\", lot: \"LC2601\")";

    private Map<String, Object> post(String query) {
        return post(query, Map.of());
    }

    private Map<String, Object> post(String query, Map<String, Object> variables) {
        return client.post().contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", query, "variables", variables)).exchange()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {}).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static String onlyError(Map<String, Object> body) {
        assertThat(body.get("data")).as("nothing executed").isNull();
        List<Map<String, Object>> errors = (List<Map<String, Object>>) body.get("errors");
        assertThat(errors).hasSize(1);
        assertThat(body.toString()).doesNotContain("Exception", "\tat ");
        return (String) errors.getFirst().get("message");
    }

    private static String nested(String field, int depth, String leaf) {
        return field.repeat(depth).replace(field, field + " { ") + leaf + " }".repeat(depth);
    }

    @Test
    void aQueryDeeperThanTheLimitIsRefusedNamingDepthAndLimit() {
        String query = "{ trace(gtin: \"09520011001021\", lot: \"LC2601\") { " + nested("inputs", 14, "key") + " } }";
        assertThat(onlyError(post(query))).startsWith("query depth 16 exceeds the limit 12");
    }

    @Test
    void aQueryOfTooManyNestedListsIsRefusedForItsComplexity() {
        String leaf = "key lot producers { pseudonym quantity unit } journey { from { nameEn } to { nameEn } departed arrived }";
        String query = "{ trace(gtin: \"09520011001021\", lot: \"LC2601\") { " + nested("inputs", 5, leaf) + " } }";
        assertThat(onlyError(post(query))).startsWith("query complexity ").contains("exceeds the limit 2000");
    }

    @Test
    void anAliasBombIsRefusedNamingTheCount() {
        StringBuilder query = new StringBuilder("{ ");
        for (int i = 0; i < 40; i++) {
            query.append("a").append(i).append(": trace(gtin: \"09520011001021\", lot: \"LC2601\") { key } ");
        }
        assertThat(onlyError(post(query.append('}').toString())))
                .isEqualTo("the query has 40 aliased fields, more than the limit 30 (terroir.graphql.max-aliases)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNormalDeepTraceStillPasses() {
        String query = "{ trace(gtin: \"09520011001021\", lot: \"LC2601\") { key inputs { key producers { pseudonym } "
                + "journey { to { nameEn } } inputs { key } } journey { from { nameEn } to { nameEn } carrier { nameEn } } } }";
        Map<String, Object> body = post(query);
        assertThat(body).doesNotContainKey("errors");
        assertThat(((Map<String, Object>) ((Map<String, Object>) body.get("data")).get("trace")).get("key"))
                .isEqualTo("01/09520011001021/10/LC2601");
    }

    @Test
    void aBombSentAgainIsRefusedAgainWithTheSameError() {
        String query = "{ trace(gtin: \"09520011001021\", lot: \"LC2601\") { " + nested("inputs", 14, "key") + " } }";
        String first = onlyError(post(query));
        assertThat(onlyError(post(query))).isEqualTo(first).startsWith("query depth 16 exceeds the limit 12");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDeepSelectionIncludedByAVariableIsCheckedWithEachValue() {
        String query = "query deep($deep: Boolean!) { trace(gtin: \"09520011001021\", lot: \"LC2601\") { key "
                + "inputs @include(if: $deep) { " + nested("inputs", 13, "key") + " } } }";
        for (int round = 0; round < 2; round++) {
            Map<String, Object> shallow = post(query, Map.of("deep", false));
            assertThat(shallow).as("round %d, without the deep part", round).doesNotContainKey("errors");
            assertThat(((Map<String, Object>) ((Map<String, Object>) shallow.get("data")).get("trace")).get("key"))
                    .isEqualTo("01/09520011001021/10/LC2601");
            assertThat(onlyError(post(query, Map.of("deep", true)))).as("round %d, with it", round)
                    .startsWith("query depth 16 exceeds the limit 12");
        }
    }

    @Test
    void aFragmentSpreadThirtyTimesIsRefusedForTheComplexityOfThirty() {
        String query = "{ " + TRACE + " { " + java.util.stream.IntStream.range(0, 29).mapToObj(i -> "i" + i + ": inputs { ...up }")
                .collect(java.util.stream.Collectors.joining(" ")) + " } }"
                + " fragment up on BatchTrace { inputs { producers { pseudonym } journey { id } key } }";
        assertThat(onlyError(post(query))).startsWith("query complexity 9600 exceeds the limit 2000");
    }

    @Test
    void aChainOfSixtyFragmentsIsRefusedForItsDepth() {
        StringBuilder query = new StringBuilder("{ " + TRACE + " { ...f0 } }");
        for (int i = 0; i < 60; i++) {
            query.append(" fragment f").append(i).append(" on BatchTrace { key ")
                    .append(i < 59 ? "inputs { ...f" + (i + 1) + " } " : "").append("}");
        }
        assertThat(onlyError(post(query.toString()))).startsWith("query depth 61 exceeds the limit 12");
    }

    @Test
    void aliasesInAFragmentCountAtEveryPlaceItIsSpread() {
        String query = "{ a: " + TRACE + " { ...names } b: " + TRACE + " { ...names } c: " + TRACE + " { ... on BatchTrace { ...names } } }"
                + " fragment names on BatchTrace { " + java.util.stream.IntStream.range(0, 10).mapToObj(i -> "k" + i + ": key")
                .collect(java.util.stream.Collectors.joining(" ")) + " }";
        assertThat(onlyError(post(query)))
                .isEqualTo("the query has 33 aliased fields, more than the limit 30 (terroir.graphql.max-aliases)");
    }

    @Test
    void aDeepSelectionInAnInlineFragmentIsRefusedForItsDepth() {
        String query = "{ " + TRACE + " { ... on BatchTrace { ... { " + nested("inputs", 14, "key") + " } } } }";
        assertThat(onlyError(post(query))).startsWith("query depth 16 exceeds the limit 12");
    }
}
