package org.terroir.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.terroir.testsupport.TestNeo4j;
import org.terroir.trace.access.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A regulator marks a batch recalled; nobody else can; the batch and every batch made from it show
 * the recall wherever a query reaches them; the recall is an EPCIS event too, which the brand's
 * association is sent, signed, when subscribed to recalls, and another association is not. Writes to
 * the shared demo graph: only Jizhou's raw chestnut lot JZ2601R, which no other test asks about.
 */
class RecallMutationIT extends DemoApiTestBase {

    private static final String RAW_GTIN = "09520041001015";
    private static final String RAW_LOT = "JZ2601R";
    private static final String RAW_KEY = "01/" + RAW_GTIN + "/10/" + RAW_LOT;
    /** The association of the Jizhou chestnut brand. */
    private static final String JIZHOU_ASSOCIATION = "9520041000018";
    private static final String SECRET = "recall-it-" + UUID.randomUUID();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private ConfigurableApplicationContext context;

    private static final String MARK = """
            mutation mark($gtin: String!, $lot: String!, $reason: String!) {
              markRecalled(gtin: $gtin, lot: $lot, reason: $reason) { id recalledBatch reason recalledAt }
            }""";

    private static final String STATUS = """
            query status($gtin: String!, $lot: String!) {
              trace(gtin: $gtin, lot: $lot) { key recall { recalled notices { id recalledBatch reason recalledAt } } }
              recall(gtin: $gtin, lot: $lot) { batches { nodes { key recall { recalled notices { recalledBatch reason } } } } }
              other: trace(gtin: "09520011001021", lot: "LC2601") { recall { recalled notices { id } } }
            }""";

    private HttpGraphQlTester.Response mark(HttpGraphQlTester tester, String gtin, String lot, String reason) {
        return tester.document(MARK).variable("gtin", gtin).variable("lot", lot).variable("reason", reason).execute();
    }

    private HttpGraphQlTester.Response status() {
        return graphQl.document(STATUS).variable("gtin", RAW_GTIN).variable("lot", RAW_LOT).execute();
    }

