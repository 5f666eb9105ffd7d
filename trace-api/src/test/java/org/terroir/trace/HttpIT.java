package org.terroir.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * GraphQL over HTTP as its specification has it: POST and GET, {@code application/graphql-response+json}
 * with 4xx for a request that cannot run (and 200 for the legacy {@code application/json}), and the
 * document size limits.
 */
class HttpIT extends DemoApiTestBase {

    private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_MAP = new ParameterizedTypeReference<>() {};

    private URI get(Map<String, String> parameters) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString("http://localhost:" + port + "/graphql");
        parameters.forEach(uri::queryParam);
        return uri.build().encode().toUri();
    }

    private EntityExchangeResult<Map<String, Object>> exchange(HttpMethod method, URI uri, MediaType accept, String query) {
        var spec = client.method(method).uri(uri).accept(accept);
        var sent = query == null ? spec.exchange()
                : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", query)).exchange();
        return sent.expectBody(JSON_MAP).returnResult();
    }

    private EntityExchangeResult<Map<String, Object>> post(MediaType accept, String query) {
        return exchange(HttpMethod.POST, URI.create("http://localhost:" + port + "/graphql"), accept, query);
    }

    @Test
    @SuppressWarnings("unchecked")
    void getAnswersAQueryWithVariablesAsPostDoes() {
        EntityExchangeResult<Map<String, Object>> result = exchange(HttpMethod.GET, get(Map.of(
                "query", "query t($gtin: String!, $lot: String!) { trace(gtin: $gtin, lot: $lot) { key } }",
                "variables", "{\"gtin\": \"09520011001021\", \"lot\": \"LC2601\"}",
                "operationName", "t")), GRAPHQL_RESPONSE, null);
        assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(result.getResponseHeaders().getContentType().isCompatibleWith(GRAPHQL_RESPONSE)).isTrue();
        Map<String, Object> data = (Map<String, Object>) result.getResponseBody().get("data");
        assertThat(((Map<String, Object>) data.get("trace")).get("key")).isEqualTo("01/09520011001021/10/LC2601");
    }

    @Test
    void getCarriesTheCallersTokenLikePost() {
        var response = client.get().uri(get(Map.of("query",
                        "{ trace(gtin: \"09520011001014\", lot: \"LC2601R\") { producers { identity { name } } } }")))
                .headers(h -> h.setBearerAuth(token(org.terroir.trace.access.Role.REGULATOR, null)))
                .accept(GRAPHQL_RESPONSE).exchange().expectBody(String.class).returnResult();
        assertThat(response.getResponseBody()).contains("罗秀英").doesNotContain("errors");
    }

    @Test
    void getRefusesAMutationWith405AndAllowPost() {
        EntityExchangeResult<Map<String, Object>> result = exchange(HttpMethod.GET,
                get(Map.of("query", "mutation { anything }")), GRAPHQL_RESPONSE, null);
        assertThat(result.getStatus()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(result.getResponseHeaders().getAllow()).containsExactly(HttpMethod.POST);
    }

    @Test
    void getWithoutAQueryOrWithBadVariablesIs400NamingTheParameter() {
        EntityExchangeResult<Map<String, Object>> missing = exchange(HttpMethod.GET, get(Map.of()), GRAPHQL_RESPONSE, null);
        assertThat(missing.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) missing.getResponseBody().get("detail")).contains("parameter 'query' is missing");
        EntityExchangeResult<Map<String, Object>> variables = exchange(HttpMethod.GET,
                get(Map.of("query", "{ __typename }", "variables", "[1, 2]")), GRAPHQL_RESPONSE, null);
        assertThat(variables.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) variables.getResponseBody().get("detail")).contains("'variables' must be a JSON object");
    }

    @Test
    void anInvalidDocumentIs400ForGraphQlResponseJsonAnd200ForLegacyJson() {
        String invalid = "{ trace(gtin: \"09520011001021\", lot: \"LC2601\") { noSuchField } }";
        EntityExchangeResult<Map<String, Object>> modern = post(GRAPHQL_RESPONSE, invalid);
        assertThat(modern.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(modern.getResponseBody()).doesNotContainKey("data").containsKey("errors");
        EntityExchangeResult<Map<String, Object>> legacy = post(MediaType.APPLICATION_JSON, invalid);
        assertThat(legacy.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(legacy.getResponseBody()).containsKey("errors");
        EntityExchangeResult<Map<String, Object>> unparsable = exchange(HttpMethod.GET, get(Map.of("query", "{ trace(")),
                GRAPHQL_RESPONSE, null);
        assertThat(unparsable.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDocumentOverTheSizeLimitsIsRefusedByTheParser() {
        String tooLong = "{ __typename " + " ".repeat(20_100) + "}";
        List<Map<String, Object>> errors = (List<Map<String, Object>>) post(GRAPHQL_RESPONSE, tooLong).getResponseBody().get("errors");
        assertThat(errors).singleElement().satisfies(e -> assertThat((String) e.get("message")).contains("More than 20,000 characters"));
        String manyTokens = "{ " + "a ".repeat(5_001) + "}";
        EntityExchangeResult<Map<String, Object>> tokens = post(GRAPHQL_RESPONSE, manyTokens);
        assertThat(tokens.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tokens.getResponseBody().toString()).contains("More than 5,000 'grammar' tokens");
    }

    @Test
    void noStackTraceReachesAClient() {
        EntityExchangeResult<Map<String, Object>> result = exchange(HttpMethod.GET,
                get(Map.of("query", "{ trace(gtin: \"x\", lot: \"y\") { key } }")), GRAPHQL_RESPONSE, null);
        assertThat(result.getResponseBody().toString()).doesNotContain("Exception", "\tat ", ".java:");
        assertThat(result.getResponseHeaders().getFirst(HttpHeaders.CONTENT_TYPE)).isNotNull();
    }
}
