package org.terroir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.terroir.testsupport.Neo4jServerProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The capture interface on the server path: {@code terroir serve} with {@code NEO4J_URI=neo4j://…}
 * (the routing driver, as against a cluster) on a Neo4j server in a process of its own, and 16
 * clients capturing overlapping documents at once — a carrier's at its hub, a regulator's anywhere,
 * sharing events, locations, lots and hops — with four capture workers writing at once. Every
 * acknowledged document's job succeeds, no client sees an error, and every event is in the graph
 * exactly once. The load runs {@code -Dterroir.test.capture-seconds} seconds (default 10; the note of
 * issue 25 gives a run of 60).
 */
class ServerCaptureIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern ENDPOINT = Pattern.compile("GraphQL API: (http://localhost:\\d+)/graphql");

    /** Events in the pool the documents are cut from, and events per document (each starts at a multiple of 10). */
    private static final int POOL = 400;
    private static final int PER_DOCUMENT = 40;
    private static final int CLIENTS = 16;
    /** China Post EMS (demo) and its Longyan hub; the Liancheng county centre and Beituan township station. */
    private static final String CARRIER = "9520099000015";
    private static final String HUB = "urn:epc:id:sgln:9520099.10001.0";
    private static final String COUNTY = "urn:epc:id:sgln:9520090.01301.0";
    private static final String TOWNSHIP = "urn:epc:id:sgln:9520090.01201.0";
    private static final String EVENT_PREFIX = "urn:uuid:5e4f0c1d-0000-4000-8000-";

    @Test
    void sixteenClientsCaptureOverlappingDocumentsAtOnceAndEveryEventIsInTheGraphOnce(@TempDir Path temp) throws Exception {
        long seconds = Long.getLong("terroir.test.capture-seconds", 10);
        try (Neo4jServerProcess neo4j = Neo4jServerProcess.start(temp.resolve("neo4j"));
             Driver driver = GraphDatabase.driver(neo4j.routingUri(), AuthTokens.none())) {
            Path data = temp.resolve("data");
            String uri = neo4j.routingUri().toString();
            assertThat(TerroirTest.run("tokens", "create-key", "--data-dir", data.toString()).exitCode()).isZero();
            TerroirTest.Run imported = TerroirTest.run("import", "--neo4j-uri", uri, "--neo4j-password=", "--data-dir", data.toString(),
                    Path.of("..", "demo", "master-data").toString());
            assertThat(imported.exitCode()).as(imported.out() + imported.err()).isZero();
            String regulator = token(data, "--role", "regulator");
            String carrier = token(data, "--role", "logistics", "--carrier", CARRIER);

            TerroirProcess serve = TerroirProcess.start(Map.of("TERROIR_CAPTURE_WORKERS", "4"), "serve", "--neo4j-uri", uri,
                    "--neo4j-password=", "--data-dir", data.toString(), "--port", "0");
            try {
                URI base = base(serve.until("Stop with Ctrl+C"));
                Load load = load(base, regulator, carrier, Duration.ofSeconds(seconds));

                assertThat(load.errors).as("client-visible errors").isEmpty();
                assertThat(load.jobs).hasSizeGreaterThan(CLIENTS);
                long failed = 0;
                for (String job : load.jobs) {
                    JsonNode ended = finished(base.resolve(job), regulator);
                    if (!ended.get("success").asBoolean()) {
                        failed++;
                        System.out.println("ServerCaptureIT: job " + job + " failed: " + ended);
                    }
                }
                assertThat(failed).as("failed jobs").isZero();

                long events = driver.executableQuery("MATCH (e:Event) WHERE e.eventId STARTS WITH $prefix RETURN count(e) AS n")
                        .withParameters(Map.of("prefix", EVENT_PREFIX)).execute().records().getFirst().get("n").asLong();
                assertThat(events).as("every acknowledged event once").isEqualTo(load.events.size());
                long wrong = driver.executableQuery("""
                                MATCH (e:Event) WHERE e.eventId STARTS WITH $prefix
                                  AND (COUNT { (e)-[:OBSERVED]->() } <> 2 OR COUNT { (e)-[:CAPTURED_IN]->(:CaptureJob) } <> 1
                                       OR COUNT { (e)-[:AT]->() } <> 1)
                                RETURN count(e) AS n""")
                        .withParameters(Map.of("prefix", EVENT_PREFIX)).execute().records().getFirst().get("n").asLong();
                assertThat(wrong).as("events with their objects, place and job written more or less than once").isZero();

                // Reads through the routing driver too: the events at the hub, over GraphQL.
                JsonNode answer = graphQl(base, regulator, "{ events(first: 5, location: \"" + HUB + "\") { nodes { eventId } } }");
                assertThat(answer.at("/data/events/nodes")).as(answer.toString()).isNotEmpty();

                System.out.printf("ServerCaptureIT: %d clients for %d s: %d documents (%d events each, overlapping) acknowledged, "
                                + "%,d events sent, %d distinct in the graph once each; 0 client-visible errors, 0 failed jobs%n",
                        CLIENTS, seconds, load.jobs.size(), PER_DOCUMENT, load.sent.get(), events);
            } finally {
                serve.stop();
            }
        }
    }

    /** What the clients did: the jobs acknowledged, the events they held, what went wrong. */
    private record Load(List<String> jobs, Set<String> events, List<String> errors, AtomicLong sent) {}

    private static Load load(URI base, String regulator, String carrier, Duration duration) throws Exception {
        List<String> jobs = new ArrayList<>();
        Set<String> events = ConcurrentHashMap.newKeySet();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        AtomicLong sent = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<List<String>>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                boolean byCarrier = c % 2 == 0;
                running.add(clients.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    while (System.nanoTime() < deadline) {
                        int first = 10 * ThreadLocalRandom.current().nextInt(POOL / 10);
                        List<Integer> held = new ArrayList<>();
                        for (int i = 0; i < PER_DOCUMENT; i++) {
                            held.add((first + i) % POOL);
                        }
                        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve("/capture"))
                                .header("Authorization", "Bearer " + (byCarrier ? carrier : regulator))
                                .header("Content-Type", "application/ld+json").timeout(Duration.ofSeconds(60))
                                .POST(HttpRequest.BodyPublishers.ofString(document(held))).build(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 202) {
                            errors.add(response.statusCode() + " " + response.body());
                            continue;
                        }
                        mine.add(response.headers().firstValue("Location").orElseThrow());
                        held.forEach(i -> events.add(eventId(i)));
                        sent.addAndGet(PER_DOCUMENT);
                    }
                    return mine;
                }));
            }
            for (Future<List<String>> client : running) {
                jobs.addAll(client.get());
            }
        } finally {
            clients.shutdownNow();
        }
        return new Load(jobs, events, List.copyOf(errors), sent);
    }

    /**
     * A document of the pool's events {@code held}: event i is a receiving (even) or shipping (odd) of
     * unit S{i} and lot L{i mod 8} at the carrier's hub, from the county centre or to the township
     * station, in the carrier's possession; neighbouring documents share most of their events.
     */
    private static String document(List<Integer> held) {
        StringBuilder list = new StringBuilder();
        for (int i : held) {
            boolean receiving = i % 2 == 0;
            if (!list.isEmpty()) {
                list.append(",\n");
            }
            list.append("""
                    {"type": "ObjectEvent", "eventID": "%s", "eventTime": "2031-03-01T%02d:%02d:00+08:00",
                     "eventTimeZoneOffset": "+08:00", "action": "OBSERVE", "bizStep": "%s",
                     "readPoint": {"id": "%s"}, "bizLocation": {"id": "%s"},
                     "epcList": ["urn:epc:id:sgtin:9520998.000001.S%d"],
                     "quantityList": [{"epcClass": "urn:epc:class:lgtin:9520998.000001.L%d", "quantity": 1, "uom": "KGM"}],
                     "%s": [{"type": "location", "%s": "%s"}, {"type": "possessing_party", "%s": "urn:epc:id:pgln:9520099.00001"}]}"""
                    .formatted(eventId(i), i / 60 % 24, i % 60, receiving ? "receiving" : "shipping", HUB, HUB, i, i % 8,
                            receiving ? "sourceList" : "destinationList", receiving ? "source" : "destination",
                            receiving ? COUNTY : TOWNSHIP, receiving ? "source" : "destination"));
        }
        return """
                {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"], "type": "EPCISDocument",
                 "schemaVersion": "2.0", "creationDate": "2031-03-01T00:00:00+08:00", "epcisBody": {"eventList": [%s]}}"""
                .formatted(list);
    }

    private static String eventId(int i) {
        return EVENT_PREFIX + "%012d".formatted(i);
    }

    private static String token(Path data, String... role) {
        List<String> args = new ArrayList<>(List.of("tokens", "issue", "--data-dir", data.toString()));
        args.addAll(List.of(role));
        TerroirTest.Run run = TerroirTest.run(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out().strip();
    }

    private static URI base(List<String> lines) {
        for (String line : lines) {
            Matcher matcher = ENDPOINT.matcher(line);
            if (matcher.find()) {
                return URI.create(matcher.group(1));
            }
        }
        throw new AssertionError("no GraphQL API line in " + lines);
    }

    /** The job at {@code location} once it no longer runs; fails after five minutes. */
    private static JsonNode finished(URI location, String token) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(location).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode job = JSON.readTree(response.body());
            if (!job.get("running").asBoolean()) {
                return job;
            }
            assertThat(System.nanoTime()).as("job " + location + " still running after five minutes").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static JsonNode graphQl(URI base, String token, String query) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve("/graphql"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
