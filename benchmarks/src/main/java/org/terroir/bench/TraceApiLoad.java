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
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.neo4j.driver.Driver;
import org.terroir.bench.BenchSample.Lot;
import org.terroir.bench.BenchSample.Unit;
import org.terroir.bench.ClosedLoops.Call;
import org.terroir.bench.ClosedLoops.Result;
import org.terroir.bench.ClosedLoops.Side;
import org.terroir.bench.ClosedLoops.Turns;
import org.terroir.labels.DigitalLink;
import org.terroir.store.GraphStore;
import org.terroir.store.GraphTarget;
import org.terroir.store.OpenGraph;
import org.terroir.trace.neo4j.GraphReader;
import org.terroir.trace.recall.RecallStatements;
import org.terroir.trace.scans.PageQuery;
import org.terroir.trace.trace.TraceStatements;
import reactor.core.publisher.Mono;

/**
 * The trace API under load, run by {@code bench/trace-api} against a {@code terroir serve} process
 * of its own (the program as deployed, its JVM options, its embedded store with its Bolt port), from
 * separate client processes:
 *
 * <ul>
 *   <li>{@code prepare STORE WORK}: before the server starts, samples the store (packed lots, raw
 *       lots, serialised units), makes a label PKI and signs the units' labels ({@link BenchSample});
 *   <li>{@code measure WORK URL STORE [seconds] [warm-up] [clients,…]}: GraphQL {@code trace} and
 *       {@code recall} over HTTP beside the same statements straight through the driver over
 *       the server's Bolt port (the ceiling; reached with the store's credentials, as any terroir
 *       command reaches a store another process holds), in rounds of {@code seconds} each after {@code warm-up} seconds, and the scan
 *       page beside the GraphQL question it asks, for the same units; the scans the pages recorded,
 *       counted in the graph;
 *   <li>{@code load WORK URL seconds clients}: normal traces alone, while another process sends bombs;
 *   <li>{@code bombs URL seconds}: depth and complexity bombs one after another, each timed.
 * </ul>
 *
 * <p>Each client is a closed loop (one request at a time). The sides take turns, round after round
 * for each client count, so that a noisy machine hits both alike.
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
                items { totalCount }
                containers { totalCount }
                locations { totalCount nodes { kind nameEn } }
                parties { totalCount nodes { kind nameEn } }
              }
            }""";

    /** Abusive queries the API must refuse before running them: too deep, too complex. */
    private static final String LOT = "trace(gtin: \"09520011001021\", lot: \"LC2601\")";

    /**
     * The bombs: a deep and a complex selection written out, and the fragment family the limits once
     * let through at the price of one spread — a fragment spread 29 times, a chain of 60 fragments,
     * fragments doubling at each of 40 levels (2^40 fields written out), aliases inside a fragment
     * spread at three places.
     */
    private static final List<String> BOMBS = List.of(
            "{ " + LOT + " { " + "inputs { ".repeat(40) + "key" + " }".repeat(40) + " } }",
            "{ " + LOT + " { " + "inputs { producers { pseudonym } journey { id } ".repeat(6) + "key" + " }".repeat(6) + " } }",
            "{ " + LOT + " { " + java.util.stream.IntStream.range(0, 29).mapToObj(i -> "i" + i + ": inputs { ...up }")
                    .collect(java.util.stream.Collectors.joining(" ")) + " } }"
                    + " fragment up on BatchTrace { inputs { producers { pseudonym } journey { id } key } }",
            "{ " + LOT + " { ...f0 } }" + java.util.stream.IntStream.range(0, 60).mapToObj(i -> " fragment f" + i
                    + " on BatchTrace { key " + (i < 59 ? "inputs { ...f" + (i + 1) + " } " : "") + "}")
                    .collect(java.util.stream.Collectors.joining()),
            "{ " + LOT + " { ...d0 } }" + java.util.stream.IntStream.range(0, 40).mapToObj(i -> " fragment d" + i
                    + " on BatchTrace { " + (i < 39 ? "l: inputs { ...d" + (i + 1) + " } r: inputs { ...d" + (i + 1) + " }" : "key") + " }")
                    .collect(java.util.stream.Collectors.joining()),
            "{ a: " + LOT + " { ...names } b: " + LOT + " { ...names } c: " + LOT + " { ...names } }"
                    + " fragment names on BatchTrace { " + java.util.stream.IntStream.range(0, 10).mapToObj(i -> "k" + i + ": key")
                    .collect(java.util.stream.Collectors.joining(" ")) + " }");

    /** What a genuine unit's page says (the verdict section's class). */
    private static final String GENUINE = "class=\"verdict genuine\"";

    private static final tools.jackson.databind.ObjectMapper JSON = new tools.jackson.databind.ObjectMapper();

    private TraceApiLoad() {}

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "";
        switch (mode) {
            case "prepare" -> prepare(Path.of(args[1]), Path.of(args[2]));
            case "measure" -> measure(new BenchSample(Path.of(args[1])), URI.create(args[2]), Path.of(args[3]),
                    arg(args, 4, 15), arg(args, 5, 10),
                    args.length > 6 ? Arrays.stream(args[6].split(",")).mapToInt(Integer::parseInt).toArray() : new int[] {16, 64});
            case "load" -> load(new BenchSample(Path.of(args[1])), URI.create(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "bombs" -> bombs(URI.create(args[1]), Integer.parseInt(args[2]));
            default -> {
                System.err.println("""
                        usage: TraceApiLoad prepare STORE WORK
                               TraceApiLoad measure WORK URL STORE [seconds] [warm-up seconds] [clients,...]
                               TraceApiLoad load WORK URL seconds clients
                               TraceApiLoad bombs URL seconds""");
                System.exit(2);
            }
        }
    }

    /** Rounds per side and client count: the trace is what the GraphQL ÷ driver ratio is judged on. */
    static final int TRACE_ROUNDS = 4;
    static final int RECALL_ROUNDS = 2;

    private static int arg(String[] args, int index, int otherwise) {
        return args.length > index ? Integer.parseInt(args[index]) : otherwise;
    }

    private static void prepare(Path store, Path work) throws IOException {
        try (OpenGraph graph = GraphStore.open(new GraphTarget.Embedded(store, 0))) {
            new BenchSample(work).write(graph.driver());
        }
    }

    private static void measure(BenchSample sample, URI base, Path store, int seconds, int warmup, int[] clientCounts) throws IOException {
        List<Lot> lots = sample.packed();
        List<Lot> rawLots = sample.raw();
        List<Unit> units = sample.units().stream()
                .map(u -> new Unit(u.gtin(), u.lot(), u.serial(), DigitalLink.parse(u.label()).withBase(base.toString()).toUri()))
                .toList();
        long batches = sample.batches();
        try (OpenGraph graph = GraphStore.open(new GraphTarget.Embedded(store, 0))) {
            Driver driver = graph.driver();
            GraphReader reader = new GraphReader(driver);
            HttpClient http = http();
            URI endpoint = base.resolve("/graphql");
            Call<Lot> trace = traceOver(http, endpoint);
            Call<Lot> traceDirect = (client, lot) -> direct(reader, lot).toFuture();
            Call<Lot> recall = recallOver(http, endpoint);
            Call<Lot> recallDirect = (client, lot) -> directRecall(reader, lot).toFuture();
            List<String> devices = devices(Arrays.stream(clientCounts).max().orElse(1));
            Call<Unit> page = (client, unit) -> page(http, unit, devices.get(client));
            Call<Unit> pageQuestion = (client, unit) -> graphQl(http, endpoint, PageQuery.TEXT, Map.of("uri", unit.label()),
                    "\"" + unit.serial() + "\"");
            // Both sides answer alike before anything is measured.
            checkSameAnswers(lots.subList(0, Math.min(20, lots.size())), trace, traceDirect);
            checkSameAnswers(rawLots.subList(0, Math.min(20, rawLots.size())), recall, recallDirect);
            checkSameAnswers(units.subList(0, Math.min(20, units.size())), page, pageQuestion);

            // The server's JIT compiles every path the phases take (GraphQL, Bolt sessions, the page)
            // before the first phase, so that no side's first phase measures a cold server. Twice: code
            // both sides share (Netty, Reactor, the Bolt server) is compiled again once the other side
            // has run through it, which had the JIT's threads take a tenth of the machine during
            // GraphQL's first measured phase against a sixtieth in its second (JFR, 16 clients). Each
            // twice as long as a round's warm-up: with 10 s each, GraphQL's first two 16-client rounds
            // still ran at 130 requests/s against 180-190 in the next two.
            int first = clientCounts[0];
            for (int round = 0; round < 2; round++) {
                ClosedLoops.warm(first, lots, traceDirect, 2 * warmup);
                ClosedLoops.warm(first, lots, trace, 2 * warmup);
                ClosedLoops.warm(first, rawLots, recallDirect, 2 * warmup);
                ClosedLoops.warm(first, rawLots, recall, 2 * warmup);
                ClosedLoops.warm(first, units, page, 2 * warmup);
            }

            // The sides take turns in short rounds, so that a slow stretch of the machine (a phase of the
            // same side can differ by a quarter here) falls on both; the rate of each side is pooled over its rounds.
            List<List<Result>> pairs = new ArrayList<>();
            for (int clients : clientCounts) {
                pairs.add(rounds(TRACE_ROUNDS, "trace", clients, lots, traceDirect, trace, warmup, seconds));
            }
            for (int clients : clientCounts) {
                pairs.add(rounds(RECALL_ROUNDS, "recall", clients, rawLots, recallDirect, recall, warmup, seconds));
            }
            report(pairs, batches, "driver");
            List<Result> pages = new ArrayList<>();
            List<long[]> scans = new ArrayList<>();
            for (int clients : clientCounts) {
                pages.add(ClosedLoops.run("page", "graphql", clients, units, pageQuestion, warmup, seconds));
                ClosedLoops.warm(clients, units, page, warmup);
                long before = scans(driver);
                Result result = ClosedLoops.measure("page", "page", clients, units, page, seconds);
                long after = scans(driver);
                pages.add(result);
                scans.add(new long[] {before, after});
            }
            reportPages(pages, scans, batches);
        }
    }

    /** The scans in the graph once the server's recorder has written what it holds (it writes every 200 ms by default). */
    private static long scans(Driver driver) {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return driver.executableQuery("MATCH (s:Scan) RETURN count(s) AS n").execute().records().getFirst().get("n").asLong();
    }

    private static void load(BenchSample sample, URI base, int seconds, int clients) throws IOException {
        HttpClient http = http();
        URI endpoint = base.resolve("/graphql");
        Result result = ClosedLoops.measure("trace", "graphql", clients, sample.packed(), traceOver(http, endpoint), seconds);
        System.out.printf(Locale.ROOT, "Traces meanwhile (%d clients): %,.0f/s, p99 %.1f ms, %d errors%n", clients, result.perSecond(),
                result.percentileMillis(99), result.errors());
    }

    /**
     * Sends the bombs one after another, 20 ms apart, for {@code seconds} (while another process keeps
     * normal traces flowing): how long each refusal takes.
     */
    private static void bombs(URI base, int seconds) throws InterruptedException {
        URI endpoint = base.resolve("/graphql");
        List<byte[]> bodies = BOMBS.stream().map(bomb -> JSON.writeValueAsBytes(Map.of("query", bomb))).toList();
        // A few bombs before the clock starts: the client's first requests open its connection and load
        // its classes, which is the client's cost, not the refusal's.
        for (int i = 0; i < 10; i++) {
            sendBomb(endpoint, bodies.get(i % bodies.size()));
        }
        Thread.sleep(2_000);
        ClosedLoops.LatencyLog refusals = new ClosedLoops.LatencyLog();
        List<String> slow = new ArrayList<>();
        long bad = 0;
        long start = System.nanoTime();
        long end = start + (seconds - 4) * 1_000_000_000L;
        try (Stalls stalls = Stalls.start()) {
            for (int i = 0; System.nanoTime() < end; i++) {
                java.time.LocalTime wall = java.time.LocalTime.now();
                long sent = System.nanoTime();
                String response = sendBomb(endpoint, bodies.get(i % bodies.size()));
                long received = System.nanoTime();
                long took = received - sent;
                refusals.add(took);
                if (took > 50_000_000L) {
                    // The wall clock at the send, to line it up with the server's logs (-Xlog:gc:file=…:time);
                    // and how long this client itself could not run meanwhile.
                    slow.add(String.format(Locale.ROOT, "%.0f ms at %s (this client stalled %.0f ms meanwhile)", took / 1e6,
                            wall, stalls.longestBetween(sent, received) / 1e6));
                }
                if (!response.contains("exceeds the limit") && !response.contains("more than the limit")) {
                    bad++;
                }
                Thread.sleep(20);
            }
        }
        long[] all = refusals.toArray();
        Result bombs = new Result("bombs", "graphql", 1, all.length, bad, (System.nanoTime() - start) / 1e9, all);
        System.out.println("| refusals | not refused | refusal p50 ms | p99 ms | max ms | over 50 ms |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        System.out.printf(Locale.ROOT, "| %,d | %d | %.1f | %.1f | %.1f | %d |%n", bombs.requests(), bad, bombs.percentileMillis(50),
                bombs.percentileMillis(99), bombs.percentileMillis(100), slow.size());
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

    static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A device id per client, as a phone's browser keeps in its cookie. */
    private static List<String> devices(int clients) {
        SecureRandom random = new SecureRandom();
        List<String> devices = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            devices.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        return devices;
    }

    /** The benchmark's trace of a packed lot over HTTP; true when the answer has the lot and no error. */
    static Call<Lot> traceOver(HttpClient http, URI endpoint) {
        return (client, lot) -> graphQl(http, endpoint, TRACE, Map.of("gtin", lot.gtin(), "lot", lot.lot()), lot.key());
    }

    /** The benchmark's recall of a raw lot over HTTP; true when the answer has the lot and no error. */
    static Call<Lot> recallOver(HttpClient http, URI endpoint) {
        return (client, lot) -> graphQl(http, endpoint, RECALL, Map.of("gtin", lot.gtin(), "lot", lot.lot()), lot.key());
    }

    /** A GraphQL query over HTTP; true when the answer has {@code expected} and no error. */
    private static CompletableFuture<Boolean> graphQl(HttpClient http, URI endpoint, String query, Map<String, Object> variables,
            String expected) {
        String body = JSON.writeValueAsString(Map.of("query", query, "variables", variables));
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> response.statusCode() == 200 && !response.body().contains("\"errors\"")
                        && response.body().contains(expected));
    }

    /** A phone's scan of a unit's label: the page in Chinese, gzip accepted as browsers do; true when it says genuine. */
    private static CompletableFuture<Boolean> page(HttpClient http, Unit unit, String device) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(unit.label()))
                .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
                .header("Accept-Language", "zh-CN,zh;q=0.9")
                .header("Accept-Encoding", "gzip")
                .header("Cookie", "terroir_device=" + device)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> {
            if (response.statusCode() != 200) {
                return false;
            }
            String page = text(response.body(), response.headers().firstValue("Content-Encoding").orElse(""));
            return page.contains(GENUINE) && page.contains(unit.serial());
        });
    }

    /** A body as the browser reads it: unzipped when the server sent it gzipped. */
    private static String text(byte[] body, String encoding) {
        if (!encoding.equalsIgnoreCase("gzip")) {
            return new String(body, StandardCharsets.UTF_8);
        }
        try (InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The statements the GraphQL request runs, in the same stages, straight through the driver's
     * reactive sessions in read transactions: the batch; its households, journey and inputs (with the
     * inputs' batches); the inputs' households.
     */
    private static Mono<Boolean> direct(GraphReader reader, Lot lot) {
        List<String> key = List.of(lot.key());
        Mono<Long> batch = reader.read(TraceStatements.TRACE_BATCHES, Map.of("keys", key)).count();
        return batch.flatMap(found -> {
            Mono<Long> producers = reader.read(TraceStatements.TRACE_CONTRIBUTIONS, Map.of("keys", key)).count();
            Mono<Long> journey = reader.read(TraceStatements.TRACE_JOURNEYS, Map.of("keys", key)).count();
            Mono<Long> inputs = reader.read(TraceStatements.TRACE_INPUT_BATCHES, Map.of("keys", key))
                    .map(row -> row.get("key").asString()).collectList()
                    .flatMap(inputKeys -> reader.read(TraceStatements.TRACE_CONTRIBUTIONS, Map.of("keys", inputKeys)).count()
                            .map(contributions -> inputKeys.size() + contributions));
            return Mono.zip(producers, journey, inputs).map(t -> found == 1);
        });
    }

    /**
     * The statements of the GraphQL recall, in its stages: what is downstream; then the recalled batch
     * and the batches reached, two statements as the two batch mappings run them (here in parallel).
     */
    private static Mono<Boolean> directRecall(GraphReader reader, Lot lot) {
        return reader.read(RecallStatements.TRACE_DOWNSTREAM, Map.of("keys", List.of(lot.key()))).collectList().flatMap(rows -> {
            if (rows.size() != 1) {
                return Mono.just(false);
            }
            List<String> reached = rows.getFirst().get("batches").asList(v -> v.asString());
            return Mono.zip(reader.read(TraceStatements.TRACE_BATCHES, Map.of("keys", List.of(lot.key()))).count(),
                            reader.read(TraceStatements.TRACE_BATCHES, Map.of("keys", reached)).count())
                    .map(t -> t.getT1() == 1 && t.getT2() == reached.size());
        });
    }

    private static <T> void checkSameAnswers(List<T> samples, Call<T> one, Call<T> other) {
        for (T sample : samples) {
            if (!one.apply(0, sample).join() || !other.apply(0, sample).join()) {
                throw new IllegalStateException(sample + " is not answered by both sides");
            }
        }
    }

    /** Rounds of the driver and GraphQL in turn (the driver first), on the same samples. */
    private static <T> List<Result> rounds(int rounds, String question, int clients, List<T> samples, Call<T> baseline,
                                           Call<T> graphQl, int warmup, int seconds) {
        return ClosedLoops.turns(rounds, question, clients, new Side<>("driver", samples, baseline), new Side<>("graphql", samples, graphQl),
                warmup, seconds);
    }

    /**
     * One row per side and client count, its rounds pooled (requests over time, percentiles over all
     * latencies); the GraphQL row gives the pooled rate against the baseline's and each round's ratio.
     */
    private static void report(List<List<Result>> pairs, long batches, String baseline) {
        System.out.printf(Locale.ROOT, "%n| graph | query | clients | side | requests/s | p50 ms | p99 ms | GraphQL ÷ %s | rounds |%n",
                baseline);
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (List<Result> rounds : pairs) {
            Turns turns = Turns.of(rounds);
            Result b = Result.pooled(turns.first());
            Result g = Result.pooled(turns.second());
            for (Result r : List.of(b, g)) {
                System.out.printf(Locale.ROOT, "| %,d batches | %s | %d | %s | %,.0f | %.1f | %.1f | %s | %s |%n", batches, r.question(),
                        r.clients(), r.side(), r.perSecond(), r.percentileMillis(50), r.percentileMillis(99),
                        r == g ? String.format(Locale.ROOT, "%.2f", g.perSecond() / b.perSecond()) : "",
                        r == g ? String.join(", ", turns.ratios(Result::perSecond)) : turns.rounds());
            }
        }
    }

    private static void reportPages(List<Result> pages, List<long[]> scans, long batches) {
        System.out.printf(Locale.ROOT, "%n| graph | clients | side | requests/s | p50 ms | p99 ms | page ÷ GraphQL | scans recorded/s | scans ÷ pages |%n");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (int i = 0; i < pages.size(); i += 2) {
            Result question = pages.get(i);
            Result page = pages.get(i + 1);
            long recorded = scans.get(i / 2)[1] - scans.get(i / 2)[0];
            System.out.printf(Locale.ROOT, "| %,d batches | %d | GraphQL page question | %,.0f | %.1f | %.1f | | | |%n", batches,
                    question.clients(), question.perSecond(), question.percentileMillis(50), question.percentileMillis(99));
            System.out.printf(Locale.ROOT, "| %,d batches | %d | scan page | %,.0f | %.1f | %.1f | %.2f | %,.0f | %.3f |%n", batches,
                    page.clients(), page.perSecond(), page.percentileMillis(50), page.percentileMillis(99),
                    page.perSecond() / question.perSecond(), recorded / page.seconds(), (double) recorded / (page.requests() + page.errors()));
        }
    }
}
