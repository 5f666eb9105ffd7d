package org.terroir.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.terroir.testsupport.TestNeo4j;
import org.terroir.trace.access.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook subscriptions on the demo data, with a receiver on the loopback: the Liancheng association
 * subscribes to the shipments of its lot LC2601; the carrier captures one; the association's
 * receiver is sent it, signed; with the receiver down, the next one waits in the outbox and arrives
 * once the receiver is back; a party that may not see the lot is sent nothing. A scheduled
 * subscription is sent, each time it runs, what was captured since it last ran (and an empty report
 * when it asked for one). Every answer one the
 * binding describes; each report a query document the official schema takes.
 */
class SubscriptionIT extends DemoApiTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LC2601 = "urn:epc:class:lgtin:9520011.000102.LC2601";
    private static final String SECRET = "subscription-it-" + UUID.randomUUID();

    /** What a receiver was sent: its body and its signature header. */
    record Received(byte[] body, String signature) {
        JsonNode document() {
            return JSON.readTree(body);
        }
    }

    /** A webhook receiver on the loopback, answering 200 to each POST. */
    static final class Receiver implements AutoCloseable {
        final List<Received> received = new CopyOnWriteArrayList<>();
        private HttpServer server;
        private final int port;

        Receiver(int port) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.createContext("/hook", exchange -> {
                received.add(new Received(exchange.getRequestBody().readAllBytes(), exchange.getRequestHeaders().getFirst("GS1-Signature")));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            this.port = server.getAddress().getPort();
        }

        String dest() {
            return "http://127.0.0.1:" + port + "/hook";
        }

        List<String> eventIds() {
            return received.stream().flatMap(r -> r.document().at("/epcisBody/queryResults/resultsBody/eventList").valueStream())
                    .map(e -> e.get("eventID").asString()).toList();
        }

        @Override
        public synchronized void close() {
            if (server != null) {
                server.stop(0);
                server = null;
            }
        }
    }

    private WebTestClient web;
    private Receiver liancheng;
    private Receiver yongjing;

    @BeforeEach
    void start() throws IOException {
        web = DemoGraph.client(port, "");
        liancheng = new Receiver(0);
        yongjing = new Receiver(0);
    }

    @AfterEach
    void stop() {
        liancheng.close();
        yongjing.close();
    }

    private static EntityExchangeResult<byte[]> contract(String method, String path, WebTestClient.ResponseSpec response) {
        EntityExchangeResult<byte[]> result = response.expectBody().returnResult();
        OpenApiContract.epcis().check(method, path, result);
        return result;
    }

    private WebTestClient.ResponseSpec send(String method, String token, String uri, String body) {
        WebTestClient.RequestBodySpec request = web.method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(URI.create("http://localhost:" + port + uri)).headers(headers -> {
                    if (token != null) {
                        headers.setBearerAuth(token);
                    }
                });
        return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** Names the query of LC2601's shipments for {@code token}, subscribes {@code receiver} to it; the subscription's place. */
    private String subscribe(String token, String name, Receiver receiver) {
        return subscribe(token, name, receiver, "\"stream\": true");
    }

    /** As {@link #subscribe(String, String, Receiver)}, sent when {@code controls} say (JSON members). */
    private String subscribe(String token, String name, Receiver receiver, String controls) {
        assertThat(send("POST", token, "/queries", """
                {"name": "%s", "query": {"MATCH_anyEPCClass": ["%s"], "EQ_bizStep": ["shipping"]}}""".formatted(name, LC2601))
                .returnResult(Void.class).getStatus()).isEqualTo(HttpStatus.CREATED);
        EntityExchangeResult<byte[]> subscribed = contract("post", "/queries/{queryName}/subscriptions", send("POST", token,
                "/queries/" + name + "/subscriptions", """
                        {"dest": "%s", "signatureToken": "%s", %s}""".formatted(receiver.dest(), SECRET, controls)));
        assertThat(subscribed.getStatus()).as(new String(subscribed.getResponseBody(), StandardCharsets.UTF_8))
                .isEqualTo(HttpStatus.CREATED);
        JsonNode shown = JSON.readTree(subscribed.getResponseBody());
        assertThat(shown.get("dest").asString()).isEqualTo(receiver.dest());
        assertThat(shown.has("signatureToken")).as("the token is not shown again").isFalse();
        assertThat(subscribed.getResponseHeaders().getLocation()).hasToString("/queries/" + name + "/subscriptions/"
                + shown.get("subscriptionID").asString());
        return subscribed.getResponseHeaders().getLocation().toString();
    }

    /** The carrier ships 1 kg of LC2601 from its Longyan hub: a new event, captured now; its id. */
    private String ship() {
        String id = "urn:uuid:" + UUID.randomUUID();
        String event = """
                {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"], "type": "ObjectEvent",
                 "eventID": "%s", "eventTime": "%s", "eventTimeZoneOffset": "+08:00", "action": "OBSERVE",
                 "bizStep": "shipping", "disposition": "in_transit", "readPoint": {"id": "urn:epc:id:sgln:9520099.10001.0"},
                 "quantityList": [{"epcClass": "%s", "quantity": 1, "uom": "KGM"}],
                 "sourceList": [{"type": "location", "source": "urn:epc:id:sgln:9520099.10001.0"}],
                 "destinationList": [{"type": "location", "destination": "urn:epc:id:sgln:9520095.10003.0"}]}"""
                .formatted(id, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(ZoneOffset.ofHours(8))
                        .truncatedTo(ChronoUnit.SECONDS)), LC2601); // with ":00" seconds, which toString() leaves out
        EntityExchangeResult<byte[]> captured = web.post().uri("/events").headers(h -> h.setBearerAuth(token(Role.LOGISTICS, CARRIER)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(event).exchange().expectBody().returnResult();
        assertThat(captured.getStatus()).as(() -> new String(captured.getResponseBody(), StandardCharsets.UTF_8))
                .isEqualTo(HttpStatus.CREATED);
        return id;
    }

    private static String hmac(byte[] body) throws Exception {
        return hmac(SECRET, body);
    }

    /** The {@code GS1-Signature} of {@code body} with {@code secret}, as a receiver computes it. */
    static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static long owedAttempts(String subscription) {
        return TestNeo4j.get().driver().executableQuery("MATCH (:Subscription {id: $id})-[:OWES]->(d:Delivery) "
                + "RETURN coalesce(max(d.attempts), 0) AS attempts").withParameters(Map.of("id", subscription)).execute()
                .records().getFirst().get(0).asLong();
    }

    @Test
    void aSubscriberIsSentWhatMatchesSignedAndWhatItMissedWhileDownOnceItIsBack() throws Exception {
        String association = token(Role.ASSOCIATION, LIANCHENG_ASSOCIATION);
        String name = "lc2601-shipping-" + UUID.randomUUID();
        String subscription = subscribe(association, name, liancheng);
        subscribe(token(Role.ASSOCIATION, YONGJING_ASSOCIATION), "yj-watch-" + UUID.randomUUID(), yongjing);

        String first = ship();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> liancheng.eventIds().contains(first));
        Received report = liancheng.received.getFirst();
        assertThat(report.signature()).isEqualTo(hmac(report.body()));
        JsonNode results = report.document().at("/epcisBody/queryResults");
        assertThat(results.get("queryName").asString()).isEqualTo(name);
        assertThat(results.get("subscriptionID").asString()).isEqualTo(subscription.substring(subscription.lastIndexOf('/') + 1));
        OpenApiContract.epcis().queryDocument(report.body());

        // The receiver goes down: the next report waits, is tried again, and arrives once the receiver is back.
        int port = URI.create(liancheng.dest()).getPort();
        liancheng.close();
        String second = ship();
        String id = subscription.substring(subscription.lastIndexOf('/') + 1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> owedAttempts(id) >= 2);
        assertThat(liancheng.eventIds()).doesNotContain(second);
        try (Receiver back = new Receiver(port)) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> back.eventIds().contains(second));
            assertThat(back.received).allSatisfy(r -> assertThat(r.signature()).isEqualTo(hmac(r.body())));
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> owedAttempts(id) == 0);
        assertThat(yongjing.received).as("another brand's lot is not reported to it").isEmpty();

        EntityExchangeResult<byte[]> shown = contract("get", "/queries/{queryName}/subscriptions/{subscriptionID}",
                send("GET", association, subscription, null));
        assertThat(JSON.readTree(shown.getResponseBody()).has("lastNotifiedAt")).isTrue();
        assertThat(JSON.readTree(contract("get", "/queries/{queryName}/subscriptions", send("GET", association,
                "/queries/" + name + "/subscriptions", null)).getResponseBody()).findValuesAsString("subscriptionID")).containsExactly(id);
        assertThat(contract("get", "/queries/{queryName}/subscriptions/{subscriptionID}", send("GET",
                token(Role.ASSOCIATION, YONGJING_ASSOCIATION), subscription, null)).getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(contract("delete", "/queries/{queryName}/subscriptions/{subscriptionID}", send("DELETE", association, subscription,
                null)).getStatus()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(contract("get", "/queries/{queryName}/subscriptions/{subscriptionID}", send("GET", association, subscription, null))
                .getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aDocumentOfManyEventsIsOwedInChunksEachEventOnce() throws Exception {
        String association = token(Role.ASSOCIATION, LIANCHENG_ASSOCIATION);
        subscribe(association, "lc2601-many-" + UUID.randomUUID(), liancheng);
        // 25 events at two a report: 13 reports, owed ten to a transaction (Notifier), so in two chunks.
        List<String> ids = new java.util.ArrayList<>();
        StringBuilder events = new StringBuilder();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS).minusHours(1);
        for (int i = 0; i < 25; i++) {
            String id = "urn:uuid:" + UUID.randomUUID();
            ids.add(id);
            events.append(i == 0 ? "" : ",").append("""
                    {"type": "ObjectEvent", "eventID": "%s", "eventTime": "%s", "eventTimeZoneOffset": "+08:00", "action": "OBSERVE",
                     "bizStep": "shipping", "disposition": "in_transit", "readPoint": {"id": "urn:epc:id:sgln:9520099.10001.0"},
                     "quantityList": [{"epcClass": "%s", "quantity": 1, "uom": "KGM"}]}""".formatted(id,
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(start.plusMinutes(i)), LC2601));
        }
        String document = """
                {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"], "type": "EPCISDocument",
                 "schemaVersion": "2.0", "creationDate": "2026-12-07T00:00:00Z", "epcisBody": {"eventList": [%s]}}"""
                .formatted(events);
        assertThat(web.post().uri("/capture").headers(h -> h.setBearerAuth(token(Role.LOGISTICS, CARRIER)))
                .contentType(MediaType.parseMediaType("application/ld+json")).bodyValue(document).exchange()
                .returnResult(Void.class).getStatus()).isEqualTo(HttpStatus.ACCEPTED);

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> liancheng.eventIds().containsAll(ids));
        Thread.sleep(1_000); // a few more rounds: nothing is sent twice
        assertThat(liancheng.eventIds()).as("each once").containsExactlyInAnyOrderElementsOf(ids);
        assertThat(liancheng.received).hasSize(13).allSatisfy(r -> assertThat(r.signature()).isEqualTo(hmac(r.body())));
    }

    @Test
    void aScheduledSubscriptionIsSentWhatWasCapturedSinceItLastRanAndAnEmptyReportWhenAskedFor() throws Exception {
        String association = token(Role.ASSOCIATION, LIANCHENG_ASSOCIATION);
        String name = "lc2601-each-second-" + UUID.randomUUID();
        String subscription = subscribe(association, name, liancheng, """
                "schedule": {"second": "[0-59]"}, "reportIfEmpty": true""");
        String id = subscription.substring(subscription.lastIndexOf('/') + 1);
        JsonNode shown = JSON.readTree(contract("get", "/queries/{queryName}/subscriptions/{subscriptionID}",
                send("GET", association, subscription, null)).getResponseBody());
        assertThat(shown.get("stream").asBoolean()).isFalse();
        assertThat(shown.at("/schedule/second").asString()).isEqualTo("[0-59]");
        assertThat(shown.get("reportIfEmpty").asBoolean()).isTrue();

        // Runs with nothing new: an empty report, as asked.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !liancheng.received.isEmpty());
        Received empty = liancheng.received.getFirst();
        assertThat(empty.signature()).isEqualTo(hmac(empty.body()));
        OpenApiContract.epcis().queryDocument(empty.body());
        assertThat(empty.document().at("/epcisBody/queryResults/subscriptionID").asString()).isEqualTo(id);
        assertThat(empty.document().at("/epcisBody/queryResults/resultsBody/eventList").size()).isZero();

        // A shipment captured between two runs is in the next run's report, once.
        String shipped = ship();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> liancheng.eventIds().contains(shipped));
        int runs = liancheng.received.size();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> liancheng.received.size() >= runs + 2);
        assertThat(liancheng.eventIds()).as("once").containsOnlyOnce(shipped);
        assertThat(liancheng.received).allSatisfy(r -> assertThat(r.signature()).isEqualTo(hmac(r.body())));
        assertThat(contract("delete", "/queries/{queryName}/subscriptions/{subscriptionID}", send("DELETE", association, subscription,
                null)).getStatus()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void aSubscriptionThatIsNoneIsRefusedSayingWhy() {
        String association = token(Role.ASSOCIATION, LIANCHENG_ASSOCIATION);
        String name = "refusals-" + UUID.randomUUID();
        assertThat(send("POST", association, "/queries", "{\"name\": \"" + name + "\", \"query\": {\"EQ_bizStep\": [\"shipping\"]}}")
                .returnResult(Void.class).getStatus()).isEqualTo(HttpStatus.CREATED);
        String path = "/queries/" + name + "/subscriptions";
        for (String[] refused : new String[][] {
                {"{\"dest\": \"" + liancheng.dest() + "\", \"signatureToken\": \"" + SECRET + "\"}", "stream"},
                {"{\"dest\": \"" + liancheng.dest() + "\", \"signatureToken\": \"short\", \"stream\": true}", "signatureToken"},
                {"{\"signatureToken\": \"" + SECRET + "\", \"stream\": true}", "dest"},
                {"{\"dest\": \"" + liancheng.dest() + "\", \"signatureToken\": \"" + SECRET
                        + "\", \"stream\": true, \"schedule\": {\"hour\": \"1\"}}", "schedule"},
                {"{\"dest\": \"" + liancheng.dest() + "\", \"signatureToken\": \"" + SECRET + "\", \"schedule\": {\"hour\": \"25\"}}",
                        "schedule.hour"},
                {"{\"dest\": \"" + liancheng.dest() + "\", \"signatureToken\": \"" + SECRET + "\", \"schedule\": {}}", "schedule"}}) {
            EntityExchangeResult<byte[]> answer = contract("post", "/queries/{queryName}/subscriptions",
                    send("POST", association, path, refused[0]));
            assertThat(answer.getStatus()).as(refused[0]).isEqualTo(HttpStatus.BAD_REQUEST);
            JsonNode problem = JSON.readTree(answer.getResponseBody());
            assertThat(problem.get("type").asString()).isEqualTo("epcisException:SubscriptionControlsException");
            assertThat(problem.get("detail").asString()).as(refused[0]).startsWith(refused[1] + ": ");
        }
        assertThat(contract("post", "/queries/{queryName}/subscriptions", send("POST", association, "/queries/no-such-query/subscriptions",
                "{\"dest\": \"" + liancheng.dest() + "\", \"signatureToken\": \"" + SECRET + "\", \"stream\": true}")).getStatus())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(contract("post", "/queries/{queryName}/subscriptions", send("POST", null, path, "{}")).getStatus())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        for (String[] options : new String[][] {{"/queries/{queryName}/subscriptions", path},
                {"/queries/{queryName}/subscriptions/{subscriptionID}", path + "/any"}}) {
            assertThat(contract("options", options[0], send("OPTIONS", null, options[1], null)).getStatus()).isEqualTo(HttpStatus.NO_CONTENT);
        }
    }
}
