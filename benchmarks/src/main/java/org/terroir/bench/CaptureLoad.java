package org.terroir.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The load client of {@code bench/capture}: splits EPCIS 2.0 JSON-LD documents into parts, hands the
 * parts in through {@code POST /capture} from {@code clients} threads at once, and waits until every
 * job has ended; prints the events captured per second of wall time, from the first request to the
 * last job's end.
 *
 * <pre>
 *   split OUT PARTS DOCUMENT...         writes OUT/part-NNN.jsonld, the events spread evenly
 *   capture URL TOKEN CLIENTS PART...   captures the parts, prints "events seconds events/s failures"
 * </pre>
 */
public final class CaptureLoad {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CaptureLoad() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "split" -> split(Path.of(args[1]), Integer.parseInt(args[2]), List.of(args).subList(3, args.length));
            case "capture" -> capture(URI.create(args[1]), args[2], Integer.parseInt(args[3]),
                    List.of(args).subList(4, args.length).stream().map(Path::of).toList());
            default -> throw new IllegalArgumentException("split or capture, not " + args[0]);
        }
    }

    private static void split(Path out, int parts, List<String> documents) throws IOException {
        Files.createDirectories(out);
        List<JsonNode> events = new ArrayList<>();
        ObjectNode shell = null;
        for (String document : documents) {
            ObjectNode whole = (ObjectNode) JSON.readTree(Path.of(document).toFile());
            whole.get("epcisBody").get("eventList").forEach(events::add);
            ((ObjectNode) whole.get("epcisBody")).set("eventList", JSON.createArrayNode());
            shell = whole;
        }
        for (int part = 0; part < parts; part++) {
            ObjectNode document = shell.deepCopy();
            ArrayNode list = (ArrayNode) document.get("epcisBody").get("eventList");
            for (int i = part * events.size() / parts; i < (part + 1) * events.size() / parts; i++) {
                list.add(events.get(i));
            }
            JSON.writeValue(out.resolve(String.format(Locale.ROOT, "part-%03d.jsonld", part)).toFile(), document);
        }
        System.out.printf(Locale.ROOT, "%d events in %d parts%n", events.size(), parts);
    }

    private static void capture(URI api, String token, int clients, List<Path> parts) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ConcurrentLinkedQueue<Path> todo = new ConcurrentLinkedQueue<>(parts);
        ConcurrentLinkedQueue<String> jobs = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        try (ExecutorService senders = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> sent = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                sent.add(senders.submit(() -> {
                    for (Path part = todo.poll(); part != null; part = todo.poll()) {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(api.resolve("/capture"))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/ld+json")
                                .POST(HttpRequest.BodyPublishers.ofFile(part)).build(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 202) {
                            jobs.add(response.headers().firstValue("Location").orElseThrow());
                        } else {
                            failures.incrementAndGet();
                            System.err.println(part + ": " + response.statusCode() + " " + response.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        }
        long events = 0;
        for (String job : jobs) {
            while (true) {
                JsonNode state = JSON.readTree(http.send(HttpRequest.newBuilder(api.resolve(job))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
                if (!state.get("running").asBoolean()) {
                    if (state.get("success").asBoolean()) {
                        events += state.get("events").asLong();
                    } else {
                        failures.incrementAndGet();
                        System.err.println(job + ": " + state);
                    }
                    break;
                }
                Thread.sleep(20);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%d %.2f %.0f %d%n", events, seconds, events / seconds, failures.get());
    }
}
