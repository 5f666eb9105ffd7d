package org.terroir.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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

    // --- bodies the handler cannot run: a GraphQL error naming the problem, never an empty 200 or a 500

    private EntityExchangeResult<Map<String, Object>> raw(HttpMethod method, String path, MediaType type, byte[] body) {
        var spec = client.method(method).uri(URI.create("http://localhost:" + port + path)).accept(MediaType.APPLICATION_JSON);
        if (type != null) {
            spec = spec.contentType(type);
        }
        return (body == null ? spec.exchange() : spec.bodyValue(body).exchange()).expectBody(JSON_MAP).returnResult();
    }

    @SuppressWarnings("unchecked")
    private static String onlyMessage(EntityExchangeResult<Map<String, Object>> result) {
        List<Map<String, Object>> errors = (List<Map<String, Object>>) result.getResponseBody().get("errors");
        assertThat(errors).as(String.valueOf(result.getResponseBody())).singleElement();
        String message = (String) errors.getFirst().get("message");
        assertThat(message).doesNotContain("PersistedQueryMarker", "Exception", "SerializableGraphQlRequest");
        return message;
    }

    @Test
    void aBodyThatIsNoGraphQlRequestIs400NamingWhatIsWrong() {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("", "the request body is empty");
        cases.put("[{\"query\": \"{ __typename }\"}]", "batched requests (a JSON array) are not supported");
        cases.put("{}", "the request has no 'query'");
        cases.put("{\"extensions\": {\"persistedQuery\": {\"version\": 1, \"sha256Hash\": \"abc\"}}}", "the request has no 'query'");
        cases.put("{\"query\": \"  \"}", "'query' must be a GraphQL document in a non-blank string");
        cases.put("{\"query\": \"{ __typename }\", \"variables\": [1]}", "'variables' must be a JSON object or null");
        cases.put("{\"query\": \"{ __typename }\", \"operationName\": 5}", "'operationName' must be a string or null");
        cases.put("nonsense", "the request body is not JSON");
        cases.put("\"{ __typename }\"", "must be a JSON object with a 'query'");
        cases.forEach((body, reason) -> {
            EntityExchangeResult<Map<String, Object>> result = raw(HttpMethod.POST, "/graphql", MediaType.APPLICATION_JSON,
                    body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(result.getStatus()).as(body).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(onlyMessage(result)).as(body).contains(reason);
        });
        EntityExchangeResult<Map<String, Object>> graphQlBody = raw(HttpMethod.POST, "/graphql",
                MediaType.parseMediaType("application/graphql"), "{ __typename }".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(graphQlBody.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(onlyMessage(graphQlBody)).contains("application/json", "got application/graphql");
        EntityExchangeResult<Map<String, Object>> noBody = raw(HttpMethod.POST, "/graphql", null, null);
        assertThat(noBody.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(onlyMessage(noBody)).contains("got no Content-Type");
    }

    @Test
    void unknownMembersAreIgnoredAsTheSpecificationLetsClientsAddTheirOwn() {
        EntityExchangeResult<Map<String, Object>> result = raw(HttpMethod.POST, "/graphql", MediaType.APPLICATION_JSON,
                "{\"query\": \"{ __typename }\", \"id\": \"client-7\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(result.getResponseBody()).containsEntry("data", Map.of("__typename", "Query"));
    }

    @Test
    void putAndDeleteAre405WithAllowGetPost() {
        for (HttpMethod method : List.of(HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH)) {
            EntityExchangeResult<Map<String, Object>> result = raw(method, "/graphql", MediaType.APPLICATION_JSON,
                    "{\"query\": \"{ __typename }\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(result.getStatus()).as(method.name()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
            assertThat(result.getResponseHeaders().getAllow()).containsExactlyInAnyOrder(HttpMethod.GET, HttpMethod.POST);
            assertThat(onlyMessage(result)).contains("not allowed");
        }
    }

    @Test
    void aBodyOverTheLimitIs413WithAMessageNotA500() {
        byte[] big = ("{\"query\": \"{ __typename }\", \"variables\": {\"x\": \"" + "a".repeat(300_000) + "\"}}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        EntityExchangeResult<Map<String, Object>> graphQl = raw(HttpMethod.POST, "/graphql", MediaType.APPLICATION_JSON, big);
        assertThat(graphQl.getStatus()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(onlyMessage(graphQl)).contains("larger than the limit of 65536 bytes (terroir.graphql.max-body)");
        EntityExchangeResult<Map<String, Object>> place = raw(HttpMethod.POST, "/scans/AAAAAAAAAAAAAAAAAAAAAA/place",
                MediaType.APPLICATION_JSON, big);
        assertThat(place.getStatus()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat((String) place.getResponseBody().get("detail")).contains("larger than this server reads");
    }

    @Test
    void everyResponseCarriesTheSecurityHeadersAndGraphiQlItsOwnPolicy() {
        EntityExchangeResult<Map<String, Object>> answer = post(GRAPHQL_RESPONSE, "{ __typename }");
        HttpHeaders headers = answer.getResponseHeaders();
        assertThat(headers.getFirst("Content-Security-Policy")).isEqualTo(
                "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(headers.getFirst("Permissions-Policy")).startsWith("geolocation=(self), camera=()");
        HttpHeaders graphiQl = client.get().uri(URI.create("http://localhost:" + port + "/graphiql?path=/graphql")).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseHeaders();
        assertThat(graphiQl.getFirst("Content-Security-Policy")).as("this server only, no inline script or style").isEqualTo(
                "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:;"
                        + " font-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    }

    @Test
    void graphiQlIsServedWhollyByThisServerItsFilesCompressedAndRevalidated() {
        String page = client.get().uri(URI.create("http://localhost:" + port + "/graphiql?path=/graphql")).exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).doesNotContain("http:", "https:", "//", "esm.sh", "${").doesNotContainPattern("<script>|<style|style=");
        List<String> files = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page).results().map(match -> match.group(1)).toList();
        assertThat(files).contains("graphiql/start.js", "graphiql/page.css")
                .anySatisfy(file -> assertThat(file).matches("webjars/graphiql/[0-9.]+/graphiql\\.min\\.js"))
                .anySatisfy(file -> assertThat(file).matches("webjars/react/18\\.[0-9.]+/umd/react\\.production\\.min\\.js"))
                .anySatisfy(file -> assertThat(file).matches("webjars/react-dom/18\\.[0-9.]+/umd/react-dom\\.production\\.min\\.js"))
                .anySatisfy(file -> assertThat(file).endsWith("/graphiql.min.css"));

        // The JDK's client, which leaves the compression as it came; HTTP/1.1 as a browser speaks it to a
        // plain-http server (no h2c upgrade), and a bound on each answer, so that a lost one fails the test.
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build()) {
            for (String file : files) {
                URI uri = URI.create("http://localhost:" + port + "/" + file);
                HttpResponse<byte[]> response = send(http, HttpRequest.newBuilder(uri).header(HttpHeaders.ACCEPT_ENCODING, "gzip").build());
                assertThat(response.statusCode()).as(file).isEqualTo(200);
                assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE)).as(file).hasValueSatisfying(type ->
                        assertThat(type).matches("text/(javascript|css).*"));
                if (file.startsWith("webjars/")) { // GraphiQL's and React's; the page's own two are under the 2 KB worth compressing
                    assertThat(response.headers().firstValue(HttpHeaders.CONTENT_ENCODING)).as(file + " compressed").hasValue("gzip");
                }
                assertThat(response.headers().firstValue(HttpHeaders.CACHE_CONTROL)).as(file + " kept by the browser, asked again")
                        .hasValue("no-cache");
                String lastModified = response.headers().firstValue(HttpHeaders.LAST_MODIFIED).orElseThrow();
                assertThat(send(http, HttpRequest.newBuilder(uri).header(HttpHeaders.IF_MODIFIED_SINCE, lastModified).build())
                        .statusCode()).as(file + " unchanged").isEqualTo(304);
            }
        }
    }

    private static HttpResponse<byte[]> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(HttpRequest.newBuilder(request, (name, value) -> true).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
