package org.terroir.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.neo4j.driver.Driver;
import org.terroir.bench.BenchSample.Lot;
import org.terroir.bench.ClosedLoops.Call;
import org.terroir.bench.ClosedLoops.Result;
import org.terroir.bench.ClosedLoops.Side;
import org.terroir.bench.ClosedLoops.Turns;
import org.terroir.model.cypher.Statement;
import org.terroir.store.GraphStore;
import org.terroir.store.GraphTarget;
import org.terroir.store.OpenGraph;
import org.terroir.trace.neo4j.GraphReader;
import tools.jackson.databind.JsonNode;

/**
 * The EPCIS query interface under load, run by {@code bench/events} against a {@code terroir serve}
 * of its own: {@code GET /events?MATCH_anyEPCClass=<lot>&perPage=30} as a regulator (the first page of
 * a lot's events, as stored, in event-time order) beside one hand-written statement that returns the
 * same page's stored events straight through the driver over the server's Bolt port (the baseline: the
 * graph's part of the answer, nothing of HTTP, the query parameters or the document). The sides take
 * turns round after round; each round also reads the server's CPU time from {@code /proc} before and
 * after, giving the server's CPU milliseconds per request of each side.
 *
 * <p>{@code measure WORK URL STORE PID TOKEN [seconds] [warm-up] [clients,…]}: WORK is the folder
 * {@code TraceApiLoad prepare} sampled the store's lots into.
 */
public final class EventQueryLoad {

    /** The page size of both sides. */
    static final int PER_PAGE = 30;
    private static final int ROUNDS = 3;

    /** The baseline: the first page of the events that name the lot's class in a quantity list, each as stored. */
    static final Statement PAGE = new Statement("bench.eventsOfLot", """
            MATCH (:Batch {key: $key})<-[:OBSERVED|INPUT|OUTPUT|CHILD]-(e:Event)
            WITH DISTINCT e
            WHERE any(i IN e.identifiers WHERE i IN $names)
            WITH e ORDER BY e.eventTime, e.eventId LIMIT $limit
            RETURN e.eventId AS eventId, e.epcis AS epcis, e.recordTime AS recordTime
            """);

    private static final tools.jackson.databind.ObjectMapper JSON = new tools.jackson.databind.ObjectMapper();

    private EventQueryLoad() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 6 || !args[0].equals("measure")) {
            System.err.println("usage: EventQueryLoad measure WORK URL STORE PID TOKEN [seconds] [warm-up] [clients,…]");
            System.exit(2);
        }
        int seconds = args.length > 6 ? Integer.parseInt(args[6]) : 15;
        int warmup = args.length > 7 ? Integer.parseInt(args[7]) : 10;
        int[] clients = args.length > 8 ? java.util.Arrays.stream(args[8].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {16, 64};
        measure(new BenchSample(Path.of(args[1])), URI.create(args[2]), Path.of(args[3]), Long.parseLong(args[4]), args[5], seconds,
                warmup, clients);
        System.exit(0);
    }

    private static void measure(BenchSample sample, URI base, Path store, long pid, String token, int seconds, int warmup,
                                int[] clientCounts) throws IOException {
        List<Lot> lots = sample.packed();
        long batches = sample.batches();
        try (OpenGraph graph = GraphStore.open(new GraphTarget.Embedded(store, 0))) {
            Driver driver = graph.driver();
            GraphReader reader = new GraphReader(driver);
            HttpClient http = TraceApiLoad.http();
            Call<Lot> query = (client, lot) -> over(http, base, token, lot).thenApply(ids -> !ids.isEmpty());
            Call<Lot> direct = (client, lot) -> direct(reader, lot).thenApply(ids -> !ids.isEmpty());
            // Both sides give the same page, event for event, before anything is measured.
            int checked = 0;
            for (Lot lot : lots.subList(0, Math.min(50, lots.size()))) {
                List<String> a = over(http, base, token, lot).join();
                List<String> b = direct(reader, lot).join();
                if (!a.equals(b)) {
                    throw new IllegalStateException(lot + ": GET /events gave " + a + ", the statement " + b);
                }
                checked += a.isEmpty() ? 0 : 1;
            }
            System.out.printf(Locale.ROOT, "Same pages on both sides for 50 lots (%d with events)%n", checked);
            for (int round = 0; round < 2; round++) {
                ClosedLoops.warm(clientCounts[0], lots, direct, 2 * warmup);
                ClosedLoops.warm(clientCounts[0], lots, query, 2 * warmup);
            }
            System.out.printf(Locale.ROOT, "%n| graph | clients | side | requests/s | p50 ms | p99 ms | server CPU ms/request | "
                    + "GET ÷ statement (rate) | GET ÷ statement (CPU) | rounds (rate ratio) |%n");
            System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            ServerCpu cpu = ServerCpu.of(pid);
            for (int clients : clientCounts) {
                Turns turns = ClosedLoops.turns(ROUNDS, "events", clients, List.of(new Side<>("statement", lots, direct),
                        new Side<>("GET", lots, query)), warmup, seconds, cpu);
                Result s = turns.pooled(0);
                Result q = turns.pooled(1);
                System.out.printf(Locale.ROOT, "| %,d batches | %d | hand-written statement (driver) | %,.0f | %.1f | %.1f | %.2f | | | |%n",
                        batches, clients, s.perSecond(), s.percentileMillis(50), s.percentileMillis(99), s.cpuPerRequest());
                System.out.printf(Locale.ROOT, "| %,d batches | %d | `GET /events` | %,.0f | %.1f | %.1f | %.2f | **%.2f** | **%.2f** | %s |%n",
                        batches, clients, q.perSecond(), q.percentileMillis(50), q.percentileMillis(99), q.cpuPerRequest(),
                        q.perSecond() / s.perSecond(), q.cpuPerRequest() / s.cpuPerRequest(),
                        String.join(", ", turns.ratios(1, 0, Result::perSecond)));
            }
        }
    }

    /** The page's event ids over HTTP: {@code GET /events} with the lot's class, as a regulator. */
    private static CompletableFuture<List<String>> over(HttpClient http, URI base, String token, Lot lot) {
        URI uri = base.resolve("/events?MATCH_anyEPCClass=" + URLEncoder.encode("https://id.gs1.org/" + lot.key(), StandardCharsets.UTF_8)
                + "&perPage=" + PER_PAGE);
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> {
            if (response.statusCode() != 200) {
                return List.of();
            }
            List<String> ids = new ArrayList<>();
            for (JsonNode event : JSON.readTree(response.body()).at("/epcisBody/queryResults/resultsBody/eventList")) {
                ids.add(event.get("eventID").asString());
            }
            return ids;
        });
    }

    /** The same page's event ids from the one statement, each event's stored JSON-LD read as the answer would carry it. */
    private static CompletableFuture<List<String>> direct(GraphReader reader, Lot lot) {
        Map<String, Object> parameters = Map.of("key", lot.key(), "limit", PER_PAGE,
                "names", List.of("class " + lot.key(), "inputClass " + lot.key(), "outputClass " + lot.key()));
        return reader.read(PAGE, parameters).map(row -> {
            JSON.readTree(row.get("epcis").asString()); // the document's part: each stored event parsed
            return row.get("eventId").asString();
        }).collectList().toFuture();
    }
}
