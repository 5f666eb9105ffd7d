package org.terroir.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.terroir.testsupport.SharedFiles;
import org.terroir.testsupport.TestNeo4j;
import org.terroir.trace.access.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The EPCIS capture interface over HTTP against the test JVM's Neo4j: a regulator hands in a
 * document, its job says what became of it, its events are in the graph once, marked with the job
 * and the server's record time; a document with problems writes nothing and its job lists them;
 * a party captures only what happens at its places; refusals are the binding's problems. The events captured here are of a company prefix (9520999)
 * and a year (2030) no other test reads.
 */
class CaptureIT extends DemoApiTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One ObjectEvent of id {@code %s}: a unit observed at a station, in 2030. */
    private static final String TEMPLATE = """
            {
              "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
              "type": "EPCISDocument",
              "schemaVersion": "2.0",
              "creationDate": "2030-01-02T08:00:00+08:00",
              "epcisBody": {
                "eventList": [
                  {
                    "type": "ObjectEvent",
                    "eventID": "%s",
                    "eventTime": "2030-01-02T08:00:00+08:00",
                    "eventTimeZoneOffset": "+08:00",
                    "recordTime": "2020-01-01T00:00:00Z",
                    "action": "OBSERVE",
                    "bizStep": "receiving",
                    "readPoint": {"id": "urn:epc:id:sgln:9520999.00001.0"},
                    "bizLocation": {"id": "urn:epc:id:sgln:9520999.00001.0"},
                    "epcList": ["urn:epc:id:sgtin:9520999.000001.CAP-1"]
                  }
                ]
              }
            }""";

    /** An event of this test run's own. */
    private final String eventId = "urn:uuid:" + UUID.randomUUID();

    private final String document = TEMPLATE.formatted(eventId);

    private WebTestClient web;

    @BeforeEach
    void web() {
        web = DemoGraph.client(port, "");
    }

    private WebTestClient.ResponseSpec post(String token, MediaType type, String body) {
        return web.post().uri("/capture").headers(headers -> {
            if (token != null) {
                headers.setBearerAuth(token);
            }
        }).contentType(type).bodyValue(body).exchange();
    }

    private static String regulator() {
        return token(Role.REGULATOR, null);
    }

    private JsonNode job(String location, String token) {
        byte[] body = web.get().uri(location).headers(headers -> headers.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("GS1-EPCIS-Version", "2.0.0")
                .expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    /** The job at {@code location}, once it no longer runs. */
    private JsonNode finished(String location) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> job(location, regulator()), job -> !job.get("running").asBoolean());
    }

    private String capture(MediaType type, String body) {
        String location = post(regulator(), type, body).expectStatus().isAccepted()
                .expectHeader().valueEquals("GS1-EPCIS-Version", "2.0.0").expectHeader().valueEquals("GS1-CBV-Version", "2.0.0")
                .returnResult(Void.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);
        assertThat(location).matches("/capture/[0-9a-f-]{36}");
        return location;
    }

    private static long count(String cypher) {
        Driver driver = TestNeo4j.get().driver();
        return driver.executableQuery(cypher).execute().records().getFirst().get(0).asLong();
    }

    @Test
    void aRegulatorsDocumentIsCapturedOnceWithTheServersRecordTimeAndItsJobSaysSo() {
        String location = capture(MediaType.parseMediaType("application/ld+json"), document);
        JsonNode job = finished(location);

        assertThat(job.get("success").asBoolean()).as(job.toString()).isTrue();
        assertThat(job.get("captureErrorBehaviour").asString()).isEqualTo("rollback");
        assertThat(job.get("events").asLong()).isEqualTo(1);
        assertThat(job.get("errors")).isEmpty();
        assertThat(job.has("subject")).as("who handed it in is not shown").isFalse();
        Instant createdAt = Instant.parse(job.get("createdAt").asString());
        assertThat(Instant.parse(job.get("finishedAt").asString())).isAfterOrEqualTo(createdAt);
        String id = location.substring("/capture/".length());
        var event = TestNeo4j.get().driver().executableQuery("MATCH (e:Event {eventId: $id}) RETURN e.document AS document, "
                + "e.recordTime AS recordTime").withParameters(Map.of("id", eventId)).execute().records();
        assertThat(event).singleElement().satisfies(row -> {
            assertThat(row.get("document").asString()).isEqualTo("capture/" + id);
            assertThat(row.get("recordTime").asZonedDateTime().toInstant()).as("the server's, not the document's")
                    .isEqualTo(createdAt);
        });
        assertThat(CAPTURE_SPOOL.resolve(id + ".jsonld")).as("the document, once captured").doesNotExist();

        // Again: the same event is not written twice; the second job succeeds all the same.
        JsonNode again = finished(capture(MediaType.APPLICATION_JSON, document));
        assertThat(again.get("success").asBoolean()).isTrue();
        assertThat(count("MATCH (e:Event {eventId: '" + eventId + "'}) RETURN count(e)")).isOne();
        assertThat(count("MATCH (e:Event {eventId: '" + eventId + "'}) WHERE e.document = '" + location.substring(1)
                + "' RETURN count(e)")).as("the job that first brought it").isOne();
    }

    /** A document of one event of this run's own, observed at {@code where} (an SGLN), with more fields. */
    private String at(String where, String bizStep, String more) {
        return document.replace("\"bizStep\": \"receiving\"", "\"bizStep\": \"" + bizStep + "\"")
                .replace("urn:epc:id:sgln:9520999.00001.0", where)
                .replace("\"epcList\": [\"urn:epc:id:sgtin:9520999.000001.CAP-1\"]",
                        "\"epcList\": [\"urn:epc:id:sgtin:9520999.000001.CAP-1\"]" + more);
    }

    private String capture(String token, String body) {
        return post(token, MediaType.APPLICATION_JSON, body).expectStatus().isAccepted()
                .returnResult(Void.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);
    }

    @Test
    void aCarrierCannotCaptureAnEventAtAnotherPartysLocationEvenNamingItselfAsItsPossessor() {
        long events = count("MATCH (e:Event) RETURN count(e)");
        // The Beituan cooperative's collection point; China Post EMS (demo) names itself the possessing party.
        String shipping = at("urn:epc:id:sgln:9520011.10010.0", "shipping", """
                , "destinationList": [{"type": "possessing_party", "destination": "urn:epc:id:pgln:9520099.00001"}]""");

        JsonNode job = finished(capture(token(Role.LOGISTICS, CARRIER), shipping));

        assertThat(job.get("success").asBoolean()).isFalse();
        assertThat(job.get("errors")).isNotEmpty().allSatisfy(error -> {
            assertThat(error.get("type").asString()).isEqualTo("epcisException:SecurityException");
            assertThat(error.get("status").asInt()).isEqualTo(403);
            assertThat(error.get("eventIndex").asInt()).isZero();
            assertThat(error.get("field").asString()).isIn("bizLocation", "readPoint");
            assertThat(error.get("reason").asString()).contains("414/9520011100106", "party 9520011000024");
        });
        assertThat(count("MATCH (e:Event) RETURN count(e)")).as("nothing written").isEqualTo(events);
    }

    @Test
    void eachPartyCapturesWhatHappensAtItsPlacesAndEachEventRecordsItsJob() {
        // EMS at its Longyan hub; the Xiwei village station's staff at their station.
        String hub = capture(token(Role.LOGISTICS, CARRIER), at("urn:epc:id:sgln:9520099.10001.0", "receiving", ""));
        JsonNode job = finished(hub);
        assertThat(job.get("success").asBoolean()).as(job.toString()).isTrue();
        String id = hub.substring("/capture/".length());
        assertThat(count("""
                MATCH (:Event {eventId: '%s'})-[:CAPTURED_IN]->(j:CaptureJob {id: '%s', role: 'logistics'})
                WHERE j.parties = ['9520099000015'] AND j.subject = 'test-logistics' RETURN count(*)""".formatted(eventId, id)))
                .as("who captured it, in which job").isOne();
        web.get().uri(hub).headers(headers -> headers.setBearerAuth(token(Role.LOGISTICS, CARRIER))).exchange()
                .expectStatus().isOk();

        String other = "urn:uuid:" + UUID.randomUUID();
        String station = at("urn:epc:id:sgln:9520090.01101.0", "receiving", "").replace(eventId, other);
        assertThat(finished(capture(token(Role.STATION, "9520090011010"), station)).get("success").asBoolean()).isTrue();
        JsonNode elsewhere = finished(capture(token(Role.STATION, "9520090012017"),
                at("urn:epc:id:sgln:9520090.01101.0", "receiving", "").replace(eventId, "urn:uuid:" + UUID.randomUUID())));
        assertThat(elsewhere.get("success").asBoolean()).as("the township station's staff, at the village station").isFalse();
    }

    @Test
    void aDocumentWithProblemsFailsItsJobWithEveryProblemAndWritesNothing() throws Exception {
        Path invalid = SharedFiles.require("corpus/epcis-openepcis/JSON/Invalid/Combination_of_multiple_invalid_fields.json");
        long events = count("MATCH (e:Event) RETURN count(e)");

        JsonNode job = finished(capture(MediaType.APPLICATION_JSON, Files.readString(invalid)));

        assertThat(job.get("success").asBoolean()).isFalse();
        assertThat(job.get("errors")).isNotEmpty().allSatisfy(error -> {
            assertThat(error.get("type").asString()).isEqualTo("epcisException:ValidationException");
            assertThat(error.get("status").asInt()).isEqualTo(400);
            assertThat(error.get("title").asString()).isNotBlank();
            assertThat(error.has("eventIndex") && error.has("field") && error.has("detail")).as(error.toString()).isTrue();
        });
        assertThat(count("MATCH (e:Event) RETURN count(e)")).as("nothing written").isEqualTo(events);
    }

    @Test
    void anXmlDocumentIsCapturedToo() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0" creationDate="2030-01-02T09:00:00+08:00">
                  <EPCISBody>
                    <EventList>
                      <ObjectEvent>
                        <eventTime>2030-01-02T09:00:00+08:00</eventTime>
                        <eventTimeZoneOffset>+08:00</eventTimeZoneOffset>
                        <eventID>%s</eventID>
                        <epcList><epc>urn:epc:id:sgtin:9520999.000001.CAP-2</epc></epcList>
                        <action>OBSERVE</action>
                        <bizStep>urn:epcglobal:cbv:bizstep:receiving</bizStep>
                        <readPoint><id>urn:epc:id:sgln:9520999.00001.0</id></readPoint>
                      </ObjectEvent>
                    </EventList>
                  </EPCISBody>
                </epcis:EPCISDocument>
                """.formatted(eventId);
        JsonNode job = finished(capture(MediaType.APPLICATION_XML, xml));
        assertThat(job.get("success").asBoolean()).as(job.toString()).isTrue();
        assertThat(job.get("events").asLong()).isOne();
        assertThat(count("MATCH (e:Event {eventId: '" + eventId + "'}) RETURN count(e)")).isOne();
    }

    @Test
    void refusalsAreTheBindingsProblems() {
        assertProblem(post(null, MediaType.APPLICATION_JSON, document), HttpStatus.UNAUTHORIZED, "epcisException:SecurityException");
        assertProblem(post(token(Role.PUBLIC, null), MediaType.APPLICATION_JSON, document), HttpStatus.UNAUTHORIZED,
                "epcisException:SecurityException");
        assertProblem(post(regulator(), MediaType.TEXT_PLAIN, document), HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "epcisException:UnsupportedMediaTypeException");
        assertProblem(web.post().uri("/capture").headers(headers -> headers.setBearerAuth(regulator()))
                .header("GS1-Capture-Error-Behaviour", "proceed").contentType(MediaType.APPLICATION_JSON).bodyValue(document)
                .exchange(), HttpStatus.BAD_REQUEST, "epcisException:ValidationException");
        assertProblem(web.post().uri("/capture").headers(headers -> headers.setBearerAuth(regulator()))
                .header("GS1-EPCIS-Version", "1.2").contentType(MediaType.APPLICATION_JSON).bodyValue(document)
                .exchange(), HttpStatus.NOT_ACCEPTABLE, "epcisException:NotAcceptableException");
        assertProblem(web.post().uri("/capture").headers(headers -> headers.setBearerAuth(regulator()))
                .header("GS1-CBV-Version", "1.2.2").contentType(MediaType.APPLICATION_JSON).bodyValue(document)
                .exchange(), HttpStatus.NOT_ACCEPTABLE, "epcisException:NotAcceptableException");
        assertProblem(web.get().uri("/capture/no-such-job").headers(headers -> headers.setBearerAuth(regulator())).exchange(),
                HttpStatus.NOT_FOUND, "epcisException:NoSuchNameException");
    }

    @Test
    void aDocumentOverTheLimitIsRefusedBeforeAJobAndLeavesNothingBehind() throws Exception {
        long jobs = count("MATCH (j:CaptureJob) RETURN count(j)");
        String large = document.replace("\"type\": \"EPCISDocument\",", "\"type\": \"EPCISDocument\", \"padding\": \""
                + "x".repeat((int) CAPTURE_LIMIT) + "\",");

        assertProblem(post(regulator(), MediaType.APPLICATION_JSON, large), HttpStatus.CONTENT_TOO_LARGE,
                "epcisException:CaptureLimitExceededException");

        assertThat(count("MATCH (j:CaptureJob) RETURN count(j)")).isEqualTo(jobs);
        try (var left = Files.list(CAPTURE_SPOOL)) {
            assertThat(left.filter(file -> Files.isRegularFile(file)).toList()).as("no document kept")
                    .allSatisfy(file -> assertThat(Files.size(file)).isLessThan(CAPTURE_LIMIT));
        }
    }

    @Test
    void aJobIsShownToWhoHandedItInAndToRegulatorsOnlyAndTheListPagesByLink() {
        String location = capture(MediaType.APPLICATION_JSON, document);
        finished(location);
        web.get().uri(location).headers(headers -> headers.setBearerAuth(token(Role.ASSOCIATION, LIANCHENG_ASSOCIATION)))
                .exchange().expectStatus().isNotFound();

        List<String> ids = new java.util.ArrayList<>();
        String next = "/capture?perPage=1";
        for (int page = 0; next != null && page < 3; page++) {
            var result = web.get().uri(URI.create("http://localhost:" + port + next)).headers(headers -> headers.setBearerAuth(regulator())).exchange()
                    .expectStatus().isOk().expectBody().returnResult();
            JsonNode jobs = JSON.readTree(result.getResponseBody());
            assertThat(jobs).hasSize(1);
            ids.add(jobs.get(0).get("captureID").asString());
            String link = result.getResponseHeaders().getFirst(HttpHeaders.LINK);
            next = link == null ? null : link.substring(1, link.indexOf('>'));
        }
        assertThat(ids).as("newest first, each once").doesNotHaveDuplicates().first().isEqualTo(location.substring("/capture/".length()));
        web.get().uri("/capture?perPage=0").headers(headers -> headers.setBearerAuth(regulator())).exchange()
                .expectStatus().isBadRequest();
        web.get().uri("/capture?nextPageToken=not-a-token").headers(headers -> headers.setBearerAuth(regulator())).exchange()
                .expectStatus().isBadRequest();
    }

    /** The one event of {@link #document}, on its own (the binding's EPCIS-Document-Event). */
    private String singleEvent() {
        String event = JSON.readTree(document).get("epcisBody").get("eventList").get(0).toString();
        return "{\"@context\": [\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\"], " + event.substring(1);
    }

    private WebTestClient.ResponseSpec postEvent(String token, MediaType type, String body) {
        return web.post().uri("/events").headers(headers -> {
            if (token != null) {
                headers.setBearerAuth(token);
            }
        }).contentType(type).bodyValue(body).exchange();
    }

    @Test
    void oneEventIsCapturedAtOnceWith201AndItsPlaceAndAgainIsAConflict() {
        String location = postEvent(regulator(), MediaType.APPLICATION_JSON, singleEvent()).expectStatus().isCreated()
                .expectHeader().valueEquals("GS1-EPCIS-Version", "2.0.0")
                .returnResult(Void.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);

        assertThat(location).isEqualTo("/events/" + java.net.URLEncoder.encode(eventId, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(count("MATCH (e:Event {eventId: '" + eventId + "'})-[:CAPTURED_IN]->(j:CaptureJob {running: false, success: true}) "
                + "WHERE e.recordTime = j.createdAt RETURN count(e)")).as("in the graph, with its job and the server's record time").isOne();
        assertProblem(postEvent(regulator(), MediaType.parseMediaType("application/ld+json"), singleEvent()), HttpStatus.CONFLICT,
                "epcisException:ResourceAlreadyExistsException");
        assertThat(count("MATCH (e:Event {eventId: '" + eventId + "'}) RETURN count(e)")).isOne();
    }

    @Test
    void oneEventIsRefusedAtOnceWithTheReasonOfItsJob() {
        long events = count("MATCH (e:Event) RETURN count(e)");
        JsonNode invalid = assertProblem(postEvent(regulator(), MediaType.APPLICATION_JSON,
                singleEvent().replace("\"action\":\"OBSERVE\"", "\"action\":\"ADDD\"")), HttpStatus.BAD_REQUEST,
                "epcisException:ValidationException");
        assertThat(invalid.get("detail").asString()).startsWith("action: ");
        assertThat(invalid.get("errors")).singleElement().satisfies(error -> assertThat(error.get("eventIndex").asInt()).isZero());

        JsonNode foreign = assertProblem(postEvent(token(Role.LOGISTICS, CARRIER), MediaType.APPLICATION_JSON,
                singleEvent().replace("urn:epc:id:sgln:9520999.00001.0", "urn:epc:id:sgln:9520011.10010.0")), HttpStatus.FORBIDDEN,
                "epcisException:SecurityException");
        assertThat(foreign.get("detail").asString()).contains("party 9520011000024");

        assertProblem(postEvent(regulator(), MediaType.APPLICATION_JSON, document), HttpStatus.BAD_REQUEST,
                "epcisException:ValidationException");
        assertProblem(postEvent(regulator(), MediaType.APPLICATION_JSON, "[1, 2"), HttpStatus.BAD_REQUEST,
                "epcisException:ValidationException");
        assertProblem(postEvent(null, MediaType.APPLICATION_JSON, singleEvent()), HttpStatus.UNAUTHORIZED,
                "epcisException:SecurityException");
        assertProblem(postEvent(regulator(), MediaType.APPLICATION_XML, "<ObjectEvent/>"), HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "epcisException:UnsupportedMediaTypeException");
        assertThat(count("MATCH (e:Event) RETURN count(e)")).as("nothing written").isEqualTo(events);
    }

    /** The exchange, checked against the binding's description of {@code method path}. */
    private static org.springframework.test.web.reactive.server.EntityExchangeResult<byte[]> contract(String method, String path,
            WebTestClient.ResponseSpec response) {
        var result = response.expectBody().returnResult();
        OpenApiContract.epcis().check(method, path, result);
        return result;
    }

    @Test
    void everyAnswerIsOneTheBindingDescribes() {
        String regulator = regulator();
        contract("options", "/capture", web.options().uri("/capture").exchange());
        String location = contract("post", "/capture", post(regulator, MediaType.APPLICATION_JSON, document))
                .getResponseHeaders().getFirst(HttpHeaders.LOCATION);
        contract("get", "/capture/{captureID}", web.get().uri(location).headers(h -> h.setBearerAuth(regulator)).exchange());
        finished(location);
        contract("get", "/capture/{captureID}", web.get().uri(location).headers(h -> h.setBearerAuth(regulator)).exchange());
        contract("get", "/capture", web.get().uri("/capture?perPage=2").headers(h -> h.setBearerAuth(regulator)).exchange());
        JsonNode failed = finished(capture(MediaType.APPLICATION_JSON, document.replace("\"OBSERVE\"", "\"ADDD\"")));
        assertThat(failed.get("success").asBoolean()).isFalse();
        contract("get", "/capture/{captureID}", web.get().uri("/capture/" + failed.get("captureID").asString())
                .headers(h -> h.setBearerAuth(regulator)).exchange());
        contract("get", "/capture/{captureID}", web.get().uri("/capture/no-such-job").headers(h -> h.setBearerAuth(regulator)).exchange());
        contract("post", "/capture", post(null, MediaType.APPLICATION_JSON, document));
        contract("post", "/capture", post(regulator, MediaType.TEXT_PLAIN, document));
        contract("post", "/capture", web.post().uri("/capture").headers(h -> h.setBearerAuth(regulator)).header("GS1-EPCIS-Version", "1.2")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(document).exchange());
        contract("post", "/capture", post(regulator, MediaType.APPLICATION_JSON, document.replace("\"type\": \"EPCISDocument\",",
                "\"type\": \"EPCISDocument\", \"padding\": \"" + "x".repeat((int) CAPTURE_LIMIT) + "\",")));
        contract("get", "/capture", web.get().uri("/capture").exchange());

        String other = "urn:uuid:" + UUID.randomUUID();
        contract("post", "/events", postEvent(regulator, MediaType.APPLICATION_JSON, singleEvent().replace(eventId, other)));
        var conflict = contract("post", "/events", postEvent(regulator, MediaType.APPLICATION_JSON, singleEvent().replace(eventId, other)));
        JsonNode problem = JSON.readTree(conflict.getResponseBody());
        assertThat(problem.get("type").asString()).isEqualTo("epcisException:ResourceAlreadyExistsException");
        assertThat(problem.get("status").asInt()).isEqualTo(409);
        contract("post", "/events", postEvent(regulator, MediaType.APPLICATION_JSON, singleEvent().replace("\"action\":\"OBSERVE\"",
                "\"action\":\"ADDD\"")));
        contract("post", "/events", postEvent(token(Role.LOGISTICS, CARRIER), MediaType.APPLICATION_JSON,
                singleEvent().replace("urn:epc:id:sgln:9520999.00001.0", "urn:epc:id:sgln:9520011.10010.0")));
        contract("post", "/events", postEvent(null, MediaType.APPLICATION_JSON, singleEvent()));
        contract("post", "/events", postEvent(regulator, MediaType.APPLICATION_XML, "<ObjectEvent/>"));
    }

    @Test
    void optionsSaysWhatTheInterfaceTakes() {
        web.options().uri("/capture").exchange().expectStatus().isNoContent()
                .expectHeader().valueEquals("GS1-EPCIS-Version", "2.0.0")
                .expectHeader().valueEquals("GS1-Capture-Error-Behaviour", "rollback")
                .expectHeader().valueEquals("GS1-EPCIS-Capture-File-Size-Limit", Long.toString(CAPTURE_LIMIT))
                .expectHeader().valueEquals("GS1-EPCIS-Capture-Limit", "1000000")
                .expectHeader().valueEquals(HttpHeaders.ALLOW, "OPTIONS, GET, POST");
    }

    private static JsonNode assertProblem(WebTestClient.ResponseSpec response, HttpStatus status, String type) {
        byte[] body = response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult().getResponseBody();
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.get("type").asString()).isEqualTo(type);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status.value());
        return problem;
    }
}
