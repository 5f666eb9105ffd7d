package org.terroir.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.neo4j.driver.Driver;
import org.terroir.model.cypher.Catalogue;
import org.terroir.store.GraphStore;
import org.terroir.store.GraphTarget;
import org.terroir.store.OpenGraph;
import org.terroir.trace.TraceApiServer;
import org.terroir.trace.graph.GraphReader;
import reactor.core.publisher.Mono;

/**
 * Requests per second and latency of the GraphQL {@code trace} query over HTTP, beside the same
 * catalogue statements run straight through the driver (the ceiling), at several numbers of
 * concurrent clients, on a graph made by {@code terroir import} of {@code terroir generate} data.
 *
 * <p>Each client is a closed loop: it sends a request for a random sampled lot, waits for the
 * answer, and sends the next. The two sides take turns (driver, GraphQL, driver, GraphQL) per client
 * count, so that a noisy machine hits both alike. Client, server and Neo4j share the machine's cores.
 *
 * <p>Usage: {@code TraceApiLoad STORE_DIR [seconds per phase] [warm-up seconds] [clients,…]}.
 */
public final class TraceApiLoad {

    /** The benchmark's question: a packed lot, its households, its inputs and their households, its journey. */
    static final String TRACE = """
            query trace($gtin: String!, $lot: String!) {
              trace(gtin: $gtin, lot: $lot) {
                key product { nameEn } brand { nameEn giRegistration }
                producers { pseudonym quantity unit }
                inputs { key producers { pseudonym quantity unit } }
                journey { from { kind nameEn } to { kind nameEn } departed arrived carrier { nameEn } }
              }
            }""";

    /** The recall question: a raw lot, the batches made from it, what they reached, counted. */
    static final String RECALL = """
            query recall($gtin: String!, $lot: String!) {
              recall(gtin: $gtin, lot: $lot) {
                batch { key product { nameEn } }
                batches { totalCount nodes { key product { nameEn } brand { nameEn } } }
                items { totalCount nodes { key } }
                containers { totalCount }
                locations { totalCount nodes { kind nameEn } }
                parties { totalCount nodes { kind nameEn } }
              }
            }""";

    /** A random sample of packed lots (batches made from others), spread over the whole graph. */
    private static final String SAMPLE = """
            MATCH (b:Batch)-[:MADE_FROM]->(:Batch)
            WITH DISTINCT b WHERE rand() < $share
            RETURN b.gtin AS gtin, b.lot AS lot, b.key AS key LIMIT $n""";

    /** A random sample of raw lots (batches others were made from). */
    private static final String SAMPLE_RAW = """
            MATCH (b:Batch)<-[:MADE_FROM]-(:Batch)
            WITH DISTINCT b WHERE rand() < $share
            RETURN b.gtin AS gtin, b.lot AS lot, b.key AS key LIMIT $n""";

    /** Abusive queries the API must refuse before running them: too deep, too complex. */
    private static final List<String> BOMBS = List.of(
            "{ trace(gtin: \"09520011001021\", lot: \"LC2601\") { " + "inputs { ".repeat(40) + "key" + " }".repeat(40) + " } }",
            "{ trace(gtin: \"09520011001021\", lot: \"LC2601\") { " + "inputs { producers { pseudonym } journey { id } ".repeat(6)
                    + "key" + " }".repeat(6) + " } }");

    private static final tools.jackson.databind.ObjectMapper JSON = new tools.jackson.databind.ObjectMapper();

    private record Lot(String gtin, String lot, String key) {}

