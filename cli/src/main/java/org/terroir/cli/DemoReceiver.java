package org.terroir.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import org.terroir.trace.subscriptions.ReportSignature;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's webhook subscriber: a small receiver on the loopback that the Liancheng association
 * subscribes to the shipments of its lot LC2601 ({@code terroir demo} does it through the API, as a
 * partner would), checking each report's {@code GS1-Signature} (HMAC-SHA256 of the body with the
 * subscription's {@code signatureToken}) and printing what it was sent: so the capture curl the demo
 * prints shows up a moment later as a report.
 */
final class DemoReceiver implements AutoCloseable {

    /** The demo's named query: the shipments of lot LC2601. */
    static final String QUERY_NAME = "demo-lc2601-shipping";
    private static final String QUERY = """
            {"name": "%s", "query": {"MATCH_anyEPCClass": ["urn:epc:class:lgtin:9520011.000102.LC2601"], "EQ_bizStep": ["shipping"]}}"""
            .formatted(QUERY_NAME);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final HttpServer server;
    private final String secret;
    private final PrintWriter out;

    private DemoReceiver(HttpServer server, String secret, PrintWriter out) {
        this.server = server;
        this.secret = secret;
        this.out = out;
    }

    /** A receiver on a free port of the loopback, printing to {@code out}. */
    static DemoReceiver start(PrintWriter out) throws IOException {
        byte[] key = new byte[24];
        new SecureRandom().nextBytes(key);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        DemoReceiver receiver = new DemoReceiver(server, HexFormat.of().formatHex(key), out);
        server.createContext("/reports", receiver::receive);
        server.start();
        return receiver;
    }

    /** Where reports go. */
    URI dest() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/reports");
    }

    /** The body of the subscription the demo makes. */
    String subscription() {
        return "{\"dest\": \"" + dest() + "\", \"signatureToken\": \"" + secret + "\", \"stream\": true}";
    }

    /**
     * Subscribes this receiver through the API at {@code base} with {@code associationToken}: the demo's
     * named query made afresh (a receiver of an earlier run is gone with its subscription), then the
     * subscription. Throws when the API refuses, saying what it answered.
     */
    void subscribe(URI base, String associationToken) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(base.resolve("/queries/" + QUERY_NAME)).DELETE(), associationToken, 204, 404);
        send(HttpRequest.newBuilder(base.resolve("/queries")).POST(HttpRequest.BodyPublishers.ofString(QUERY)), associationToken, 201);
        send(HttpRequest.newBuilder(base.resolve("/queries/" + QUERY_NAME + "/subscriptions"))
                .POST(HttpRequest.BodyPublishers.ofString(subscription())), associationToken, 201);
    }

    private static void send(HttpRequest.Builder request, String token, int... expected) throws IOException, InterruptedException {
        HttpRequest built = request.header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
        for (int status : expected) {
            if (response.statusCode() == status) {
                return;
            }
        }
        throw new IOException(built.method() + " " + built.uri().getPath() + " answered " + response.statusCode() + ": "
                + response.body());
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = exchange.getRequestBody().readNBytes(16 * 1024 * 1024);
            String signature = exchange.getRequestHeaders().getFirst("GS1-Signature");
            if (!ReportSignature.matches(signature, secret, body)) {
                print("Receiver: a report with a wrong or no GS1-Signature, refused (401)");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            StringBuilder shown = new StringBuilder();
            try {
                JsonNode results = JSON.readTree(body).at("/epcisBody/queryResults");
                JsonNode events = results.at("/resultsBody/eventList");
                shown.append("Receiver: a report of query ").append(results.path("queryName").asString())
                        .append(", signature verified, ").append(events.size()).append(" event(s):");
                for (JsonNode event : events) {
                    shown.append(System.lineSeparator()).append("  ").append(event.path("eventTime").asString()).append(' ')
                            .append(event.path("bizStep").asString()).append(' ').append(event.path("eventID").asString());
                }
            } catch (JacksonException e) {
                print("Receiver: a signed report that is not JSON (" + e.getOriginalMessage() + ")");
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            print(shown.toString());
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private void print(String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
