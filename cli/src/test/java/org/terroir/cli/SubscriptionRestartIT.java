package org.terroir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook subscription across a restart of the server: the Liancheng association subscribes to
 * its lot's shipments on {@code terroir demo}; with its receiver down, the carrier captures one and
 * the server is stopped; {@code terroir serve} of the same store sends it, signed, once the receiver
 * is back. Nothing is kept in memory between the two: the outbox is in the graph.
 */
class SubscriptionRestartIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern ENDPOINT = Pattern.compile("(http://[^ ]+/graphql)");
    private static final String SECRET = "restart-it-" + UUID.randomUUID();
    /** Quick rounds and retries, and a receiver on the loopback (as the demo allows, and serve here too). */
    private static final Map<String, String> SUBSCRIPTIONS = Map.of(
            "TERROIR_SUBSCRIPTIONS_ALLOWLOCALDESTINATIONS", "true",
            "TERROIR_SUBSCRIPTIONS_INTERVAL", "300ms",
            "TERROIR_SUBSCRIPTIONS_FIRSTRETRY", "300ms",
            "TERROIR_SUBSCRIPTIONS_LASTRETRY", "1s");

    private static URI base(List<String> printed) {
        for (String line : printed) {
            Matcher matcher = ENDPOINT.matcher(line);
            if (matcher.find()) {
                return URI.create(matcher.group(1)).resolve("/");
            }
        }
        throw new AssertionError("no API line in " + printed);
    }

    private static String printedToken(List<String> lines, String who) {
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith("# " + who)) {
                return lines.get(i + 1).strip();
            }
        }
        throw new AssertionError("no token printed for " + who);
    }

    private static HttpResponse<String> post(URI uri, String token, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A receiver on the loopback that keeps what it is sent (body and signature) and answers 200. */
    private static HttpServer receiver(int port, List<String[]> received) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/hook", exchange -> {
            received.add(new String[] {new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("GS1-Signature")});
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String hmac(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> eventIds(List<String[]> received) {
        return received.stream().flatMap(r -> JSON.readTree(r[0]).at("/epcisBody/queryResults/resultsBody/eventList").valueStream())
                .map(e -> e.get("eventID").asString()).toList();
    }

    @Test
    void aReportOwedWhenTheServerStopsIsSentByTheNextOneOnceTheReceiverIsBack(@TempDir Path dataDir) throws Exception {
        List<String[]> received = new CopyOnWriteArrayList<>();
        HttpServer up = receiver(0, received);
        int port = up.getAddress().getPort();
        String dest = "http://127.0.0.1:" + port + "/hook";

        TerroirProcess demo = TerroirProcess.start(SUBSCRIPTIONS, "demo", "--data-dir", dataDir.toString(), "--port", "0",
                "--bolt-port", "0", "--demo-data", "../demo");
        List<String> printed = demo.until("Stop with Ctrl+C");
        URI base = base(printed);
        String association = printedToken(printed, "the Liancheng");
        String carrier = printedToken(printed, "China Post EMS");
        String query = "lc2601-shipping";
        HttpResponse<String> named = post(base.resolve("/queries"), association, """
                {"name": "%s", "query": {"MATCH_anyEPCClass": ["urn:epc:class:lgtin:9520011.000102.LC2601"],
                 "EQ_bizStep": ["shipping"]}}""".formatted(query));
        assertThat(named.statusCode()).as(named.body()).isEqualTo(201);
        HttpResponse<String> subscribed = post(base.resolve("/queries/" + query + "/subscriptions"), association, """
                {"dest": "%s", "signatureToken": "%s", "stream": true}""".formatted(dest, SECRET));
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);

        // Sent while the receiver is up.
        String first = DemoQueries.captureExample();
        HttpResponse<String> firstCaptured = post(base.resolve("/events"), carrier, first);
        assertThat(firstCaptured.statusCode()).as(firstCaptured.body()).isEqualTo(201);
        String firstId = JSON.readTree(first).get("eventID").asString();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> eventIds(received).contains(firstId));
        // Delivered as the server sees it (the receiver's answer read, the report out of the outbox) before the
        // receiver goes: a receiver stopped between keeping a report and answering is sent it again, rightly.
        URI subscription = base.resolve(subscribed.headers().firstValue("Location").orElseThrow());
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> HTTP.send(HttpRequest.newBuilder(subscription)
                .header("Authorization", "Bearer " + association).GET().build(), HttpResponse.BodyHandlers.ofString()).body()
                .contains("lastNotifiedAt"));

        // The receiver goes down; another shipment is captured; the server stops with the report owed.
        up.stop(0);
        String second = DemoQueries.captureExample();
        HttpResponse<String> secondCaptured = post(base.resolve("/events"), carrier, second);
        assertThat(secondCaptured.statusCode()).as(secondCaptured.body()).isEqualTo(201);
        String secondId = JSON.readTree(second).get("eventID").asString();
        Thread.sleep(2_000); // a few rounds: matched, tried and refused by the closed port
        assertThat(demo.stop()).isIn(0, 143);
        assertThat(eventIds(received)).doesNotContain(secondId);

        // The next server, the receiver back on its port: the report arrives, signed.
        TerroirProcess serve = TerroirProcess.start(SUBSCRIPTIONS, "serve", "--data-dir", dataDir.toString(), "--port", "0",
                "--bolt-port", "0");
        serve.until("Stop with Ctrl+C");
        HttpServer back = receiver(port, received);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> eventIds(received).contains(secondId));
            for (String[] report : received) {
                assertThat(report[1]).isEqualTo(hmac(report[0]));
                JsonNode results = JSON.readTree(report[0]).at("/epcisBody/queryResults");
                assertThat(results.get("queryName").asString()).isEqualTo(query);
            }
            assertThat(eventIds(received)).as("each once").containsOnlyOnce(firstId, secondId);
        } finally {
            back.stop(0);
            assertThat(serve.stop()).isIn(0, 143);
        }
    }
}