    private record Result(String question, String side, int clients, long requests, long errors, double seconds,
                          long[] latenciesNanos) {

        double perSecond() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }
    }

    private TraceApiLoad() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: TraceApiLoad STORE_DIR [seconds] [warm-up seconds] [clients,...]");
            System.exit(2);
        }
        Path store = Path.of(args[0]);
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int[] clientCounts = args.length > 3 ? Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {16, 64};

        try (OpenGraph graph = GraphStore.open(new GraphTarget.Embedded(store, 0))) {
            Driver driver = graph.driver();
            long batches = driver.executableQuery("MATCH (b:Batch) RETURN count(b) AS n").execute()
                    .records().getFirst().get("n").asLong();
            List<Lot> lots = sample(driver, SAMPLE, batches);
            List<Lot> rawLots = sample(driver, SAMPLE_RAW, batches);
            System.out.printf(Locale.ROOT, "Graph %s: %,d batches; %,d packed and %,d raw lots sampled%n", store, batches,
                    lots.size(), rawLots.size());
            GraphReader reader = new GraphReader(driver);
            try (TraceApiServer server = TraceApiServer.start(driver, 0, Map.of("logging.level.root", "WARN"))) {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10)).build();
                URI endpoint = server.graphQlUri();
                Function<Lot, CompletableFuture<Boolean>> trace = lot -> graphQl(http, endpoint, TRACE, lot);
                Function<Lot, CompletableFuture<Boolean>> traceDirect = lot -> direct(reader, lot).toFuture();
                Function<Lot, CompletableFuture<Boolean>> recall = lot -> graphQl(http, endpoint, RECALL, lot);
                Function<Lot, CompletableFuture<Boolean>> recallDirect = lot -> directRecall(reader, lot).toFuture();
                // Both sides answer every sampled lot alike before anything is measured.
                checkSameAnswers(lots.subList(0, Math.min(20, lots.size())), trace, traceDirect);
                checkSameAnswers(rawLots.subList(0, Math.min(20, rawLots.size())), recall, recallDirect);
                if (System.getenv("BENCH_BOMBS_ONLY") != null) {
                    // The bombs under load alone (to try a change to the refusal path), after traces
                    // have warmed the JIT and the page cache as the full run's phases would.
                    System.out.println(run("trace", "graphql", clientCounts[0], lots, trace, warmup, seconds));
                    for (int clients : new int[] {4, clientCounts[0]}) {
                        bombsUnderLoad(endpoint, clients, lots, trace, seconds);
                    }
                    return;
                }
                if (System.getenv("BENCH_GRAPHQL_ONLY") != null) {
                    // For a profiler: GraphQL traces alone, at the first client count, nothing else.
                    System.out.println(run("trace", "graphql", clientCounts[0], lots, trace, warmup, seconds));
                    return;
                }
                List<Result> results = new ArrayList<>();
                for (int clients : clientCounts) {
                    for (int round = 0; round < 2; round++) {
                        results.add(run("trace", "driver", clients, lots, traceDirect, warmup, seconds));
                        results.add(run("trace", "graphql", clients, lots, trace, warmup, seconds));
                    }
                }
                for (int clients : clientCounts) {
                    results.add(run("recall", "driver", clients, rawLots, recallDirect, warmup, seconds));
                    results.add(run("recall", "graphql", clients, rawLots, recall, warmup, seconds));
                }
                report(results, batches);
                // At a light load, then at the first client count (a saturated machine).
                for (int clients : new int[] {4, clientCounts[0]}) {
                    bombsUnderLoad(endpoint, clients, lots, trace, seconds);
                }
            }
        }
    }

    /**
     * Sends the bombs one after another while {@code clients} clients keep sending normal traces:
     * how long each refusal takes, and how many normal traces pass meanwhile.
     */
    private static void bombsUnderLoad(URI endpoint, int clients, List<Lot> lots,
            Function<Lot, CompletableFuture<Boolean>> trace, int seconds) throws InterruptedException {
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        CompletableFuture<Void> normal = CompletableFuture.runAsync(() -> {
            try {
                load(clients, lots, trace, seconds, latencies, errors);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        // A few bombs before the clock starts: the client's first requests open its connection and load
        // its classes, which is the client's cost, not the refusal's.
        List<byte[]> bodies = BOMBS.stream().map(bomb -> JSON.writeValueAsBytes(Map.of("query", bomb))).toList();
        for (int i = 0; i < 10; i++) {
            sendBomb(endpoint, bodies.get(i % bodies.size()));
        }
        Thread.sleep(2_000);
        LatencyLog refusals = new LatencyLog();
        List<String> slow = new ArrayList<>();
        long bad = 0;
        long end = System.nanoTime() + (seconds - 4) * 1_000_000_000L;
        for (int i = 0; System.nanoTime() < end; i++) {
            long sent = System.nanoTime();
            String response = sendBomb(endpoint, bodies.get(i % bodies.size()));
            long took = System.nanoTime() - sent;
            refusals.add(took);
            if (took > 50_000_000L) {
                // JVM uptime at the send, to line it up with a GC log (-Xlog:gc:…:uptime).
                slow.add(String.format(Locale.ROOT, "%.0f ms at uptime %.3f s",
                        took / 1e6, (java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() - took / 1_000_000L) / 1e3));
            }
            if (!response.contains("exceeds the limit")) {
                bad++;
            }
            Thread.sleep(20);
        }
        normal.join();
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).toArray();
        Result normalResult = new Result("trace", "graphql", clients, all.length, errors.get(), seconds, all);
        Result bombs = new Result("bombs", "graphql", 1, refusals.toArray().length, bad, seconds - 4, refusals.toArray());
        System.out.printf(Locale.ROOT, "%nBombs under load (%d clients sending traces meanwhile):%n", clients);
        System.out.printf(Locale.ROOT, "| refusals | not refused | refusal p50 ms | p99 ms | max ms | over 50 ms | traces/s meanwhile | trace p99 ms |%n");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        System.out.printf(Locale.ROOT, "| %,d | %d | %.1f | %.1f | %.1f | %d | %,.0f | %.1f |%n", bombs.requests(), bad,
                bombs.percentileMillis(50), bombs.percentileMillis(99), bombs.percentileMillis(100), slow.size(),
                normalResult.perSecond(), normalResult.percentileMillis(99));
        if (!slow.isEmpty()) {
            System.out.println("Refusals over 50 ms: " + String.join("; ", slow));
        }
    }

    /**
     * One bomb through the JDK's blocking HTTP client, on the calling thread over a kept-alive
     * connection: the time measured is the server's and one wake-up of this thread, not the hand-offs
     * between the threads of an asynchronous client (which, on a saturated machine, each wait for a core).
     */
    private static String sendBomb(URI endpoint, byte[] body) {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(30_000);
            connection.setFixedLengthStreamingMode(body.length);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setRequestProperty("Accept", "application/graphql-response+json");
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            try (InputStream in = connection.getResponseCode() < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Lot> sample(Driver driver, String query, long batches) {
        int n = 5_000;
        double share = Math.min(1.0, 4.0 * n / Math.max(1, batches));
        return driver.executableQuery(query).withParameters(Map.of("share", share, "n", n)).execute().records().stream()
                .map(r -> new Lot(r.get("gtin").asString(), r.get("lot").asString(), r.get("key").asString()))
                .toList();
    }

    /** A query of a lot over HTTP; true when the answer has the batch and no error. */
    private static CompletableFuture<Boolean> graphQl(HttpClient http, URI endpoint, String query, Lot lot) {
        String body = JSON.writeValueAsString(Map.of("query", query, "variables", Map.of("gtin", lot.gtin(), "lot", lot.lot())));
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> response.statusCode() == 200 && !response.body().contains("\"errors\"")
                        && response.body().contains(lot.key()));
    }

    /**
     * The statements the GraphQL request runs, in the same stages, straight through the driver's
     * reactive sessions in read transactions: the batch; its households, journey and inputs (and the
     * inputs' batches); the inputs' households.
     */
    private static Mono<Boolean> direct(GraphReader reader, Lot lot) {
        List<String> key = List.of(lot.key());
        Mono<Long> batch = reader.read(Catalogue.TRACE_BATCHES, Map.of("keys", key)).count();
        return batch.flatMap(found -> {
            Mono<Long> producers = reader.read(Catalogue.TRACE_CONTRIBUTIONS, Map.of("keys", key)).count();
            Mono<Long> journey = reader.read(Catalogue.TRACE_JOURNEYS, Map.of("keys", key)).count();
            Mono<Long> inputs = reader.read(Catalogue.TRACE_INPUTS, Map.of("keys", key))
                    .map(row -> row.get("input").asString()).collectList()
                    .flatMap(inputKeys -> Mono.zip(
                            reader.read(Catalogue.TRACE_BATCHES, Map.of("keys", inputKeys)).count(),
                            reader.read(Catalogue.TRACE_CONTRIBUTIONS, Map.of("keys", inputKeys)).count())
                            .map(t -> t.getT1() + t.getT2()));
            return Mono.zip(producers, journey, inputs).map(t -> found == 1);
        });
    }

    /**
     * The statements of the GraphQL recall, in its stages: what is downstream; then the recalled batch
     * and the batches reached, two statements as the two batch mappings run them (here in parallel).
     */
    private static Mono<Boolean> directRecall(GraphReader reader, Lot lot) {
        return reader.read(Catalogue.TRACE_DOWNSTREAM, Map.of("keys", List.of(lot.key()))).collectList().flatMap(rows -> {
            if (rows.size() != 1) {
                return Mono.just(false);
            }
            List<String> reached = rows.getFirst().get("batches").asList(v -> v.asString());
            return Mono.zip(reader.read(Catalogue.TRACE_BATCHES, Map.of("keys", List.of(lot.key()))).count(),
                            reader.read(Catalogue.TRACE_BATCHES, Map.of("keys", reached)).count())
                    .map(t -> t.getT1() == 1 && t.getT2() == reached.size());
        });
    }

    private static void checkSameAnswers(List<Lot> lots, Function<Lot, CompletableFuture<Boolean>> graphQl,
            Function<Lot, CompletableFuture<Boolean>> direct) {
        for (Lot lot : lots) {
            if (!graphQl.apply(lot).join() || !direct.apply(lot).join()) {
                throw new IllegalStateException("lot " + lot + " is not answered by both sides");
            }
        }
    }

    private static Result run(String question, String side, int clients, List<Lot> lots, Function<Lot, CompletableFuture<Boolean>> call,
            int warmupSeconds, int seconds) throws InterruptedException {
        load(clients, lots, call, warmupSeconds, new ConcurrentLinkedQueue<>(), new AtomicLong());
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        load(clients, lots, call, seconds, latencies, errors);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).toArray();
        Result result = new Result(question, side, clients, all.length, errors.get(), elapsed, all);
        System.out.printf(Locale.ROOT, "  %-6s %-7s %3d clients: %,8.0f requests/s  p50 %6.1f ms  p99 %6.1f ms  (%,d errors)%n",
                question, side, clients, result.perSecond(), result.percentileMillis(50), result.percentileMillis(99), errors.get());
        return result;
    }

    /** {@code clients} closed loops for {@code seconds}; each loop's latencies end up in {@code latencies}. */
    private static void load(int clients, List<Lot> lots, Function<Lot, CompletableFuture<Boolean>> call, int seconds,
            ConcurrentLinkedQueue<long[]> latencies, AtomicLong errors) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            LatencyLog log = new LatencyLog();
            next(call, lots, end, log, errors, done);
            loops.add(done.whenComplete((v, e) -> latencies.add(log.toArray())));
        }
        CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).join();
    }

    private static void next(Function<Lot, CompletableFuture<Boolean>> call, List<Lot> lots, long end, LatencyLog log,
            AtomicLong errors, CompletableFuture<Void> done) {
        if (System.nanoTime() >= end) {
            done.complete(null);
            return;
        }
        Lot lot = lots.get(ThreadLocalRandom.current().nextInt(lots.size()));
        long sent = System.nanoTime();
        call.apply(lot).whenComplete((ok, failure) -> {
            if (failure == null && Boolean.TRUE.equals(ok)) {
                log.add(System.nanoTime() - sent);
            } else {
                errors.incrementAndGet();
            }
            next(call, lots, end, log, errors, done);
        });
    }

    /** One client's latencies: only its own loop appends, one request at a time. */
    private static final class LatencyLog {
        private long[] values = new long[1024];
        private int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    private static void report(List<Result> results, long batches) {
        System.out.printf(Locale.ROOT, "%n| graph | query | clients | side | requests/s | p50 ms | p99 ms | GraphQL ÷ driver |%n");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        for (int i = 0; i < results.size(); i += 2) {
            Result driver = results.get(i);
            Result graphQl = results.get(i + 1);
            for (Result r : List.of(driver, graphQl)) {
                System.out.printf(Locale.ROOT, "| %,d batches | %s | %d | %s | %,.0f | %.1f | %.1f | %s |%n", batches, r.question(),
                        r.clients(), r.side(),
                        r.perSecond(), r.percentileMillis(50), r.percentileMillis(99),
                        r == graphQl ? String.format(Locale.ROOT, "%.2f", graphQl.perSecond() / driver.perSecond()) : "");
            }
        }
    }
}