    /** Subscribes {@code receiver} for {@code association} to the events of disposition {@code recalled} its role may see. */
    private void subscribeToRecalls(String association, SubscriptionIT.Receiver receiver) {
        String token = token(Role.ASSOCIATION, association);
        String name = "recalls-" + UUID.randomUUID();
        WebTestClient web = DemoGraph.client(port, "");
        web.post().uri("/queries").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"" + name + "\", \"query\": {\"EQ_disposition\": [\"recalled\"]}}").exchange()
                .expectStatus().isCreated();
        web.post().uri("/queries/" + name + "/subscriptions").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"dest\": \"" + receiver.dest() + "\", \"signatureToken\": \""
                        + SECRET + "\", \"stream\": true}").exchange().expectStatus().isCreated();
    }

    @Test
    void onlyARegulatorMarksARecallAndEverythingMadeFromTheBatchShowsIt() throws Exception {
        status().path("trace.recall.recalled").entity(Boolean.class).isEqualTo(false);
        try (SubscriptionIT.Receiver jizhou = new SubscriptionIT.Receiver(0);
                SubscriptionIT.Receiver liancheng = new SubscriptionIT.Receiver(0)) {
            subscribeToRecalls(JIZHOU_ASSOCIATION, jizhou);
            subscribeToRecalls(LIANCHENG_ASSOCIATION, liancheng);
            markedAndShown(jizhou, liancheng);
        }
    }

    private void markedAndShown(SubscriptionIT.Receiver jizhou, SubscriptionIT.Receiver liancheng) throws Exception {

        for (String token : new String[] {null, token(Role.PUBLIC, null), token(Role.ASSOCIATION, "9520041000018"),
                token(Role.LOGISTICS, "9520099000015")}) {
            mark(token == null ? graphQl : graphQlWith(token), RAW_GTIN, RAW_LOT, "try")
                    .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                        assertThat(error.getErrorType().toString()).isEqualTo("FORBIDDEN");
                        assertThat(error.getMessage()).startsWith("only a regulator may mark a batch recalled");
                    }))
                    .path("markRecalled").valueIsNull();
        }
        status().path("trace.recall.recalled").entity(Boolean.class).isEqualTo(false);

        String reason = "Aflatoxin above the limit in lab sample 2026-118";
        var marked = mark(graphQlWith(token(Role.REGULATOR, null)), RAW_GTIN, RAW_LOT, reason);
        marked.errors().verify();
        String id = marked.path("markRecalled.id").entity(String.class).get();
        marked.path("markRecalled.recalledBatch").entity(String.class).isEqualTo(RAW_KEY);
        marked.path("markRecalled.reason").entity(String.class).isEqualTo(reason);

        var after = status();
        after.errors().verify();
        after.path("trace.recall.recalled").entity(Boolean.class).isEqualTo(true);
        after.path("trace.recall.notices[*].id").entityList(String.class).containsExactly(id);
        List<String> reached = after.path("recall.batches.nodes[*].key").entityList(String.class).get();
        assertThat(reached).as("the packed lots made from the raw lot").isNotEmpty().doesNotContain(RAW_KEY);
        after.path("recall.batches.nodes[*].recall.recalled").entityList(Boolean.class)
                .satisfies(flags -> assertThat(flags).hasSize(reached.size()).containsOnly(true));
        after.path("recall.batches.nodes[0].recall.notices[0].recalledBatch").entity(String.class).isEqualTo(RAW_KEY);
        after.path("recall.batches.nodes[0].recall.notices[0].reason").entity(String.class).isEqualTo(reason);
        after.path("other.recall.recalled").entity(Boolean.class).isEqualTo(false);
        after.path("other.recall.notices").entityList(Object.class).hasSize(0);

        // The recall is an event: the brand's association is sent it, signed; the other association is not.
        String eventId = "urn:uuid:" + id;
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jizhou.eventIds().contains(eventId));
        SubscriptionIT.Received report = jizhou.received.stream().filter(r -> r.document().toString().contains(eventId))
                .findFirst().orElseThrow();
        assertThat(report.signature()).isEqualTo(SubscriptionIT.hmac(SECRET, report.body()));
        OpenApiContract.epcis().queryDocument(report.body());
        JsonNode event = report.document().at("/epcisBody/queryResults/resultsBody/eventList").valueStream()
                .filter(e -> e.get("eventID").asString().equals(eventId)).findFirst().orElseThrow();
        assertThat(event.get("type").asString()).isEqualTo("ObjectEvent");
        assertThat(event.get("disposition").asString()).isEqualTo("recalled");
        assertThat(event.at("/quantityList/0/epcClass").asString()).isEqualTo("https://id.gs1.org/" + RAW_KEY);
        assertThat(event.toString()).contains(reason);
        EntityExchangeResult<byte[]> shown = DemoGraph.client(port, "").get()
                .uri(URI.create("http://localhost:" + port + "/events/" + URLEncoder.encode(eventId, StandardCharsets.UTF_8)))
                .headers(h -> h.setBearerAuth(token(Role.ASSOCIATION, JIZHOU_ASSOCIATION))).exchange().expectBody().returnResult();
        assertThat(shown.getStatus()).isEqualTo(HttpStatus.OK);
        Thread.sleep(1_000); // a few rounds of the notifier
        assertThat(liancheng.eventIds()).as("another brand's recall is not its association's").doesNotContain(eventId);
    }

    @Test
    void aRecallWhoseEventWasNotCapturedIsAnnouncedWhenTheServerIsNextReady() {
        // A server stopped between marking a recall and capturing its event: the recall without its event.
        String id = UUID.randomUUID().toString();
        var neo4j = TestNeo4j.get().driver();
        neo4j.executableQuery("""
                MATCH (b:Batch {key: $key})
                CREATE (:Recall {id: $id, reason: 'Mould in a retained sample', recalledAt: datetime(), recalledBy: 'test-regulator',
                                 role: 'regulator'})-[:RECALLS]->(b)""").withParameters(Map.of("key", RAW_KEY, "id", id)).execute();
        try {
            context.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0], context, Duration.ZERO));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !neo4j.executableQuery("""
                    MATCH (e:Event {eventId: $eventId, disposition: 'recalled'})-[:CAPTURED_IN]->(j:CaptureJob {role: 'regulator',
                          subject: 'test-regulator'})
                    RETURN e""").withParameters(Map.of("eventId", "urn:uuid:" + id)).execute().records().isEmpty());
        } finally {
            neo4j.executableQuery("MATCH (r:Recall {id: $id}) DETACH DELETE r").withParameters(Map.of("id", id)).execute();
        }
    }

    @Test
    void aBlankReasonOrAnUnknownBatchWritesNothing() {
        HttpGraphQlTester regulator = graphQlWith(token(Role.REGULATOR, null));
        mark(regulator, "09520011001014", "LC2602R", "   ").errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> {
                    assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(error.getExtensions()).containsEntry("argument", "reason");
                }));
        mark(regulator, "09520011001014", "NO-SUCH-LOT", "x").errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> {
                    assertThat(error.getErrorType().toString()).isEqualTo("NOT_FOUND");
                    assertThat(error.getMessage()).isEqualTo("no batch 01/09520011001014/10/NO-SUCH-LOT in the graph: nothing recalled");
                }));
        graphQl.document("{ trace(gtin: \"09520011001014\", lot: \"LC2602R\") { recall { recalled } } }").execute()
                .path("trace.recall.recalled").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void aReasonWithANulOrABidiOverrideIsRefusedAndWritesNothing() {
        HttpGraphQlTester regulator = graphQlWith(token(Role.REGULATOR, null));
        for (String reason : List.of("Aflatoxin\u0000 above the limit", "Lab sample \u202Egnissim\u202C found", "\u2066isolated\u2069")) {
            mark(regulator, "09520011001014", "LC2602R", reason).errors().satisfy(errors -> assertThat(errors).singleElement()
                    .satisfies(error -> {
                        assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                        assertThat(error.getExtensions()).containsEntry("argument", "reason");
                        assertThat(error.getMessage()).containsPattern("U\\+(0000|202E|2066)");
                    }));
        }
        graphQl.document("{ trace(gtin: \"09520011001014\", lot: \"LC2602R\") { recall { recalled } } }").execute()
                .path("trace.recall.recalled").entity(Boolean.class).isEqualTo(false);
    }
}
