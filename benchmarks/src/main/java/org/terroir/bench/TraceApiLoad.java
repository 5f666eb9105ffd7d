package org.terroir.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    /** A random sample of packed lots (batches made from others), spread over the whole graph. */
    private static final String SAMPLE = """
            MATCH (b:Batch)-[:MADE_FROM]->(:Batch)
            WITH DISTINCT b WHERE rand() < $share
            RETURN b.gtin AS gtin, b.lot AS lot, b.key AS key LIMIT $n""";

    private static final tools.jackson.databind.ObjectMapper JSON = new tools.jackson.databind.ObjectMapper();

    private record Lot(String gtin, String lot, String key) {}

    private record Result(String side, int clients, long requests, long errors, double seconds, long[] latenciesNanos) {

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
            List<Lot> lots = sample(driver, batches);
            System.out.printf(Locale.ROOT, "Graph %s: %,d batches; %,d packed lots sampled%n", store, batches, lots.size());
            GraphReader reader = new GraphReader(driver);
            try (TraceApiServer server = TraceApiServer.start(driver, 0, Map.of("logging.level.root", "WARN"))) {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10)).build();
                Function<Lot, CompletableFuture<Boolean>> graphQl = lot -> graphQl(http, server.graphQlUri(), lot);
                Function<Lot, CompletableFuture<Boolean>> direct = lot -> direct(reader, lot).toFuture();
                // Both sides answer every sampled lot alike before anything is measured.
                checkSameAnswers(lots.subList(0, Math.min(20, lots.size())), graphQl, direct);
                List<Result> results = new ArrayList<>();
                for (int clients : clientCounts) {
                    for (int round = 0; round < 2; round++) {
                        results.add(run("driver", clients, lots, direct, warmup, seconds));
                        results.add(run("graphql", clients, lots, graphQl, warmup, seconds));
                    }
                }
                report(results, batches);
            }
        }
    }

    private static List<Lot> sample(Driver driver, long batches) {
        int n = 5_000;
        double share = Math.min(1.0, 4.0 * n / Math.max(1, batches));
        return driver.executableQuery(SAMPLE).withParameters(Map.of("share", share, "n", n)).execute().records().stream()
                .map(r -> new Lot(r.get("gtin").asString(), r.get("lot").asString(), r.get("key").asString()))
                .toList();
    }

    /** The trace over HTTP; true when the answer has the batch and no error. */
    private static CompletableFuture<Boolean> graphQl(HttpClient http, URI endpoint, Lot lot) {
        String body = JSON.writeValueAsString(Map.of("query", TRACE, "variables", Map.of("gtin", lot.gtin(), "lot", lot.lot())));
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

    private static void checkSameAnswers(List<Lot> lots, Function<Lot, CompletableFuture<Boolean>> graphQl,
            Function<Lot, CompletableFuture<Boolean>> direct) {
        for (Lot lot : lots) {
            if (!graphQl.apply(lot).join() || !direct.apply(lot).join()) {
                throw new IllegalStateException("lot " + lot + " is not answered by both sides");
            }
        }
    }

    private static Result run(String side, int clients, List<Lot> lots, Function<Lot, CompletableFuture<Boolean>> call,
            int warmupSeconds, int seconds) throws InterruptedException {
        load(clients, lots, call, warmupSeconds, new ConcurrentLinkedQueue<>(), new AtomicLong());
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        load(clients, lots, call, seconds, latencies, errors);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).toArray();
        Result result = new Result(side, clients, all.length, errors.get(), elapsed, all);
        System.out.printf(Locale.ROOT, "  %-7s %3d clients: %,8.0f requests/s  p50 %6.1f ms  p99 %6.1f ms  (%,d errors)%n",
                side, clients, result.perSecond(), result.percentileMillis(50), result.percentileMillis(99), errors.get());
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
        System.out.printf(Locale.ROOT, "%n| graph | clients | side | requests/s | p50 ms | p99 ms | GraphQL ÷ driver |%n");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        for (int i = 0; i < results.size(); i += 2) {
            Result driver = results.get(i);
            Result graphQl = results.get(i + 1);
            for (Result r : List.of(driver, graphQl)) {
                System.out.printf(Locale.ROOT, "| %,d batches | %d | %s | %,.0f | %.1f | %.1f | %s |%n", batches, r.clients(), r.side(),
                        r.perSecond(), r.percentileMillis(50), r.percentileMillis(99),
                        r == graphQl ? String.format(Locale.ROOT, "%.2f", graphQl.perSecond() / driver.perSecond()) : "");
            }
        }
    }
}
