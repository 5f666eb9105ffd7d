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
import org.neo4j.driver.Value;
import org.terroir.bench.BenchSample.Lot;
import org.terroir.bench.BenchSample.Unit;
import org.terroir.bench.ClosedLoops.Call;
import org.terroir.bench.ClosedLoops.Result;
import org.terroir.bench.ClosedLoops.Side;
import org.terroir.bench.ClosedLoops.Turns;
import org.terroir.labels.DigitalLink;
import org.terroir.model.cypher.Statement;
import org.terroir.store.GraphStore;
import org.terroir.store.GraphTarget;
import org.terroir.store.OpenGraph;
import org.terroir.trace.neo4j.GraphReader;
import org.terroir.trace.recall.RecallStatements;
import org.terroir.trace.scans.PageQuery;
import org.terroir.trace.trace.TraceStatements;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The trace API under load, run by {@code bench/trace-api} against a {@code terroir serve} process
 * of its own (the program as deployed, its JVM options, its embedded store with its Bolt port), from
 * separate client processes:
 *
 * <ul>
 *   <li>{@code prepare STORE WORK}: before the server starts, samples the store (packed lots, raw
 *       lots, serialised units), makes a label PKI and signs the units' labels ({@link BenchSample});
 *   <li>{@code measure WORK URL STORE SERVER-PID [seconds] [warm-up] [clients,…]}: three sides of each
 *       question, GraphQL {@code trace} ({@link #TRACE}) and {@code recall} ({@link #RECALL}): the
 *       baseline, one hand-written statement that returns the whole answer ({@link HandWritten});
 *       the catalogue statements the API runs ({@code TraceStatements}, {@code RecallStatements}), in
 *       its stages (five for a trace, three for a recall); and GraphQL over HTTP. The statements go straight through the driver's
 *       reactive sessions over the server's Bolt port (reached with the store's credentials, as any
 *       terroir command reaches a store another process holds). Before anything is measured, the
 *       hand-written statement's answer and GraphQL's are compared as JSON for {@value #COMPARED}
 *       sampled lots of each question, and the run stops at the first that differs. The sides take
 *       turns in rounds of {@code seconds} each after {@code warm-up} seconds; each round reads the
 *       server's CPU time ({@code /proc/SERVER-PID/stat}) before and after, and the report gives each
 *       side's requests/s, latencies and server CPU milliseconds per request, the driver's and
 *       GraphQL's against the hand-written statement's. Then the scan page beside the GraphQL
 *       question it asks, for the same units, with the server's CPU too; the scans the pages
 *       recorded, counted in the graph;
 *   <li>{@code load WORK URL seconds clients}: normal traces alone, while another process sends bombs;
 *   <li>{@code bombs URL seconds}: depth and complexity bombs one after another, each timed.
 * </ul>
 *
 * <p>Each client is a closed loop (one request at a time). The sides take turns, round after round
 * for each client count, so that a noisy machine hits them all alike.
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

    /** The hand-written statement's side: the baseline the others are judged against. */
    private static final String STATEMENT = "statement";

    private TraceApiLoad() {}

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "";
        switch (mode) {
            case "prepare" -> prepare(Path.of(args[1]), Path.of(args[2]));
            case "measure" -> measure(new BenchSample(Path.of(args[1])), URI.create(args[2]), Path.of(args[3]),
                    ServerCpu.of(Long.parseLong(args[4])), arg(args, 5, 15), arg(args, 6, 10),
                    args.length > 7 ? Arrays.stream(args[7].split(",")).mapToInt(Integer::parseInt).toArray() : new int[] {16, 64});
            case "load" -> load(new BenchSample(Path.of(args[1])), URI.create(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "bombs" -> bombs(URI.create(args[1]), Integer.parseInt(args[2]));
            default -> {
                System.err.println("""
                        usage: TraceApiLoad prepare STORE WORK
                               TraceApiLoad measure WORK URL STORE SERVER-PID [seconds] [warm-up seconds] [clients,...]
                               TraceApiLoad load WORK URL seconds clients
                               TraceApiLoad bombs URL seconds""");
                System.exit(2);
            }
        }
    }

    /** Rounds per side and client count: the trace is what the GraphQL ÷ statement ratio is judged on. */
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

    /** How many sampled lots each question's statement and GraphQL answer are compared on before anything is measured. */
    static final int COMPARED = 100;

    private static void measure(BenchSample sample, URI base, Path store, ServerCpu cpu, int seconds, int warmup, int[] clientCounts)
            throws IOException {
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
            Call<Lot> traceDriver = (client, lot) -> direct(reader, lot).toFuture();
            // The hand-written statements' sides read their one row (the driver decoding the nested answer)
            // and look at its key; the answer is made JSON only for the comparison below.
            Call<Lot> traceStatement = (client, lot) -> statement(reader, HandWritten.TRACE, "trace", lot)
                    .map(answer -> lot.key().equals(answer.get("key").asString())).toFuture();
            Call<Lot> recall = recallOver(http, endpoint);
            Call<Lot> recallDriver = (client, lot) -> directRecall(reader, lot).toFuture();
            Call<Lot> recallStatement = (client, lot) -> statement(reader, HandWritten.RECALL, "recall", lot)
                    .map(answer -> lot.key().equals(answer.get("batch").get("key").asString())).toFuture();
            List<String> devices = devices(Arrays.stream(clientCounts).max().orElse(1));
            Call<Unit> page = (client, unit) -> page(http, unit, devices.get(client));
            Call<Unit> pageQuestion = (client, unit) -> graphQl(http, endpoint, PageQuery.TEXT, Map.of("uri", unit.label()),
                    "\"" + unit.serial() + "\"");
            // The hand-written statements give GraphQL's answers, field for field, and the other sides answer
            // too, before anything is measured.
            checkIdenticalAnswers(lots.subList(0, Math.min(COMPARED, lots.size())), "trace", TRACE, HandWritten.TRACE, http, endpoint,
                    reader);
            checkIdenticalAnswers(rawLots.subList(0, Math.min(COMPARED, rawLots.size())), "recall", RECALL, HandWritten.RECALL, http,
                    endpoint, reader);
            checkSameAnswers(lots.subList(0, Math.min(20, lots.size())), trace, traceDriver);
            checkSameAnswers(rawLots.subList(0, Math.min(20, rawLots.size())), recall, recallDriver);
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
                ClosedLoops.warm(first, lots, traceStatement, 2 * warmup);
                ClosedLoops.warm(first, lots, traceDriver, 2 * warmup);
                ClosedLoops.warm(first, lots, trace, 2 * warmup);
                ClosedLoops.warm(first, rawLots, recallStatement, 2 * warmup);
                ClosedLoops.warm(first, rawLots, recallDriver, 2 * warmup);
                ClosedLoops.warm(first, rawLots, recall, 2 * warmup);
                ClosedLoops.warm(first, units, page, 2 * warmup);
            }

            // The sides take turns in short rounds, so that a slow stretch of the machine (a phase of the
            // same side can differ by a quarter here) falls on all three; the rate of each side is pooled over its rounds.
            List<Turns> questions = new ArrayList<>();
            for (int clients : clientCounts) {
                questions.add(ClosedLoops.turns(TRACE_ROUNDS, "trace", clients, sides(lots, traceStatement, traceDriver, trace), warmup,
                        seconds, cpu));
            }
            for (int clients : clientCounts) {
                questions.add(ClosedLoops.turns(RECALL_ROUNDS, "recall", clients, sides(rawLots, recallStatement, recallDriver, recall),
                        warmup, seconds, cpu));
            }
            report(questions, batches);
            List<Result> pages = new ArrayList<>();
            List<long[]> scans = new ArrayList<>();
            for (int clients : clientCounts) {
                pages.add(ClosedLoops.run("page", "graphql", clients, units, pageQuestion, warmup, seconds, cpu));
                ClosedLoops.warm(clients, units, page, warmup);
                long before = scans(driver);
                Result result = ClosedLoops.measure("page", "page", clients, units, page, seconds, cpu);
                long after = scans(driver);
                pages.add(result);
                scans.add(new long[] {before, after});
            }
            reportPages(pages, scans, questions.subList(0, clientCounts.length), batches);
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
        Result result = ClosedLoops.measure("trace", "graphql", clients, sample.packed(), traceOver(http, endpoint), seconds,
                ServerCpu.UNKNOWN);
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
        Result bombs = new Result("bombs", "graphql", 1, all.length, bad, (System.nanoTime() - start) / 1e9, all, Double.NaN);
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
        return post(http, endpoint, query, variables)
                .thenApply(response -> response.statusCode() == 200 && !response.body().contains("\"errors\"")
                        && response.body().contains(expected));
    }

    /** A GraphQL query over HTTP, as a client without a token (the public view) sends it. */
    private static CompletableFuture<HttpResponse<String>> post(HttpClient http, URI endpoint, String query, Map<String, Object> variables) {
        String body = JSON.writeValueAsString(Map.of("query", query, "variables", variables));
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The answer's {@code data.FIELD} of a GraphQL query about a lot; an error or a failed request throws. */
    private static JsonNode graphQlAnswer(HttpClient http, URI endpoint, String query, String field, Lot lot) {
        HttpResponse<String> response = post(http, endpoint, query, Map.of("gtin", lot.gtin(), "lot", lot.lot())).join();
        JsonNode body = JSON.readTree(response.body());
        if (response.statusCode() != 200 || body.has("errors")) {
            throw new IllegalStateException(lot + ": GraphQL " + field + " answered " + response.statusCode() + " " + response.body());
        }
        return body.path("data").path(field);
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

    /**
     * The hand-written statement's answer for a lot: the one column {@code column} of its one row. Read
     * as the driver side reads its rows, in a read transaction of a reactive session; empty when no row.
     */
    private static Mono<Value> statement(GraphReader reader, Statement statement, String column, Lot lot) {
        return reader.read(statement, Map.of("key", lot.key())).singleOrEmpty().map(row -> row.get(column));
    }

    /**
     * The GraphQL answer ({@code data.FIELD}) and the hand-written statement's, as JSON trees, are equal
     * for each lot; the first lot where they are not throws, with both answers' JSON and where they
     * first part.
     */
    private static void checkIdenticalAnswers(List<Lot> lots, String field, String query, Statement statement, HttpClient http,
                                              URI endpoint, GraphReader reader) {
        int moved = 0;
        for (Lot lot : lots) {
            JsonNode graphQl = graphQlAnswer(http, endpoint, query, field, lot);
            Value row = statement(reader, statement, field, lot).block();
            JsonNode handWritten = row == null ? JSON.nullNode() : HandWritten.json(row, JSON);
            if (!graphQl.equals(handWritten)) {
                throw new IllegalStateException(String.format(Locale.ROOT, "%s of %s: the hand-written statement %s answers otherwise than "
                                + "GraphQL (first at %s)%nGraphQL:   %s%nstatement: %s", field, lot, statement.name(),
                        difference(graphQl, handWritten, ""), JSON.writeValueAsString(graphQl), JSON.writeValueAsString(handWritten)));
            }
            if (!graphQl.path("journey").isEmpty() || graphQl.path("locations").path("totalCount").asInt(0) > 0) {
                moved++;
            }
        }
        System.out.printf(Locale.ROOT, "%s: the hand-written statement answers as GraphQL does for %d of %d lots compared (%d with hops "
                + "or locations)%n", field, lots.size(), lots.size(), moved);
    }

    /** The JSON pointer of the first place {@code a} and {@code b} differ (in document order). */
    private static String difference(JsonNode a, JsonNode b, String at) {
        if (a.isObject() && b.isObject()) {
            for (String name : a.propertyNames()) {
                if (!b.has(name)) {
                    return at + "/" + name + " (only in GraphQL's)";
                }
                if (!a.get(name).equals(b.get(name))) {
                    return difference(a.get(name), b.get(name), at + "/" + name);
                }
            }
            for (String name : b.propertyNames()) {
                if (!a.has(name)) {
                    return at + "/" + name + " (only in the statement's)";
                }
            }
        } else if (a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                if (!a.get(i).equals(b.get(i))) {
                    return difference(a.get(i), b.get(i), at + "/" + i);
                }
            }
            return at + " (" + a.size() + " against " + b.size() + " elements)";
        }
        return at.isEmpty() ? "/" : at + " (" + a.getNodeType() + " " + a + " against " + b.getNodeType() + " " + b + ")";
    }

    private static <T> void checkSameAnswers(List<T> samples, Call<T> one, Call<T> other) {
        for (T sample : samples) {
            if (!one.apply(0, sample).join() || !other.apply(0, sample).join()) {
                throw new IllegalStateException(sample + " is not answered by both sides");
            }
        }
    }

    /** The three sides of a question, in the order they take turns: the hand-written statement, the driver, GraphQL. */
    private static List<Side<?>> sides(List<Lot> lots, Call<Lot> statement, Call<Lot> driver, Call<Lot> graphQl) {
        return List.of(new Side<>(STATEMENT, lots, statement), new Side<>("driver", lots, driver), new Side<>("graphql", lots, graphQl));
    }

    /**
     * One row per side, question and client count, its rounds pooled (requests over time, percentiles
     * over all latencies, the server's CPU over all requests); the driver's and GraphQL's rows give their
     * pooled rate and CPU per request against the hand-written statement's, and each round's rate ratio.
     */
    private static void report(List<Turns> questions, long batches) {
        System.out.printf(Locale.ROOT, "%n| graph | query | clients | side | requests/s | p50 ms | p99 ms | server CPU ms/request "
                + "| ÷ statement (rate) | ÷ statement (CPU) | rounds (rate ÷ statement) |%n");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (Turns turns : questions) {
            Result statement = turns.pooled(0);
            for (int side = 0; side < turns.sides().size(); side++) {
                Result r = turns.pooled(side);
                boolean baseline = side == 0;
                System.out.printf(Locale.ROOT, "| %,d batches | %s | %d | %s | %,.0f | %.1f | %.1f | %.2f | %s | %s | %s |%n", batches,
                        r.question(), r.clients(), baseline ? "hand-written statement" : r.side(), r.perSecond(),
                        r.percentileMillis(50), r.percentileMillis(99), r.cpuPerRequest(),
                        baseline ? "" : String.format(Locale.ROOT, "%.2f", r.perSecond() / statement.perSecond()),
                        baseline ? "" : String.format(Locale.ROOT, "%.2f", r.cpuPerRequest() / statement.cpuPerRequest()),
                        baseline ? turns.rounds() : String.join(", ", turns.ratios(side, 0, Result::perSecond)));
            }
        }
    }

    /**
     * The page and the GraphQL question it asks, per client count, with the server's CPU per request;
     * beside them the hand-written trace statement's rate and CPU at the same client count (from its
     * own rounds, on packed lots: a baseline for scale, not the same units).
     */
    private static void reportPages(List<Result> pages, List<long[]> scans, List<Turns> traces, long batches) {
        System.out.printf(Locale.ROOT, "%n| graph | clients | side | requests/s | p50 ms | p99 ms | server CPU ms/request | page ÷ GraphQL "
                + "| scans recorded/s | scans ÷ pages | trace statement requests/s (CPU ms/request) |%n");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (int i = 0; i < pages.size(); i += 2) {
            Result question = pages.get(i);
            Result page = pages.get(i + 1);
            Result statement = traces.get(i / 2).pooled(0);
            long recorded = scans.get(i / 2)[1] - scans.get(i / 2)[0];
            System.out.printf(Locale.ROOT, "| %,d batches | %d | GraphQL page question | %,.0f | %.1f | %.1f | %.2f | | | | |%n", batches,
                    question.clients(), question.perSecond(), question.percentileMillis(50), question.percentileMillis(99),
                    question.cpuPerRequest());
            System.out.printf(Locale.ROOT, "| %,d batches | %d | scan page | %,.0f | %.1f | %.1f | %.2f | %.2f | %,.0f | %.3f | %,.0f (%.2f) |%n",
                    batches, page.clients(), page.perSecond(), page.percentileMillis(50), page.percentileMillis(99), page.cpuPerRequest(),
                    page.perSecond() / question.perSecond(), recorded / page.seconds(), (double) recorded / (page.requests() + page.errors()),
                    statement.perSecond(), statement.cpuPerRequest());
        }
    }
}
