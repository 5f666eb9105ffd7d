package org.terroir.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.terroir.trace.access.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The binding's named queries on the demo data: made, listed, shown, run page by page and deleted by
 * the party that made them (and regulators), not there for anyone else; every answer one the binding
 * describes; and {@code GET /}, the repository's top-level resources.
 */
class NamedQueryIT extends DemoApiTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LC2601 = "urn:epc:class:lgtin:9520011.000102.LC2601";

    private WebTestClient web;

    @BeforeEach
    void web() {
        web = DemoGraph.client(port, "");
    }

    private static String liancheng() {
        return token(Role.ASSOCIATION, LIANCHENG_ASSOCIATION);
    }

    private static EntityExchangeResult<byte[]> contract(String method, String path, WebTestClient.ResponseSpec response) {
        EntityExchangeResult<byte[]> result = response.expectBody().returnResult();
        OpenApiContract.epcis().check(method, path, result);
        return result;
    }

    private WebTestClient.ResponseSpec send(String method, String token, String uri, String body) {
        URI absolute = URI.create("http://localhost:" + port + uri);
        WebTestClient.RequestBodySpec request = web.method(org.springframework.http.HttpMethod.valueOf(method)).uri(absolute)
                .headers(headers -> {
                    if (token != null) {
                        headers.setBearerAuth(token);
                    }
                });
        return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static String definition(String name) {
        return """
                {"name": "%s", "query": {"MATCH_anyEPCClass": ["%s"], "EQ_bizStep": ["shipping", "receiving"],
                 "GE_eventTime": "2026-01-01T00:00:00+08:00"}}""".formatted(name, LC2601);
    }

    /** The ids of every event from {@code first} on, following the {@code Link}s. */
    private List<String> events(String token, String first, String path) {
        List<String> ids = new ArrayList<>();
        for (String next = first; next != null; ) {
            EntityExchangeResult<byte[]> page = contract("get", path, send("GET", token, next.replaceFirst("^http://[^/]+", ""), null));
            assertThat(page.getStatus()).as(new String(page.getResponseBody(), StandardCharsets.UTF_8)).isEqualTo(HttpStatus.OK);
            JSON.readTree(page.getResponseBody()).at("/epcisBody/queryResults/resultsBody/eventList")
                    .forEach(e -> ids.add(e.get("eventID").asString()));
            String link = page.getResponseHeaders().getFirst(HttpHeaders.LINK);
            next = link == null ? null : link.substring(1, link.indexOf('>'));
        }
        return ids;
    }

    @Test
    void aPartyNamesAQueryRunsItPageByPageAndDeletesItAndNobodyElseSeesIt() {
        String name = "lc2601-hops-" + UUID.randomUUID();
        EntityExchangeResult<byte[]> created = contract("post", "/queries", send("POST", liancheng(), "/queries", definition(name)));
        assertThat(created.getStatus()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getResponseHeaders().getLocation()).hasToString("/queries/" + name);
        assertThat(contract("post", "/queries", send("POST", liancheng(), "/queries", definition(name))).getStatus())
                .as("the name is taken").isEqualTo(HttpStatus.CONFLICT);

        JsonNode shown = JSON.readTree(contract("get", "/queries/{queryName}", send("GET", liancheng(), "/queries/" + name, null))
                .getResponseBody());
        assertThat(shown.get("name").asString()).isEqualTo(name);
        assertThat(shown.at("/query/EQ_bizStep")).extracting(JsonNode::asString).containsExactly("shipping", "receiving");
        assertThat(shown.at("/query/GE_eventTime").asString()).isEqualTo("2026-01-01T00:00:00+08:00");

        JsonNode listed = JSON.readTree(contract("get", "/queries", send("GET", liancheng(), "/queries?perPage=100", null))
                .getResponseBody());
        assertThat(listed.findValuesAsString("name")).contains(name);

        List<String> viaName = events(liancheng(), "/queries/" + name + "/events?perPage=3", "/queries/{queryName}/events");
        List<String> direct = events(liancheng(), "/events?MATCH_anyEPCClass=" + URLEncoder.encode(LC2601, StandardCharsets.UTF_8)
                + "&EQ_bizStep=shipping%7Creceiving&GE_eventTime=" + URLEncoder.encode("2026-01-01T00:00:00+08:00",
                StandardCharsets.UTF_8), "/events");
        assertThat(viaName).hasSizeGreaterThan(3).isEqualTo(direct);

        String yongjing = token(Role.ASSOCIATION, YONGJING_ASSOCIATION);
        assertThat(contract("get", "/queries/{queryName}", send("GET", yongjing, "/queries/" + name, null)).getStatus())
                .as("another party's query is not there for it").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(JSON.readTree(contract("get", "/queries", send("GET", yongjing, "/queries", null)).getResponseBody())
                .findValuesAsString("name")).doesNotContain(name);
        assertThat(contract("delete", "/queries/{queryName}", send("DELETE", yongjing, "/queries/" + name, null)).getStatus())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(contract("get", "/queries/{queryName}/events", send("GET", yongjing, "/queries/" + name + "/events", null))
                .getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(contract("get", "/queries/{queryName}", send("GET", token(Role.REGULATOR, null), "/queries/" + name, null))
                .getStatus()).as("a regulator sees every query").isEqualTo(HttpStatus.OK);

        assertThat(contract("delete", "/queries/{queryName}", send("DELETE", liancheng(), "/queries/" + name, null)).getStatus())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(contract("get", "/queries/{queryName}", send("GET", liancheng(), "/queries/" + name, null)).getStatus())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aQueryThatIsNoneIsRefusedNamingWhatIsWrong() {
        String[][] refused = {
                {"{\"name\": \"has space\", \"query\": {}}", "name"},
                {"{\"name\": \"q-" + UUID.randomUUID() + "\", \"query\": {\"EQ_action\": [\"MAKE\"]}}", "EQ_action"},
                {"{\"name\": \"q-" + UUID.randomUUID() + "\", \"query\": {\"GE_eventTime\": [\"2026-01-01T00:00:00Z\"]}}", "GE_eventTime"},
                {"{\"name\": \"q-" + UUID.randomUUID() + "\", \"query\": {\"EQ_colour\": [\"red\"]}}", "EQ_colour"},
                {"{\"name\": \"q-" + UUID.randomUUID() + "\"}", "query"},
                {"[1, 2", "body"}};
        for (String[] body : refused) {
            EntityExchangeResult<byte[]> answer = contract("post", "/queries", send("POST", liancheng(), "/queries", body[0]));
            assertThat(answer.getStatus()).as(body[0]).isEqualTo(HttpStatus.BAD_REQUEST);
            JsonNode problem = JSON.readTree(answer.getResponseBody());
            assertThat(problem.get("type").asString()).isEqualTo("epcisException:QueryParameterException");
            assertThat(problem.get("detail").asString()).as(body[0]).startsWith(body[1] + ": ");
        }
        assertThat(contract("post", "/queries", send("POST", null, "/queries", definition("q-" + UUID.randomUUID()))).getStatus())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(contract("post", "/queries", web.post().uri(URI.create("http://localhost:" + port + "/queries"))
                .headers(h -> h.setBearerAuth(liancheng())).contentType(MediaType.TEXT_PLAIN).bodyValue("name=x").exchange())
                .getStatus()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void theRootListsTheTopLevelResourcesAndOptionsSayWhatEachTakes() {
        JsonNode root = JSON.readTree(contract("get", "/", send("GET", null, "/", null)).getResponseBody());
        assertThat(root.get("member")).extracting(JsonNode::asString).containsExactlyInAnyOrder("queries", "capture", "events",
                "eventTypes", "epcs", "readPoints", "bizLocations", "dispositions", "bizSteps");
        for (String[] options : new String[][] {{"/", "/", "OPTIONS, GET"}, {"/queries", "/queries", "OPTIONS, GET, POST"},
                {"/queries/{queryName}", "/queries/any", "OPTIONS, GET, DELETE"},
                {"/queries/{queryName}/events", "/queries/any/events", "OPTIONS, GET"}}) {
            EntityExchangeResult<byte[]> answer = contract("options", options[0], send("OPTIONS", null, options[1], null));
            assertThat(answer.getStatus()).as(options[1]).isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(answer.getResponseHeaders().getFirst(HttpHeaders.ALLOW)).as(options[1]).isEqualTo(options[2]);
        }
    }
}
